package health.leiming.batch;

import health.leiming.platform.BatchSkips;
import health.leiming.platform.Logs;
import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/** Records a person the report step skipped (unreadable data) for the job's summary. */
@Named("reportSkipListener")
@Dependent
public class ReportSkipListener implements SkipProcessListener {

    private static final Logger LOG = Logs.get(ReportSkipListener.class);

    @Inject
    JobContext job;

    @Inject
    BatchSkips skips;

    @Override
    public void onSkipProcessItem(Object item, Exception ex) {
        LOG.warning(() -> "Report skipped for person " + item + ": " + ex.getMessage());
        skips.record(job.getExecutionId(), job.getJobName(), String.valueOf(item), ex.getMessage());
    }
}
