package health.leiming.health;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The span a report covers, in the business time zone: a week (Monday to Sunday) or a calendar
 * month, given any day inside it.
 */
public record ReportPeriod(Type type, LocalDate start, LocalDate end, ZoneId zone) {

    public enum Type {
        week, month
    }

    public static ReportPeriod of(String type, LocalDate day, ZoneId zone) {
        Type t;
        try {
            t = Type.valueOf(type);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "REPORT_PERIOD_INVALID", "报告周期只能是week或month");
        }
        return switch (t) {
            case week -> new ReportPeriod(t, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)), zone);
            case month -> new ReportPeriod(t, day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()), zone);
        };
    }

    /** The last finished period of this type before the given day (what a nightly run reports on). */
    public static ReportPeriod lastBefore(String type, LocalDate today, ZoneId zone) {
        ReportPeriod current = of(type, today, zone);
        return of(type, current.start().minusDays(1), zone);
    }

    public Instant from() {
        return start.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    public Instant until() {
        return end.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public int days() {
        return (int) (end.toEpochDay() - start.toEpochDay()) + 1;
    }

    public String label() {
        return type == Type.week ? start + "至" + end + "周报" : start.getYear() + "年" + start.getMonthValue() + "月月报";
    }
}
