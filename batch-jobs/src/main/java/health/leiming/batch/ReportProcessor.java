package health.leiming.batch;

import health.leiming.health.HealthReports;
import health.leiming.member.FamilyService;
import health.leiming.platform.ConsentKind;
import health.leiming.platform.Consents;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Computes one person's report. (The reader leaves out people who already have one, unless the run
 * regenerates; the writer checks again, so a concurrent run cannot make a second.) A person whose
 * member has not consented to the processing of health data (or withdrew) gets no report.
 */
@Named("reportProcessor")
@Dependent
public class ReportProcessor implements ItemProcessor {

    @Inject
    JobContext job;

    @Inject
    HealthReports reports;

    @Inject
    FamilyService family;

    @Inject
    Consents consents;

    private ReportParameters parameters;

    @Override
    public Object processItem(Object item) throws InterruptedException {
        if (parameters == null) {
            parameters = ReportParameters.of(job.getProperties());
        }
        String personId = (String) item;
        if (parameters.itemDelayMillis() > 0) {
            Thread.sleep(parameters.itemDelayMillis()); // a gentler run: less load on a busy database
        }
        boolean consented = family.lookup(personId)
                .filter(person -> consents.allows(person.ownerId(), ConsentKind.health_data)).isPresent();
        return consented ? reports.compute(personId, parameters.period()) : null; // null: no report, not an error
    }
}
