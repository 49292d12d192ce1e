package health.leiming.care;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The bookable slots of every business day: starts every {@code slotMinutes} from {@code opens} while
 * before {@code closes}, in the business time zone. An appointment holds every slot its duration
 * touches, so a companion with a four-hour inpatient visit at 09:00 is not free at 10:00.
 */
public record SlotGrid(ZoneId zone, LocalTime opens, LocalTime closes, int slotMinutes) {

    public SlotGrid {
        if (slotMinutes <= 0 || !opens.isBefore(closes)) {
            throw new IllegalArgumentException("Slot grid needs opens < closes and a positive slot length");
        }
    }

    public List<LocalTime> starts() {
        List<LocalTime> starts = new ArrayList<>();
        int minutes = opens.toSecondOfDay() / 60;
        int end = closes.toSecondOfDay() / 60;
        for (; minutes < end; minutes += slotMinutes) {
            starts.add(LocalTime.ofSecondOfDay(minutes * 60L));
        }
        return starts;
    }

    public Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    /** True when the instant is the start of one of its day's slots. */
    public boolean isSlotStart(Instant start) {
        ZonedDateTime local = start.atZone(zone);
        return local.getSecond() == 0 && local.getNano() == 0 && starts().contains(local.toLocalTime());
    }

    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The slot starts an appointment of the given length beginning at a slot start occupies. */
    public List<Instant> occupied(Instant start, int durationMinutes) {
        int slots = Math.max(1, (durationMinutes + slotMinutes - 1) / slotMinutes);
        List<Instant> occupied = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
            occupied.add(start.plus(Duration.ofMinutes((long) i * slotMinutes)));
        }
        return occupied;
    }
}
