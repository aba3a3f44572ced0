package org.hozon.persistence.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The migrations apply on both databases Hozon supports, and a second run changes nothing. */
class SchemaMigrationsTest {

    @Test
    void migratesH2() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrations;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        assertMigratesOnceAndWorks(h2);
    }

    @Test
    void migratesPostgreSql() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1").start()) {
            assertMigratesOnceAndWorks(pg.getPostgresDatabase());
        }
    }

    private static void assertMigratesOnceAndWorks(DataSource dataSource) throws SQLException {
        MigrateResult first = SchemaMigrations.migrate(dataSource);
        assertTrue(first.migrationsExecuted >= 1, "first run applies the migrations");
        assertEquals(0, SchemaMigrations.migrate(dataSource).migrationsExecuted, "second run applies nothing");

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO self_test_run (id, node, started_at, object_key, object_verified)"
                    + " VALUES ('r1', 'n1', CURRENT_TIMESTAMP, 'k1', TRUE)");
            try (ResultSet rs = s.executeQuery("SELECT node, object_verified FROM self_test_run WHERE id = 'r1'")) {
                assertTrue(rs.next());
                assertEquals("n1", rs.getString(1));
                assertTrue(rs.getBoolean(2));
            }
        }
    }
}
