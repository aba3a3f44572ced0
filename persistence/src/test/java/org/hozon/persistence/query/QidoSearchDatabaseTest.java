package org.hozon.persistence.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.hozon.dicomweb.qido.QidoQuery;
import org.hozon.dicomweb.qido.QidoResource;
import org.hozon.persistence.migration.SchemaMigrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Every matching rule run against the same index rows on H2 and on PostgreSQL. */
class QidoSearchDatabaseTest {
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    static final String SR = "1.2.840.10008.5.1.4.1.1.88.22";

    private static EmbeddedPostgres pg;
    private static DataSource h2;

    @BeforeAll
    static void databases() throws Exception {
        pg = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:qido;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        h2 = ds;
        fill(h2);
        fill(pg.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    static Stream<Arguments> databases_() {
        return Stream.of(Arguments.of("h2"), Arguments.of("postgresql"));
    }

    private static DataSource db(String name) {
        return name.equals("h2") ? h2 : pg.getPostgresDatabase();
    }

    private static void fill(DataSource ds) throws SQLException {
        SchemaMigrations.migrate(ds);
        try (Connection c = ds.getConnection()) {
            IndexFixture f = new IndexFixture(c);
            long s1 = f.study("1.2.3.1", "P001", "Yamada^Tarou=山田^太郎=やまだ^たろう", "20200115", "101500.000000",
                    "ACC1", "Suzuki^Ichiro=鈴木^一郎=すずき^いちろう", "CT", "SR");
            long s1a = f.series(s1, "1.2.3.1.1", "CT", 1, "20200115", "101600.000000");
            f.request(s1a, "RP1", "SPS1", "ACC1");
            f.instance(s1, s1a, "1.2.3.1.1.1", CT, 1, IndexFixture.header("1.2.3.1", "1.2.3.1.1", "1.2.3.1.1.1", "ACME", "CHEST"));
            f.instance(s1, s1a, "1.2.3.1.1.2", CT, 2, IndexFixture.header("1.2.3.1", "1.2.3.1.1", "1.2.3.1.1.2", "ACME", "CHEST"));
            long s1b = f.series(s1, "1.2.3.1.2", "SR", 2, null, null);
            f.instance(s1, s1b, "1.2.3.1.2.1", SR, 1, IndexFixture.header("1.2.3.1", "1.2.3.1.2", "1.2.3.1.2.1", "Other", null));
            long s2 = f.study("1.2.3.2", "P002", "Smith^John", "20210301", "235959.500000", "ACC_2", null, "MR");
            long s2a = f.series(s2, "1.2.3.2.1", "MR", 1, "20210301", "235959.000000");
            f.instance(s2, s2a, "1.2.3.2.1.1", MR, 1, IndexFixture.header("1.2.3.2", "1.2.3.2.1", "1.2.3.2.1.1", "Magnetix", "HEAD"));
            long s3 = f.study("1.2.3.3", "P%3", "Müller^Hans", "20191231", null, "ACCX2", null, "CT");
            long s3a = f.series(s3, "1.2.3.3.1", "CT", 1, null, null);
            f.instance(s3, s3a, "1.2.3.3.1.1", CT, 7, IndexFixture.header("1.2.3.3", "1.2.3.3.1", "1.2.3.3.1.1", "ACME", "ABDOMEN"));
        }
    }

    /** The UIDs of the level of {@code r} that {@code query} finds, in order. */
    private static List<String> find(String db, QidoResource r, String query) throws SQLException {
        return page(db, r, "1.2.3.1", "1.2.3.1.1", query, 10).rows().stream()
                .map(row -> row.string(switch (r.level()) {
                    case STUDY -> "study_iuid";
                    case SERIES -> "series_iuid";
                    case INSTANCE -> "sop_iuid";
                })).toList();
    }

    private static SearchPage page(String db, QidoResource r, String study, String series, String query, int size)
            throws SQLException {
        QidoQuery q = QidoQuery.parse(r, study, series, query);
        QidoSql sql = QidoSqlBuilder.build(q, size, 100, false);
        try (Connection c = db(db).getConnection()) {
            return QidoSearchExecutor.execute(c, sql, q.offset(), size, 100);
        }
    }

    private static List<String> studies(String db, String query) throws SQLException {
        return find(db, QidoResource.ALL_STUDIES, query);
    }

    @ParameterizedTest
    @MethodSource("databases_")
    void singleValueAndUidList(String db) throws SQLException {
        assertEquals(List.of("1.2.3.1"), studies(db, "PatientID=P001"));
        assertEquals(List.of("1.2.3.3"), studies(db, "PatientID=P%253"));
        assertEquals(List.of("1.2.3.2"), studies(db, "AccessionNumber=ACC_2"));
        assertEquals(List.of("1.2.3.1", "1.2.3.2"), studies(db, "StudyInstanceUID=1.2.3.2%5C1.2.3.1"));
        assertEquals(List.of("1.2.3.1", "1.2.3.3"), studies(db, "StudyInstanceUID=1.2.3.1,1.2.3.3"));
        assertEquals(List.of(), studies(db, "PatientID=p001"));
    }

    @ParameterizedTest
    @MethodSource("databases_")
    void wildcards(String db) throws SQLException {
        assertEquals(List.of("1.2.3.2"), studies(db, "AccessionNumber=ACC_*"));
        assertEquals(List.of("1.2.3.2", "1.2.3.3"), studies(db, "AccessionNumber=ACC?2"));
        assertEquals(List.of("1.2.3.3"), studies(db, "PatientID=P%25*"));
        assertEquals(List.of("1.2.3.1", "1.2.3.2"), studies(db, "PatientID=P00?"));
    }

    @ParameterizedTest
    @MethodSource("databases_")
    void dateAndTimeRanges(String db) throws SQLException {
        assertEquals(List.of("1.2.3.1", "1.2.3.2"), studies(db, "StudyDate=20200101-"));
        assertEquals(List.of("1.2.3.3"), studies(db, "StudyDate=-20191231"));
        assertEquals(List.of("1.2.3.1"), studies(db, "StudyDate=20200101-20201231"));
        assertEquals(List.of("1.2.3.1"), studies(db, "StudyDate=20200115"));
        assertEquals(List.of("1.2.3.1"), studies(db, "StudyTime=10-1015"));
        assertEquals(List.of("1.2.3.2"), studies(db, "StudyTime=2359-"));
        assertEquals(List.of("1.2.3.2"), studies(db, "StudyTime=235959.5"));
        assertEquals(List.of("1.2.3.1", "1.2.3.3"), studies(db, "StudyDate=20190101-20200115%5C20211231"));
    }

    @ParameterizedTest
    @MethodSource("databases_")
    void personNamesLiteral(String db) throws SQLException {
        assertEquals(List.of("1.2.3.1"), studies(db, "PatientName=YAMADA%5ETAROU"));
        assertEquals(List.of("1.2.3.1"), studies(db, "PatientName=yama*"));
        assertEquals(List.of("1.2.3.1"), studies(db, "PatientName=" + enc("山田^太郎")));
        assertEquals(List.of("1.2.3.1"), studies(db, "PatientName=" + enc("やまだ*")));
        assertEquals(List.of("1.2.3.1"), studies(db, "PatientName=" + enc("=山田^太郎")));
        assertEquals(List.of("1.2.3.1"), studies(db, "PatientName=" + enc("Yamada^Tarou==やまだ^たろう")));
        assertEquals(List.of(), studies(db, "PatientName=" + enc("Smith==やまだ^たろう")));
        assertEquals(List.of("1.2.3.1"), studies(db, "PatientName=" + enc("ｙａｍａｄａ*"))); // full width
        assertEquals(List.of(), studies(db, "PatientName=" + enc("ヤマダ*"))); // kana folds only when fuzzy
        assertEquals(List.of("1.2.3.3"), studies(db, "PatientName=" + enc("MÜLLER^hans")));
        assertEquals(List.of("1.2.3.1"), studies(db, "ReferringPhysicianName=" + enc("鈴木*")));
    }

    @ParameterizedTest
    @MethodSource("databases_")
    void personNamesFuzzy(String db) throws SQLException {
        assertEquals(List.of("1.2.3.1"), studies(db, "fuzzymatching=true&PatientName=tar%20YAM"));
        assertEquals(List.of("1.2.3.1"), studies(db, "fuzzymatching=true&PatientName=" + enc("ヤマダ")));
        assertEquals(List.of("1.2.3.1"), studies(db, "fuzzymatching=true&PatientName=" + enc("太")));
        assertEquals(List.of("1.2.3.1"), studies(db, "fuzzymatching=true&PatientName=" + enc("ｔａｒ")));
        assertEquals(List.of("1.2.3.3"), studies(db, "fuzzymatching=true&PatientName=muller"));
        assertEquals(List.of("1.2.3.1"), studies(db, "fuzzymatching=true&PatientName=" + enc("=山^太")));
        assertEquals(List.of(), studies(db, "fuzzymatching=true&PatientName=" + enc("=やま")));
        assertEquals(List.of(), studies(db, "fuzzymatching=true&PatientName=ada")); // a word prefix, not a substring
        assertEquals(List.of("1.2.3.1"), studies(db, "fuzzymatching=true&PatientName=" + enc("ヤマ*")));
        assertEquals(List.of("1.2.3.1"), studies(db, "fuzzymatching=true&ReferringPhysicianName=" + enc("いち")));
    }

    @ParameterizedTest
    @MethodSource("databases_")
    void modalitiesAndRelationalQueries(String db) throws SQLException {
        assertEquals(List.of("1.2.3.1", "1.2.3.3"), studies(db, "ModalitiesInStudy=CT"));
        assertEquals(List.of("1.2.3.1", "1.2.3.2"), studies(db, "ModalitiesInStudy=SR%5CMR"));
        assertEquals(List.of("1.2.3.1"), studies(db, "ModalitiesInStudy=CT&StudyDate=20200101-"));
        assertEquals(List.of("1.2.3.1"), studies(db, "SOPClassesInStudy=" + SR));
        assertEquals(List.of("1.2.3.1.1", "1.2.3.3.1"), find(db, QidoResource.ALL_SERIES, "Modality=CT"));
        assertEquals(List.of("1.2.3.1.1", "1.2.3.1.2"), find(db, QidoResource.ALL_SERIES, "PatientID=P001"));
        assertEquals(List.of("1.2.3.1.2"), find(db, QidoResource.STUDY_SERIES, "SeriesNumber=2"));
        assertEquals(List.of("1.2.3.1.1"), find(db, QidoResource.ALL_SERIES,
                "RequestAttributesSequence.ScheduledProcedureStepID=SPS1&00400275.00401001=RP*"));
        assertEquals(List.of(), find(db, QidoResource.ALL_SERIES, "00400275.00400009=SPS1&00400275.00401001=RP2"));
        assertEquals(List.of("1.2.3.2.1"), find(db, QidoResource.ALL_SERIES, "PerformedProcedureStepStartDate=2021"
                .replace("2021", "20210301") + "&PerformedProcedureStepStartTime=2300-"));
        assertEquals(List.of("1.2.3.1.1.2"), find(db, QidoResource.STUDY_SERIES_INSTANCES, "InstanceNumber=2"));
        assertEquals(List.of("1.2.3.1.2.1"), find(db, QidoResource.STUDY_INSTANCES, "SOPClassUID=" + SR));
        assertEquals(List.of("1.2.3.1.1.1", "1.2.3.1.1.2", "1.2.3.3.1.1"), find(db, QidoResource.ALL_INSTANCES,
                "Modality=CT"));
        assertEquals(List.of("1.2.3.2.1.1"), find(db, QidoResource.ALL_INSTANCES, "PatientName=smith*&Modality=MR"));
    }

    @ParameterizedTest
    @MethodSource("databases_")
    void headerKeysAreMatchedInMemory(String db) throws SQLException {
        assertEquals(List.of("1.2.3.1", "1.2.3.2", "1.2.3.3"), studies(db, "PatientWeight=70.5"));
        assertEquals(List.of("1.2.3.1.1", "1.2.3.3.1"), find(db, QidoResource.ALL_SERIES, "Manufacturer=ACME"));
        assertEquals(List.of("1.2.3.2.1.1"), find(db, QidoResource.ALL_INSTANCES, "Manufacturer=Mag*"));
        assertEquals(List.of("1.2.3.3.1"), find(db, QidoResource.ALL_SERIES, "Manufacturer=ACME&offset=1"));
        SearchPage p = page(db, QidoResource.ALL_SERIES, null, null, "Manufacturer=ACME", 1);
        assertTrue(p.moreRemain());
        assertEquals(1, p.headers().size());
        assertEquals("ACME", p.headers().get(0).getString(org.hozon.dicom.Tag.Manufacturer));
    }

    @ParameterizedTest
    @MethodSource("databases_")
    void pagingIsStable(String db) throws SQLException {
        List<String> all = new ArrayList<>();
        for (int offset = 0; offset < 4; offset++) {
            SearchPage p = page(db, QidoResource.ALL_INSTANCES, null, null, "offset=" + offset + "&limit=1", 1);
            p.rows().forEach(r -> all.add(r.string("sop_iuid")));
            assertTrue(p.moreRemain(), "5 instances: more after each of the first 4");
        }
        assertEquals(find(db, QidoResource.ALL_INSTANCES, "").subList(0, 4), all);
        assertEquals(List.of(), find(db, QidoResource.ALL_INSTANCES, "offset=100"));
    }

    @ParameterizedTest
    @MethodSource("databases_")
    void seriesResultsCarryTheirRequestItems(String db) throws SQLException {
        SearchPage p = page(db, QidoResource.STUDY_SERIES, "1.2.3.1", null, "", 10);
        long seriesPk = p.rows().get(0).number("series_pk");
        assertEquals("SPS1", p.requests().get(seriesPk).get(0).scheduledProcedureStepId());
        assertFalse(p.requests().containsKey(p.rows().get(1).number("series_pk")));
    }

    /** On PostgreSQL the main searches can use an index (sequential scans are priced out to show it). */
    @Test
    void postgresUsesIndexesForTheMainSearches() throws SQLException {
        for (String query : List.of("PatientID=P001", "PatientName=yama*", "StudyDate=20200101-20200201",
                "ModalitiesInStudy=CT&StudyDate=20200101-20200201", "AccessionNumber=ACC1")) {
            String plan = explain(QidoQuery.parse(QidoResource.ALL_STUDIES, null, null, query));
            assertFalse(plan.contains("Seq Scan on study "), query + ":\n" + plan);
            assertTrue(plan.contains("Index Cond"), query + ":\n" + plan);
        }
    }

    private static String explain(QidoQuery q) throws SQLException {
        QidoSql sql = QidoSqlBuilder.build(q, 100, 100, false);
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            String text = sql.statement().sql();
            for (Object p : sql.statement().parameters()) {
                text = text.replaceFirst("\\?", p instanceof String ? "'" + p + "'" : p.toString());
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN " + text)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
