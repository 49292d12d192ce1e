package health.leiming.health;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Statistics, direction and advice for one type of reading over a period. The direction comes from
 * the least-squares slope of the readings over time: the change it predicts across the period is
 * compared with a threshold per type (what counts as a real change), not two points with each other.
 */
public final class TrendAnalysis {

    /** Below this predicted change across the period, a series is stable. */
    static BigDecimal threshold(MeasurementType type) {
        return switch (type) {
            case blood_pressure, heart_rate -> BigDecimal.valueOf(5);
            case blood_glucose, sleep_duration -> new BigDecimal("0.5");
            case weight, blood_oxygen -> BigDecimal.ONE;
            case body_temperature -> new BigDecimal("0.3");
            case steps -> BigDecimal.valueOf(1000);
        };
    }

    /** Periods up to this many days show every reading; longer ones one point a day. */
    static final int RAW_POINTS_UP_TO_DAYS = 7;
    static final int MIN_POINTS_FOR_DIRECTION = 3;

    private TrendAnalysis() {
    }

    /** A reading in the series. */
    public record Reading(Instant at, BigDecimal value, BigDecimal diastolic, Indicator indicator) {
    }

    public static TrendView analyse(MeasurementType type, List<Reading> readings, LocalDate start, LocalDate end,
            ZoneId zone) {
        int days = (int) (end.toEpochDay() - start.toEpochDay()) + 1;
        TrendView.Statistics statistics = statistics(readings.stream().map(Reading::value).toList());
        TrendView.Statistics diastolic = type == MeasurementType.blood_pressure
                ? statistics(readings.stream().map(Reading::diastolic).toList()) : null;
        String direction = direction(type, readings, days);
        List<TrendView.Point> points = days <= RAW_POINTS_UP_TO_DAYS ? raw(readings, zone) : daily(readings, zone);
        return new TrendView(type.name(), type.canonicalUnit(), start, end, statistics, diastolic, direction,
                days <= RAW_POINTS_UP_TO_DAYS ? "raw" : "daily", points, advice(type, readings, direction));
    }

    /**
     * The same analysis from daily roll-ups (periods longer than a week): statistics from the days'
     * sums, the direction from the least-squares slope of the daily averages, one point a day.
     */
    public static TrendView fromDays(MeasurementType type, List<DailyStat> days, LocalDate start, LocalDate end,
            ZoneId zone) {
        int periodDays = (int) (end.toEpochDay() - start.toEpochDay()) + 1;
        long count = 0;
        long abnormal = 0;
        long alerts = 0;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal min = null;
        BigDecimal max = null;
        BigDecimal diastolicSum = BigDecimal.ZERO;
        BigDecimal diastolicMin = null;
        BigDecimal diastolicMax = null;
        List<Reading> dailyAverages = new ArrayList<>();
        List<TrendView.Point> points = new ArrayList<>();
        for (DailyStat day : days) {
            count += day.count();
            abnormal += day.abnormal();
            alerts += day.alerts();
            sum = sum.add(day.sum());
            min = min == null ? day.min() : min.min(day.min());
            max = max == null ? day.max() : max.max(day.max());
            if (day.diastolicSum() != null) {
                diastolicSum = diastolicSum.add(day.diastolicSum());
                diastolicMin = diastolicMin == null ? day.diastolicMin() : diastolicMin.min(day.diastolicMin());
                diastolicMax = diastolicMax == null ? day.diastolicMax() : diastolicMax.max(day.diastolicMax());
            }
            dailyAverages.add(new Reading(day.day().atTime(12, 0).atZone(zone).toInstant(), day.average(), null, null));
            points.add(new TrendView.Point(day.day(), null, day.average(), day.diastolicAverage(), day.min(), day.max(),
                    day.count(), null));
        }
        TrendView.Statistics statistics = count == 0 ? new TrendView.Statistics(null, null, null, 0)
                : new TrendView.Statistics(sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP), max, min, count);
        TrendView.Statistics diastolic = type != MeasurementType.blood_pressure ? null : count == 0
                ? new TrendView.Statistics(null, null, null, 0)
                : new TrendView.Statistics(diastolicSum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP),
                        diastolicMax, diastolicMin, count);
        String direction = count < MIN_POINTS_FOR_DIRECTION ? "insufficient_data"
                : dailyAverages.size() < 2 ? "stable" : direction(type, dailyAverages, periodDays);
        return new TrendView(type.name(), type.canonicalUnit(), start, end, statistics, diastolic, direction, "daily",
                points, advice(type, count, abnormal, alerts, direction));
    }

    static TrendView.Statistics statistics(List<BigDecimal> values) {
        Stats stats = new Stats();
        values.forEach(stats::add);
        return stats.statistics();
    }

    /** Count, sum and extremes of values as they come; their average to two places. */
    static final class Stats {
        private long count;
        private BigDecimal sum = BigDecimal.ZERO;
        private BigDecimal min;
        private BigDecimal max;

        void add(BigDecimal value) {
            count++;
            sum = sum.add(value);
            min = min == null ? value : min.min(value);
            max = max == null ? value : max.max(value);
        }

        long count() {
            return count;
        }

        BigDecimal average() {
            return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
        }

        TrendView.Statistics statistics() {
            return new TrendView.Statistics(average(), max, min, count);
        }
    }

    /**
     * The sums of a least-squares line through readings added in time order (x: days since the
     * first, y: the value), and the direction it gives across a period.
     */
    static final class Slope {
        private long n;
        private long t0;
        private double sumX;
        private double sumY;
        private double sumXY;
        private double sumXX;

        void add(Instant at, BigDecimal value) {
            if (n++ == 0) {
                t0 = at.getEpochSecond();
            }
            double x = (at.getEpochSecond() - t0) / 86_400.0;
            double y = value.doubleValue();
            sumX += x;
            sumY += y;
            sumXY += x * y;
            sumXX += x * x;
        }

        /** rising, falling or stable; insufficient_data below three readings. */
        String direction(MeasurementType type, int periodDays) {
            if (n < MIN_POINTS_FOR_DIRECTION) {
                return "insufficient_data";
            }
            double denominator = n * sumXX - sumX * sumX;
            if (denominator == 0) {
                return "stable";
            }
            double slopePerDay = (n * sumXY - sumX * sumY) / denominator;
            double change = slopePerDay * periodDays;
            double threshold = threshold(type).doubleValue();
            return change >= threshold ? "rising" : change <= -threshold ? "falling" : "stable";
        }
    }

    /** One day's readings as they come: the day's point of a series. */
    static final class Day {
        private final LocalDate date;
        private final Stats values = new Stats();
        private Stats diastolic;

        Day(LocalDate date) {
            this.date = date;
        }

        void add(BigDecimal value, BigDecimal diastolicValue) {
            if (values.count() == 0 && diastolicValue != null) {
                diastolic = new Stats(); // a day has a diastolic average when its first reading has one
            }
            values.add(value);
            if (diastolic != null) {
                diastolic.add(diastolicValue);
            }
        }

        TrendView.Point point() {
            TrendView.Statistics s = values.statistics();
            return new TrendView.Point(date, null, s.average(), diastolic == null ? null : diastolic.average(), s.min(),
                    s.max(), s.count(), null);
        }
    }

    /** rising, falling or stable; insufficient_data below three readings. */
    static String direction(MeasurementType type, List<Reading> readings, int periodDays) {
        Slope slope = new Slope();
        readings.forEach(r -> slope.add(r.at(), r.value()));
        return slope.direction(type, periodDays);
    }

    private static List<TrendView.Point> raw(List<Reading> readings, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        return readings.stream().map(r -> new TrendView.Point(LocalDate.ofInstant(r.at(), zone),
                time.format(r.at().atZone(zone)), r.value(), r.diastolic(), null, null, 1, r.indicator().level())).toList();
    }

    /** One point a day: the day's average, minimum, maximum and count. */
    static List<TrendView.Point> daily(List<Reading> readings, ZoneId zone) {
        Map<LocalDate, Day> byDay = new TreeMap<>();
        for (Reading r : readings) {
            byDay.computeIfAbsent(LocalDate.ofInstant(r.at(), zone), Day::new).add(r.value(), r.diastolic());
        }
        return byDay.values().stream().map(Day::point).toList();
    }

    static List<TrendView.Advice> advice(MeasurementType type, List<Reading> readings, String direction) {
        return advice(type, readings.size(), readings.stream().filter(r -> !isFine(r.indicator().level())).count(),
                readings.stream().filter(r -> r.indicator().alert()).count(), direction);
    }

    static List<TrendView.Advice> advice(MeasurementType type, long count, long abnormal, long alerts, String direction) {
        List<TrendView.Advice> advice = new ArrayList<>();
        if (count == 0) {
            advice.add(new TrendView.Advice("info", "这段时间还没有" + type.label() + "记录，建议定期测量"));
            return advice;
        }
        if (alerts > 0) {
            advice.add(new TrendView.Advice("danger", count + "次" + type.label() + "记录中有" + alerts
                    + "次达到危险水平，请尽快就医"));
        } else if (abnormal > 0) {
            advice.add(new TrendView.Advice("warning", count + "次" + type.label() + "记录中有" + abnormal
                    + "次不在正常范围，建议咨询医生"));
        } else {
            advice.add(new TrendView.Advice("info", type.label() + "控制良好，请继续保持"));
        }
        if ("rising".equals(direction) && type != MeasurementType.steps && type != MeasurementType.sleep_duration) {
            advice.add(new TrendView.Advice("warning", type.label() + "呈上升趋势，请留意饮食、运动和用药"));
        }
        return advice;
    }

    static boolean isFine(String level) {
        return "normal".equals(level) || "target_met".equals(level) || "unclassified".equals(level);
    }
}
