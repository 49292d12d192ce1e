package health.leiming.batch;

import health.leiming.health.HealthReports;
import health.leiming.health.ReportTally;
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
 * Reads the people with readings in the period, within its partition's id range, in id order, a page
 * at a time, each with their readings already folded into a tally (one query per page, see
 * {@link HealthReports#tallies}); unless the run regenerates, only those without a report for the
 * period. The checkpoint is the last person handed out, or the end of the page once all of it is: a
 * restart goes on after it.
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
    private final Deque<ReportTally> page = new ArrayDeque<>();
    private String pageEnd = "";
    private String last = "";
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        parameters = ReportParameters.of(job.getProperties());
        if (checkpoint != null) {
            last = (String) checkpoint;
            pageEnd = last;
        }
    }

    @Override
    public Object readItem() {
        while (page.isEmpty() && !exhausted) { // a page may hold no one to report on (no consent)
            HealthReports.TallyPage next = reports.tallies(parameters.period(), lo == null ? "" : lo,
                    hi == null ? "g" : hi, pageEnd, !parameters.regenerate(), PAGE);
            page.addAll(next.tallies());
            pageEnd = next.lastId();
            exhausted = next.exhausted();
        }
        ReportTally tally = page.poll();
        if (tally != null) {
            last = page.isEmpty() ? pageEnd : tally.personId();
        }
        return tally;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
