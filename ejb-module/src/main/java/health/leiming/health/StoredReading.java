package health.leiming.health;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A stored reading as plain values (a JPQL constructor result, not a managed entity): what the report
 * job reads by the hundred thousand without filling the persistence context.
 */
public record StoredReading(String personId, String id, MeasurementType type, BigDecimal reading, BigDecimal diastolic, Integer pulse,
        GlucoseContext context, Instant recordedAt) {

    /** The reading, checked again as when it was recorded; throws when the stored values make no reading. */
    Measurement measurement() {
        return new Measurement(type, reading, diastolic, pulse, context);
    }
}
