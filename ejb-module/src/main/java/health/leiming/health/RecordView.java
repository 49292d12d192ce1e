package health.leiming.health;

import java.math.BigDecimal;
import java.time.Instant;

/** A health record as its owner reads it, with its guideline classification. */
public record RecordView(String id, String personId, String type, BigDecimal value, String unit, Instant recordedAt,
        String source, String deviceId, String notes, Metadata metadata, Indicator indicators, int revisions,
        Boolean duplicate, Instant createdAt, Instant updatedAt) {

    /** Blood pressure and glucose details (seed's metadata). */
    public record Metadata(BigDecimal systolic, BigDecimal diastolic, Integer heartRate, String context,
            BigDecimal originalValue, String originalUnit) {
    }

    RecordView asDuplicate() {
        return new RecordView(id, personId, type, value, unit, recordedAt, source, deviceId, notes, metadata, indicators,
                revisions, Boolean.TRUE, createdAt, updatedAt);
    }
}
