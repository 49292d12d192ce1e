package health.leiming.batch;

import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Job metrics for Prometheus (/metrics): run duration (leiming_batch_job_duration_seconds) and items
 * written and skipped (leiming_batch_items_total), tagged with the job and its outcome.
 */
@Named("jobMetricsListener")
@Dependent
public class JobMetricsListener implements JobListener {

    private static final Metadata DURATION = Metadata.builder().withName("leiming.batch.job.duration")
            .withDescription("Duration of batch job executions").withUnit("seconds").build();
    private static final Metadata ITEMS = Metadata.builder().withName("leiming.batch.items")
            .withDescription("Items batch jobs wrote or skipped").build();

    /**
     * Every scheduled job's runs from 0 at start, completed, failed and stopped, so that an alert on a first
     * failure (an increase) or on a missed run finds its series.
     */
    static void initialise(MetricRegistry registry) {
        for (String job : JobControl.JOBS) {
            for (String status : new String[] {"COMPLETED", "FAILED", "STOPPED"}) {
                registry.timer(DURATION, new Tag("job", job), new Tag("status", status));
            }
        }
    }

    @Inject
    JobContext job;

    @Inject
    MetricRegistry registry;

    private long started;

    @Override
    public void beforeJob() {
        started = System.nanoTime();
    }

    @Override
    public void afterJob() {
        Tag name = new Tag("job", job.getJobName());
        // While afterJob runs, a run that went well is still STARTED; a failed or stopped one says so.
        BatchStatus batchStatus = job.getBatchStatus();
        Tag status = new Tag("status", batchStatus == BatchStatus.STARTED ? "COMPLETED" : String.valueOf(batchStatus));
        registry.timer(DURATION, name, status).update(Duration.ofNanos(System.nanoTime() - started));
        long written = 0;
        long skipped = 0;
        for (StepExecution step : BatchRuntime.getJobOperator().getStepExecutions(job.getExecutionId())) {
            for (Metric metric : step.getMetrics()) {
                switch (metric.getType()) {
                    case WRITE_COUNT -> written += metric.getValue();
                    case PROCESS_SKIP_COUNT, READ_SKIP_COUNT, WRITE_SKIP_COUNT -> skipped += metric.getValue();
                    default -> { }
                }
            }
        }
        registry.counter(ITEMS, name, new Tag("outcome", "written")).inc(written);
        registry.counter(ITEMS, name, new Tag("outcome", "skipped")).inc(skipped);
    }
}
