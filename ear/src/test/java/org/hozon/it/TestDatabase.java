package org.hozon.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * JDBC access to the database the deployed application uses, so tests check rows directly:
 * PostgreSQL (embedded) when {@code it.db=postgres}, the server's H2 file database when
 * {@code it.db=h2} (opened through H2's automatic mixed mode: the server's URL has
 * {@code AUTO_SERVER=TRUE}, set by the build with {@code hozon.db.h2.options}).
 */
public final class TestDatabase {
    private TestDatabase() {
    }

    /** @return "postgres" or "h2" */
    public static String kind() {
        return System.getProperty("it.db", "postgres");
    }

    /** @return the data directory the server was started with ({@code hozon.data.dir}) */
    public static Path dataDir() {
        return Path.of(System.getProperty("it.data.dir"));
    }

    /** @return a new connection; the caller closes it */
    public static Connection connect() throws SQLException {
        if (kind().equals("h2")) {
            return DriverManager.getConnection("jdbc:h2:file:" + dataDir().resolve("db/hozon") + ";AUTO_SERVER=TRUE",
                    "sa", "sa");
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + TestInfrastructure.postgresPort()
                + "/postgres", "postgres", "postgres");
    }

    /**
     * @return the first row of a query with one string parameter
     * @throws AssertionError if there is no row
     */
    public static Object[] row(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row for " + param + ": " + sql);
                }
                Object[] row = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                return row;
            }
        }
    }
}
