package health.leiming.batch;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week; day-of-week 0 or 7 is
 * Sunday) with "*", numbers, ranges "a-b", steps "* /n" or "a-b/n", and lists "a,b". When both day
 * fields are restricted, either may match (as in cron).
 */
public final class CronSchedule {

    private final String expression;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean anyDay;
    private final boolean anyWeekday;

    private CronSchedule(String expression) {
        String[] fields = expression.trim().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("A schedule has five fields (minute hour day month weekday): " + expression);
        }
        this.expression = expression.trim();
        minutes = field(fields[0], 0, 59);
        hours = field(fields[1], 0, 23);
        days = field(fields[2], 1, 31);
        months = field(fields[3], 1, 12);
        weekdays = field(fields[4], 0, 7);
        if (weekdays.get(7)) {
            weekdays.set(0);
        }
        anyDay = fields[2].equals("*");
        anyWeekday = fields[4].equals("*");
    }

    public static CronSchedule parse(String expression) {
        return new CronSchedule(expression);
    }

    /** The latest time at or before {@code moment} (to the minute) that the schedule fires, looking back at most a year. */
    public ZonedDateTime latestAtOrBefore(ZonedDateTime moment) {
        ZonedDateTime t = moment.truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime limit = t.minusYears(1);
        while (t.isAfter(limit)) {
            if (!months.get(t.getMonthValue()) || !dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).minusMinutes(1);
                continue;
            }
            if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).minusMinutes(1);
                continue;
            }
            if (minutes.get(t.getMinute())) {
                return t;
            }
            t = t.minusMinutes(1);
        }
        return null;
    }

    public ZonedDateTime latestAtOrBefore(java.time.Instant moment, ZoneId zone) {
        return latestAtOrBefore(moment.atZone(zone));
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean day = days.get(t.getDayOfMonth());
        boolean weekday = weekdays.get(t.getDayOfWeek().getValue() % 7);
        if (anyDay && anyWeekday) {
            return true;
        }
        if (anyDay) {
            return weekday;
        }
        if (anyWeekday) {
            return day;
        }
        return day || weekday;
    }

    private static BitSet field(String spec, int min, int max) {
        BitSet bits = new BitSet(max + 1);
        for (String part : spec.split(",")) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = Integer.parseInt(part.substring(slash + 1));
                if (step < 1) {
                    throw new IllegalArgumentException("Bad step in " + spec);
                }
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", 2);
                from = Integer.parseInt(ends[0]);
                to = Integer.parseInt(ends[1]);
            } else {
                from = Integer.parseInt(range);
                to = slash >= 0 ? max : from;
            }
            if (from < min || to > max || from > to) {
                throw new IllegalArgumentException("Out of range (" + min + "-" + max + "): " + spec);
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    @Override
    public String toString() {
        return expression;
    }
}
