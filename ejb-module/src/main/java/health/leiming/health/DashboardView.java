package health.leiming.health;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The health dashboard: one card per type the person has readings of (the seed's HealthDataCard). */
public record DashboardView(String personId, List<Card> cards) {

    /**
     * @param change    latest minus previous reading (systolic for blood pressure), null without a previous one
     * @param sparkline the last 7 days, one daily average a day with readings
     */
    public record Card(String type, String unit, BigDecimal value, BigDecimal diastolic, Instant recordedAt,
            Indicator indicator, BigDecimal change, String direction, List<TrendView.Point> sparkline) {
    }
}
