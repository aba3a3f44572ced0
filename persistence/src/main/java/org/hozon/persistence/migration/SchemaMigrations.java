package org.hozon.persistence.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema migrations of Hozon: the SQL scripts under {@code db/migration} in this jar,
 * applied by Flyway. The same scripts run on PostgreSQL and H2; the few that cannot be portable
 * (index operator classes) live under {@code db/vendor/<database>}.
 */
public final class SchemaMigrations {

    /** Classpath location of the migration scripts. */
    public static final String LOCATION = "classpath:db/migration";

    /**
     * Classpath location of scripts for one database only, followed by {@code postgresql} or
     * {@code h2}. Each version there exists for every database.
     */
    public static final String VENDOR_LOCATION = "classpath:db/vendor/";

    private SchemaMigrations() {
    }

    /**
     * Brings the schema of {@code dataSource} to the newest version.
     *
     * @param dataSource the database to migrate
     * @return what Flyway did
     */
    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION, VENDOR_LOCATION + vendor(dataSource))
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    /** {@code postgresql} or {@code h2}, from the database's own product name. */
    static String vendor(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres") ? "postgresql" : product.contains("h2") ? "h2" : product;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database " + dataSource + " is", e);
        }
    }
}
