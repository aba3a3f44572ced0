package org.hozon.persistence.migration;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema migrations of Hozon: the SQL scripts under {@code db/migration} in this jar,
 * applied by Flyway. The same scripts run on PostgreSQL and H2.
 */
public final class SchemaMigrations {

    /** Classpath location of the migration scripts. */
    public static final String LOCATION = "classpath:db/migration";

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
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
