package org.hozon.retrieve;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.hozon.archive.store.LocalStore;

/**
 * Resolves the instances of a WADO-RS target (study, series or instance) from the index in one
 * query, in a stable order: series by Series Number, instances by Instance Number (then by
 * insertion). Headers are fetched in the same query when asked, so series metadata of hundreds
 * of instances costs one round trip. Only SELECTs; the bytes are streamed by the caller after
 * the transaction (see {@link InstanceWriter}).
 */
@Stateless
public class RetrieveService {
    private static final String SELECT = "SELECT st.study_iuid, se.series_iuid, i.sop_iuid, i.sop_cuid,"
            + " i.transfer_syntax_uid, i.storage_path, i.size_bytes, i.pixel_data_offset, i.pixel_data_length";
    private static final String FROM = " FROM instance i JOIN series se ON i.series_fk = se.pk"
            + " JOIN study st ON se.study_fk = st.pk WHERE st.study_iuid = ?";
    private static final String ORDER = " ORDER BY se.series_number, se.pk, i.instance_number, i.pk";

    @Resource(lookup = "java:jboss/datasources/HozonDS")
    DataSource dataSource;

    @Inject
    LocalStore store;

    /**
     * The instances of a study, a series of it, or one instance; empty if none.
     *
     * @param study       Study Instance UID
     * @param series      Series Instance UID, or null for the whole study
     * @param sop         SOP Instance UID, or null for the whole series or study
     * @param withHeaders whether to fetch the stored headers too
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<StoredInstance> find(String study, String series, String sop, boolean withHeaders) {
        StringBuilder sql = new StringBuilder(SELECT);
        if (withHeaders) {
            sql.append(", i.header");
        }
        sql.append(FROM);
        if (series != null) {
            sql.append(" AND se.series_iuid = ?");
        }
        if (sop != null) {
            sql.append(" AND i.sop_iuid = ?");
        }
        sql.append(ORDER);
        Path root = store.root();
        List<StoredInstance> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            ps.setString(p++, study);
            if (series != null) {
                ps.setString(p++, series);
            }
            if (sop != null) {
                ps.setString(p, sop);
            }
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredInstance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), root.resolve(rs.getString(6)), rs.getLong(7), nullableLong(rs, 8),
                            nullableLong(rs, 9), withHeaders ? rs.getBytes(10) : null));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("WADO-RS lookup failed: " + e.getMessage(), e);
        }
        return out;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
