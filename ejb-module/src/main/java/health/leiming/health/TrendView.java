package health.leiming.health;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A trend (seed 5.3.2): statistics (both readings for blood pressure), direction, points and advice. */
public record TrendView(String type, String unit, LocalDate start, LocalDate end, Statistics statistics,
        Statistics diastolic, String trend, String granularity, List<Point> dataPoints, List<Advice> advice) {

    public record Statistics(BigDecimal average, BigDecimal max, BigDecimal min, long count) {
    }

    /** A raw reading (time and level set) or one day's aggregate (min, max and count set). */
    public record Point(LocalDate date, String time, BigDecimal value, BigDecimal diastolic, BigDecimal min,
            BigDecimal max, long count, String level) {
    }

    public record Advice(String level, String content) {
    }
}
