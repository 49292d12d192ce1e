package health.leiming.batch;

import health.leiming.order.AppointmentReminders;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the appointments due for a reminder, a page at a time. No checkpoint is needed: whatever a
 * committed chunk reminded is no longer due, so a restart simply asks again.
 */
@Named("dueAppointmentReader")
@Dependent
public class DueAppointmentReader extends AbstractItemReader {

    private static final int PAGE = 100;

    @Inject
    JobContext job;

    @Inject
    AppointmentReminders reminders;

    private Duration window;
    private Instant now;
    private final Deque<String> page = new ArrayDeque<>();
    private final java.util.Set<String> seen = new java.util.HashSet<>();

    @Override
    public void open(Serializable checkpoint) {
        window = Duration.parse(job.getProperties().getProperty("window"));
        now = Instant.now();
    }

    @Override
    public Object readItem() {
        if (page.isEmpty()) {
            // Those handed out but not yet committed are still "due": skip them on the next page.
            reminders.due(now, window, PAGE + seen.size()).stream().filter(seen::add).forEach(page::add);
        }
        return page.poll();
    }
}
