package health.leiming.health;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A health report (seed: generateReport): per type the statistics, the share of readings in each
 * guideline level, the trend and chart-ready daily points; the risks found; recommendations.
 */
public record ReportView(String id, String personId, String personName, String periodType, LocalDate start,
        LocalDate end, String title, int readings, List<Metric> metrics, List<Risk> risks,
        List<String> recommendations, Instant generatedAt, boolean read) {

    public record Metric(String type, String label, String unit, TrendView.Statistics statistics,
            TrendView.Statistics diastolic, List<LevelShare> levels, String trend, List<TrendView.Point> series) {
    }

    /** How many readings fell in one guideline level, and their share of the type's readings (0-1). */
    public record LevelShare(String level, String description, long count, BigDecimal share) {
    }

    public record Risk(String type, String severity, String text) {
    }

    /** The list entry: no content. */
    public record Summary(String id, String personId, String periodType, LocalDate start, LocalDate end, String title,
            int readings, int risks, Instant generatedAt, boolean read) {
    }
}
