package health.leiming.batch;

import health.leiming.platform.Logs;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Prepares one export (the job's exportId): a member's data export or a hospital's Bulk Data export. The
 * exit status says whether there was anything to prepare; a failure marks the export failed and fails the
 * step, so that the console shows it.
 */
abstract class ExportBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logs.get(ExportBatchlet.class);

    @Inject
    StepContext step;

    @Inject
    @BatchProperty(name = "exportId")
    String exportId;

    /** Prepares the export; false when there was nothing to prepare (already prepared, cancelled). */
    abstract boolean prepare(String id);

    abstract void fail(String id);

    /** What is prepared, for the log. */
    abstract String what();

    @Override
    public String process() {
        try {
            step.setExitStatus(prepare(exportId) ? "prepared" : "nothing to prepare");
            return "COMPLETED";
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, what() + " " + exportId + " could not be prepared", e);
            fail(exportId);
            throw e;
        }
    }
}
