package health.leiming.batch;

import health.leiming.health.HealthReports;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Stores a chunk's reports and their notifications in the chunk's transaction (with its checkpoint). */
@Named("reportWriter")
@Dependent
public class ReportWriter extends AbstractItemWriter {

    @Inject
    JobContext job;

    @Inject
    HealthReports reports;

    @Override
    public void writeItems(List<Object> items) {
        ReportParameters parameters = ReportParameters.of(job.getProperties());
        reports.store(items.stream().map(HealthReports.Draft.class::cast).toList(), parameters.regenerate(),
                job.getExecutionId());
    }
}
