package health.leiming.batch;

import health.leiming.health.HealthReports;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Computes one person's report. A person who already has one for the period is filtered out unless
 * the run regenerates; so rerunning a period (or restarting a run) never redoes finished work.
 */
@Named("reportProcessor")
@Dependent
public class ReportProcessor implements ItemProcessor {

    @Inject
    JobContext job;

    @Inject
    HealthReports reports;

    private ReportParameters parameters;

    @Override
    public Object processItem(Object item) throws InterruptedException {
        if (parameters == null) {
            parameters = ReportParameters.of(job.getProperties());
        }
        String personId = (String) item;
        if (!parameters.regenerate() && reports.exists(personId, parameters.period())) {
            return null;
        }
        if (parameters.itemDelayMillis() > 0) {
            Thread.sleep(parameters.itemDelayMillis()); // a gentler run: less load on a busy database
        }
        return reports.compute(personId, parameters.period());
    }
}
