package health.leiming.batch;

import health.leiming.interop.BulkExports;
import health.leiming.platform.BackgroundLoop;
import health.leiming.platform.Logs;
import health.leiming.platform.SchemaReady;
import health.leiming.privacy.DataExports;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the data-export job for the exports members asked for, and the fhir-bulk-export job for the Bulk
 * Data exports hospital clients asked for, every leiming.privacy.export-poll. Not from the request: the
 * batch runtime records who submitted a job in its own tables, which the erasure of an account cannot
 * reach, so the jobs are submitted by this background loop, as nobody. Each export is claimed by one server.
 */
@ApplicationScoped
public class ExportStarter {

    private static final Logger LOG = Logs.get(ExportStarter.class);
    private static final int BATCH = 10;

    @Resource(lookup = "concurrent/leimingScheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    DataExports exports;

    @Inject
    BulkExports bulkExports;

    @Inject
    JobControl jobs;

    @Inject
    @ConfigProperty(name = "leiming.privacy.export-poll", defaultValue = "PT2S")
    Duration poll;

    private BackgroundLoop loop;

    @PostConstruct
    void init() {
        loop = new BackgroundLoop("Export starter", poll, this::startSome, LOG);
    }

    void start(@Observes SchemaReady ready) {
        loop.start(scheduler);
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }

    private boolean startSome() {
        boolean more = start(exports.claimUnstarted(BATCH), jobs::startDataExport, "Data export");
        return start(bulkExports.claimUnstarted(BATCH), jobs::startBulkExport, "Bulk Data export") || more;
    }

    /** Starts the claimed exports' jobs; true when the batch was full (there may be more). */
    private static boolean start(List<String> claimed, java.util.function.Consumer<String> job, String what) {
        for (String exportId : claimed) {
            try {
                job.accept(exportId);
            } catch (RuntimeException e) {
                // It stays pending until it expires; then the member (or hospital) may ask again.
                LOG.log(Level.WARNING, what + " " + exportId + " could not be started", e);
            }
        }
        return claimed.size() == BATCH;
    }
}
