package org.hozon.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a disaster leaves of the test server: its bucket and its keystore. Deletes every row of
 * the application's tables (the schema stays: the server keeps running on it) and every file of
 * the local store. Tables are emptied in passes until foreign keys no longer object, so tables
 * added later need no change here.
 */
final class Disaster {
    /** Kept: the schema's history, and the self-test runs (not part of the archive). */
    private static final List<String> KEPT = List.of("flyway_schema_history", "self_test_run");

    private Disaster() {
    }

    static void strike() throws Exception {
        emptyTables();
        emptyStore();
    }

    private static void emptyTables() throws SQLException {
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(true);
            List<String> tables = new ArrayList<>();
            DatabaseMetaData meta = c.getMetaData();
            String schema = TestDatabase.kind().equals("h2") ? "PUBLIC" : "public";
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (!KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                        tables.add(name);
                    }
                }
            }
            SQLException last = null;
            for (int pass = 0; pass < 20 && !tables.isEmpty(); pass++) {
                List<String> left = new ArrayList<>();
                for (String table : tables) {
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("DELETE FROM " + table);
                    } catch (SQLException e) {
                        left.add(table); // still referenced from a table emptied later in this pass
                        last = e;
                    }
                }
                tables = left;
            }
            if (!tables.isEmpty()) {
                throw new IllegalStateException("cannot empty " + tables, last);
            }
        }
    }

    private static void emptyStore() throws IOException {
        Path root = Store.root();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(root)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
