package health.leiming.batch;

import health.leiming.privacy.DataExports;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Prepares one member's data export (DataExports.prepare). */
@Named("dataExportBatchlet")
@Dependent
public class DataExportBatchlet extends ExportBatchlet {

    @Inject
    DataExports exports;

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
        return "Data export";
    }
}
