package health.leiming.batch;

import health.leiming.order.Reconciliation;
import health.leiming.order.Reconciliations;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;

/** Reconciles the job's bill day with WeChat Pay; the exit status sums the day's report up. */
@Named("reconciliationBatchlet")
@Dependent
public class ReconciliationBatchlet extends AbstractBatchlet {

    @Inject
    Reconciliations reconciliations;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String date;

    @Override
    public String process() {
        if (!reconciliations.configured()) {
            job.setExitStatus("WeChat Pay is not configured: nothing to reconcile");
            return "COMPLETED";
        }
        Reconciliation.DayView report = reconciliations.run(LocalDate.parse(date));
        job.setExitStatus("matched " + report.matched() + ", differences " + report.differencesFound() + ", open "
                + report.differencesOpen());
        return "COMPLETED";
    }
}
