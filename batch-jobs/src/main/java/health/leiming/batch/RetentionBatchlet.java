package health.leiming.batch;

import health.leiming.platform.Logs;
import health.leiming.platform.Retention;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Asks every context's {@link Retention} to delete what is past its period, a batch at a time, until
 * nothing is left or the job is stopped. The job's exit status says how many rows of each kind went.
 */
@Named("retentionBatchlet")
@Dependent
public class RetentionBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logs.get(RetentionBatchlet.class);
    static final int BATCH = 1_000;

    @Inject
    @Any
    Instance<Retention> retentions;

    @Inject
    JobContext job;

    private volatile boolean stopped;

    @Override
    public String process() {
        Instant now = Instant.now();
        Map<String, Integer> total = new TreeMap<>();
        for (Retention retention : retentions) {
            boolean more = true;
            while (more && !stopped) {
                Map<String, Integer> purged = retention.purge(now, BATCH);
                purged.forEach((kind, count) -> total.merge(kind, count, Integer::sum));
                more = purged.values().stream().anyMatch(count -> count >= BATCH);
            }
        }
        String summary = "purged " + total;
        job.setExitStatus(stopped ? "STOPPED " + summary : summary);
        LOG.info(() -> "Retention: " + summary);
        return stopped ? "STOPPED" : "COMPLETED";
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
