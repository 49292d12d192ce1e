package health.leiming.batch;

import health.leiming.interop.HospitalConnections;
import health.leiming.platform.Logs;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/** Imports every connected hospital; the exit status lists each one's result, and a failure fails the run. */
@Named("hospitalImportBatchlet")
@Dependent
public class HospitalImportBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logs.get(HospitalImportBatchlet.class);

    @Inject
    HospitalConnections connections;

    @Inject
    JobContext job;

    @Override
    public String process() {
        List<String> results = connections.importAll(Instant.now());
        String summary = results.isEmpty() ? "no hospital connected" : String.join(" | ", results);
        job.setExitStatus(summary.length() > 900 ? summary.substring(0, 900) : summary);
        LOG.info(() -> "Hospital import: " + summary);
        if (results.stream().anyMatch(r -> r.startsWith("failed"))) {
            throw new IllegalStateException("Hospital import failed for some hospitals: " + summary);
        }
        return "COMPLETED";
    }
}
