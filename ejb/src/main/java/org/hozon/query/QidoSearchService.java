package org.hozon.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.hozon.dicom.Dataset;
import org.hozon.dicomweb.qido.IgnoredParameter;
import org.hozon.dicomweb.qido.QidoQuery;
import org.hozon.persistence.query.IndexRow;
import org.hozon.persistence.query.QidoSearchExecutor;
import org.hozon.persistence.query.QidoSql;
import org.hozon.persistence.query.QidoSqlBuilder;
import org.hozon.persistence.query.SearchPage;

/**
 * Runs QIDO-RS searches on the index. Read only: it only SELECTs (the statement and the batched
 * request items), inside one container transaction so a page is read from one connection.
 */
@Stateless
public class QidoSearchService {

    @Resource(lookup = "java:jboss/datasources/HozonDS")
    DataSource dataSource;

    @Inject
    QidoSettings settings;

    /**
     * Searches one page.
     *
     * @param baseUrl the DICOMweb base URL as the client sees it (no trailing slash), for RetrieveURL
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public QidoResult search(QidoQuery query, String baseUrl) {
        int max = settings.maxResults();
        int limit = query.limit().orElse(max);
        int pageSize = Math.min(limit, max);
        QidoSql sql = QidoSqlBuilder.build(query, pageSize, settings.maxCandidates(),
                QidoResultBuilder.needsHeader(query));
        SearchPage page;
        try (Connection c = dataSource.getConnection()) {
            page = QidoSearchExecutor.execute(c, sql, query.offset(), pageSize, settings.maxCandidates());
        } catch (SQLException e) {
            throw new IllegalStateException("QIDO-RS search failed: " + e.getMessage(), e);
        }
        List<Dataset> datasets = new ArrayList<>(page.rows().size());
        int[] returnTags = QidoResultBuilder.returnTags(query);
        for (int i = 0; i < page.rows().size(); i++) {
            IndexRow row = page.rows().get(i);
            Dataset header = page.headers().isEmpty() ? null : page.headers().get(i);
            Long series = row.number("series_pk");
            datasets.add(QidoResultBuilder.build(query, returnTags, row, header,
                    series == null ? List.of() : page.requests().getOrDefault(series, List.of()), baseUrl));
        }
        return new QidoResult(datasets, warnings(query, sql, page, limit <= max && query.limit().isPresent()));
    }

    private static List<String> warnings(QidoQuery query, QidoSql sql, SearchPage page, boolean byLimit) {
        List<String> out = new ArrayList<>();
        for (IgnoredParameter p : query.ignoredParameters()) {
            out.add("The " + p.describe() + " was ignored");
        }
        for (String k : sql.ignoredKeys()) {
            out.add(k + "; it was ignored");
        }
        if (page.moreRemain()) {
            out.add(byLimit ? "There are additional results that can be requested (the limit was reached)"
                    : "The number of results exceeded the maximum supported by the server."
                            + " Additional results can be requested");
        }
        if (page.candidateCapReached()) {
            out.add("Matching on attributes without an index column stopped after the configured number of"
                    + " candidates; some matches may be missing. Add keys with an index column to narrow the search");
        }
        return out;
    }
}
