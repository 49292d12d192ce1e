package health.leiming.batch;

import health.leiming.platform.Logs;
import health.leiming.interop.BulkExports;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Prepares one hospital client's Bulk Data export (BulkExports.prepare); a failure marks the export failed. */
@Named("bulkExportBatchlet")
@Dependent
public class BulkExportBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logs.get(BulkExportBatchlet.class);

    @Inject
    BulkExports exports;

    @Inject
    StepContext step;

    @Inject
    @BatchProperty(name = "exportId")
    String exportId;

    @Override
    public String process() {
        try {
            boolean prepared = exports.prepare(exportId);
            step.setExitStatus(prepared ? "prepared" : "nothing to prepare");
            return "COMPLETED";
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Bulk Data export " + exportId + " could not be prepared", e);
            exports.fail(exportId);
            throw e;
        }
    }
}
