package health.leiming.batch;

import health.leiming.health.ReportTally;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Makes one person's report from their tally. (The reader leaves out people who already have one,
 * unless the run regenerates, and people whose member has not consented to the processing of health
 * data; the writer checks again, so a concurrent run cannot make a second.) A tally with an unreadable
 * reading throws {@link health.leiming.health.UnreadableHealthData}: the person is skipped.
 */
@Named("reportProcessor")
@Dependent
public class ReportProcessor implements ItemProcessor {

    @Inject
    JobContext job;

    private ReportParameters parameters;

    @Override
    public Object processItem(Object item) throws InterruptedException {
        if (parameters == null) {
            parameters = ReportParameters.of(job.getProperties());
        }
        if (parameters.itemDelayMillis() > 0) {
            Thread.sleep(parameters.itemDelayMillis()); // a gentler run: less load on a busy database
        }
        return ((ReportTally) item).draft();
    }
}
