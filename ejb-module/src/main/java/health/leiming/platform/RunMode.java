package health.leiming.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Production or development (leiming.mode). Production is the default: a server started without the
 * setting checks its configuration and refuses unsafe settings (StartupSafety); development (what the
 * run command and the tests set) allows the development defaults, a log-only SMS gateway and
 * generated keys.
 */
@ApplicationScoped
public class RunMode {

    public static final String SETTING = "leiming.mode";
    public static final String PRODUCTION = "production";
    public static final String DEVELOPMENT = "development";

    @Inject
    @ConfigProperty(name = SETTING, defaultValue = PRODUCTION)
    String mode;

    public boolean development() {
        return isDevelopment(mode);
    }

    static boolean isDevelopment(String mode) {
        return DEVELOPMENT.equals(mode.strip().toLowerCase(Locale.ROOT));
    }
}
