package health.leiming.batch;

import health.leiming.interop.BulkExports;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Prepares one hospital client's Bulk Data export (BulkExports.prepare). */
@Named("bulkExportBatchlet")
@Dependent
public class BulkExportBatchlet extends ExportBatchlet {

    @Inject
    BulkExports exports;

    @Override
    boolean prepare(String id) {
        return exports.prepare(id);
    }

    @Override
    void fail(String id) {
        exports.fail(id);
    }

    @Override
    String what() {
        return "Bulk Data export";
    }
}
