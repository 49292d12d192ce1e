package health.leiming.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned migrations in sql/ (shipped as db/migration/{standard,mysql}) when the application
 * starts, before anything uses JPA. JPA never generates the schema. A failed migration stops the
 * application from starting rather than letting it run on a wrong schema.
 */
@Singleton
@Startup
@DependsOn("StartupSafety")
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logs.get(SchemaMigration.class);

    @Resource(lookup = "jdbc/leiming")
    DataSource dataSource;

    @Inject
    Event<SchemaReady> schemaReady;

    @Inject
    @ConfigProperty(name = "leiming.db.migrate", defaultValue = "true")
    boolean migrate;

    @PostConstruct
    void migrate() {
        String family = databaseFamily();
        if (migrate) {
            Flyway flyway = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/" + migrationSet(family))
                    .failOnMissingLocations(true)
                    .table("schema_history")
                    .load();
            MigrateResult result = flyway.migrate();
            LOG.info(() -> "Database (" + family + ") at schema version " + flyway.info().current().getVersion()
                    + "; " + result.migrationsExecuted + " migration(s) applied now");
        }
        schemaReady.fire(new SchemaReady(family));
    }

    /**
     * Where a family's migrations are: H2 and PostgreSQL share the standard SQL set (sql/standard);
     * MySQL and MariaDB need their own types and table options (sql/mysql).
     */
    static String migrationSet(String family) {
        return "mysql".equals(family) ? "mysql" : "standard";
    }

    private String databaseFamily() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return "h2";
            }
            if (product.contains("mysql") || product.contains("mariadb")) {
                return "mysql";
            }
            if (product.contains("postgres")) {
                return "postgresql";
            }
            throw new IllegalStateException("Unsupported database: " + product);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database: " + e.getMessage(), e);
        }
    }
}
