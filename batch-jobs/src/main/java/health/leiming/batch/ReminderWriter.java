package health.leiming.batch;

import health.leiming.order.AppointmentReminders;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Marks a chunk's appointments reminded and writes their reminders, once each. */
@Named("reminderWriter")
@Dependent
public class ReminderWriter extends AbstractItemWriter {

    @Inject
    AppointmentReminders reminders;

    @Override
    public void writeItems(List<Object> items) {
        reminders.remind(items.stream().map(String.class::cast).toList());
    }
}
