package health.leiming.notify;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * A daily window (in the business time zone) in which nothing but urgent alerts is pushed; it may
 * run over midnight (22:00-07:00). A push that falls inside waits for the window's end.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        if (start == null || end == null || start.equals(end)) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "QUIET_HOURS_INVALID", "免打扰时段的开始和结束时间不能相同");
        }
    }

    public static QuietHours parse(String start, String end) {
        try {
            return new QuietHours(LocalTime.parse(start), LocalTime.parse(end));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "QUIET_HOURS_INVALID", "免打扰时段格式应为HH:mm，例如22:00");
        }
    }

    public boolean contains(LocalTime time) {
        return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** When a push due now may go out: now, or the end of the quiet window we are in. */
    public Instant deferUntil(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        if (!contains(local.toLocalTime())) {
            return now;
        }
        ZonedDateTime endToday = local.with(end).withSecond(0).withNano(0);
        return (endToday.isAfter(local) ? endToday : endToday.plusDays(1)).toInstant();
    }

    public String startText() {
        return start.toString();
    }

    public String endText() {
        return end.toString();
    }
}
