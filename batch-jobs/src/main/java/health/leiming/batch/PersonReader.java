package health.leiming.batch;

import health.leiming.health.HealthReports;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the ids of the people with readings in the period, within its partition's id range, in id
 * order, a page at a time; unless the run regenerates, only those without a report for the period.
 * The checkpoint is the last id handed out: a restart goes on after it.
 */
@Named("personReader")
@Dependent
public class PersonReader extends AbstractItemReader {

    private static final int PAGE = 200;

    @Inject
    JobContext job;

    @Inject
    HealthReports reports;

    @Inject
    @BatchProperty(name = "lo")
    String lo;

    @Inject
    @BatchProperty(name = "hi")
    String hi;

    private ReportParameters parameters;
    private final Deque<String> page = new ArrayDeque<>();
    private String last = "";
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        parameters = ReportParameters.of(job.getProperties());
        if (checkpoint != null) {
            last = (String) checkpoint;
        }
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            var next = reports.personsWithReadings(parameters.period(), lo == null ? "" : lo, hi == null ? "g" : hi,
                    last, !parameters.regenerate(), PAGE);
            page.addAll(next);
            exhausted = next.size() < PAGE;
        }
        String id = page.poll();
        if (id != null) {
            last = id;
        }
        return id;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
