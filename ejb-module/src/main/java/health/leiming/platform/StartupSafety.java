package health.leiming.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The first thing the application does when it starts: in production mode (the default), it checks
 * the configuration (ProductionChecks) and, when anything is unsafe, logs one message listing every
 * problem and the setting that fixes it, and fails the start: the application does not answer at all
 * rather than run with a published key. The schema migration and the token keys wait for it.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class StartupSafety {

    private static final Logger LOG = Logs.get(StartupSafety.class);

    @Resource(lookup = "jdbc/leiming")
    DataSource dataSource;

    @PostConstruct
    void check() {
        Config config = ConfigProvider.getConfig(getClass().getClassLoader());
        String mode = config.getOptionalValue(RunMode.SETTING, String.class).orElse(RunMode.PRODUCTION).strip();
        if (RunMode.isDevelopment(mode)) {
            LOG.warning(() -> "Development mode (" + RunMode.SETTING + "=development): development keys, a log-only"
                    + " SMS gateway and generated token keys are allowed. Never run a hospital's data like this.");
            return;
        }
        if (!RunMode.PRODUCTION.equalsIgnoreCase(mode)) {
            String message = "Leiming Health refuses to start: " + RunMode.SETTING + " is '" + mode
                    + "'; set production or development";
            LOG.severe(message);
            throw new IllegalStateException(message);
        }
        List<ProductionChecks.Problem> problems = ProductionChecks.problems(
                key -> config.getOptionalValue(key, String.class), StartupSafety::readableFile, databaseProduct());
        if (!problems.isEmpty()) {
            String message = ProductionChecks.refusal(problems);
            LOG.severe(message);
            throw new IllegalStateException(message);
        }
        LOG.info("Production mode: the configuration passed the startup checks");
    }

    private static boolean readableFile(String location) {
        String plain = location.startsWith("file:") ? location.substring("file:".length()) : location;
        try {
            return Files.isReadable(Path.of(plain)) && Files.size(Path.of(plain)) > 0;
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** The database's product name, or null when it cannot be reached now (the migration then says why). */
    private String databaseProduct() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            LOG.warning(() -> "Cannot ask the database which it is: " + e.getMessage());
            return null;
        }
    }
}
