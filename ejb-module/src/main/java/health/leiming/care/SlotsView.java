package health.leiming.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The slots of a service on a day (seed 5.3.3): each bookable or not, with the reason when not. */
public record SlotsView(String serviceId, LocalDate date, List<Slot> slots) {

    public record Slot(String time, Instant startsAt, boolean available, String reason, int remaining) {
    }
}
