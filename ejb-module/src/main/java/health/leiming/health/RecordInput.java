package health.leiming.health;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A reading as the mini-program sends it (seed 5.3.2): for blood pressure, value is the systolic
 * reading (or systolic is given) and diastolic is required; heartRate may come with it; glucose
 * readings say when they were taken (context).
 */
public record RecordInput(String type, BigDecimal value, String unit, Instant recordedAt, String source,
        String deviceId, String notes, BigDecimal systolic, BigDecimal diastolic, Integer heartRate, String context) {
}
