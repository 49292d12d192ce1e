package health.leiming.batch;

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
 * Starts the data-export job for the exports members asked for, every leiming.privacy.export-poll. Not
 * from the member's request: the batch runtime records who submitted a job in its own tables, which the
 * erasure of an account cannot reach, so the jobs are submitted by this background loop, as nobody.
 */
@ApplicationScoped
public class DataExportStarter {

    private static final Logger LOG = Logs.get(DataExportStarter.class);
    private static final int BATCH = 10;

    @Resource(lookup = "concurrent/leimingScheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    DataExports exports;

    @Inject
    JobControl jobs;

    @Inject
    @ConfigProperty(name = "leiming.privacy.export-poll", defaultValue = "PT2S")
    Duration poll;

    private BackgroundLoop loop;

    @PostConstruct
    void init() {
        loop = new BackgroundLoop("Data export starter", poll, this::startSome, LOG);
    }

    void start(@Observes SchemaReady ready) {
        loop.start(scheduler);
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }

    private boolean startSome() {
        List<String> claimed = exports.claimUnstarted(BATCH);
        for (String exportId : claimed) {
            try {
                jobs.startDataExport(exportId);
            } catch (RuntimeException e) {
                // It stays pending until its preparation window ends; then the member may ask again.
                LOG.log(Level.WARNING, "Data export " + exportId + " could not be started", e);
            }
        }
        return claimed.size() == BATCH;
    }
}
