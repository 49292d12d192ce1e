package health.leiming.care;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** When services can be booked: the slot grid, the lead time and how far ahead; from configuration. */
@ApplicationScoped
public class BookingRules {

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @Inject
    @ConfigProperty(name = "leiming.booking.opens", defaultValue = "08:00")
    LocalTime opens;

    @Inject
    @ConfigProperty(name = "leiming.booking.closes", defaultValue = "18:00")
    LocalTime closes;

    @Inject
    @ConfigProperty(name = "leiming.booking.slot-minutes", defaultValue = "60")
    int slotMinutes;

    /** A slot must start at least this long after the booking (time for staff to get there). */
    @Inject
    @ConfigProperty(name = "leiming.booking.lead-time", defaultValue = "PT2H")
    Duration leadTime;

    @Inject
    @ConfigProperty(name = "leiming.booking.days-ahead", defaultValue = "30")
    int daysAhead;

    /** The settings as they are, for the console to show (they change in the server's configuration). */
    public Settings settings() {
        return new Settings(opens, closes, slotMinutes, leadTime, daysAhead);
    }

    public record Settings(LocalTime opens, LocalTime closes, int slotMinutes, Duration leadTime, int daysAhead) {
    }

    public SlotGrid grid() {
        return new SlotGrid(zone, opens, closes, slotMinutes);
    }

    /** Why a slot starting at {@code start} cannot be booked at {@code now}, or null if it can. */
    public String closedReason(Instant start, Instant now) {
        if (!start.isAfter(now)) {
            return "已过期";
        }
        if (start.isBefore(now.plus(leadTime))) {
            long minutes = leadTime.toMinutes();
            return "需提前" + (minutes % 60 == 0 ? minutes / 60 + "小时" : minutes + "分钟") + "预约";
        }
        LocalDate last = LocalDate.ofInstant(now, zone).plusDays(daysAhead);
        if (LocalDate.ofInstant(start, zone).isAfter(last)) {
            return "超出可预约日期";
        }
        return null;
    }
}
