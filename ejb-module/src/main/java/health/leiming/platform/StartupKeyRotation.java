package health.leiming.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs KeyRotation once, in the background, when the application has started: values left under an older
 * master key are brought under the current one, and the phone numbers an earlier version stored in clear
 * get encrypted, without an operator having to remember it after an upgrade. The requests do not wait:
 * until a row is done it is read as it is stored. Two servers starting together may meet on a row; the one
 * that loses leaves it to the other (or to the next start, or to the admin's rotation).
 */
@ApplicationScoped
public class StartupKeyRotation {

    private static final Logger LOG = Logs.get(StartupKeyRotation.class);

    @Resource(lookup = "concurrent/leimingScheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    KeyRotation rotation;

    void start(@Observes SchemaReady ready) {
        scheduler.schedule(this::run, 1, TimeUnit.SECONDS);
    }

    private void run() {
        try {
            rotation.rotate();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Key rotation at start did not finish; the next start or the admin's rotation"
                    + " completes it", e);
        }
    }
}
