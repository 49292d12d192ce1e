package health.leiming.health;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** One measurement of a person, stored in canonical units with its guideline level. */
@Entity
@Table(name = "health_records")
public class HealthRecord {

    public enum Source {
        manual, device, hospital
    }

    @Id
    private String id;

    @Column(name = "person_id", nullable = false)
    private String personId;

    @Enumerated(EnumType.STRING)
    @Column(name = "data_type", nullable = false)
    private MeasurementType type;

    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal reading;

    @Column(precision = 10, scale = 2)
    private BigDecimal diastolic;

    private Integer pulse;

    @Enumerated(EnumType.STRING)
    @Column(name = "glucose_context")
    private GlucoseContext context;

    @Column(nullable = false)
    private String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Source source;

    @Column(name = "device_id")
    private String deviceId;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    private String notes;

    @Column(nullable = false)
    private String level;

    @Column(name = "original_value")
    private String originalValue;

    @Column(name = "original_unit")
    private String originalUnit;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected HealthRecord() {
    }

    HealthRecord(String personId, Measurement m, Indicator indicator, Source source, String deviceId, Instant recordedAt,
            String notes, String originalValue, String originalUnit, Instant now) {
        this.id = Ids.newId();
        this.personId = personId;
        this.source = source;
        this.deviceId = deviceId;
        this.createdAt = now;
        set(m, indicator, recordedAt, notes, originalValue, originalUnit, now);
    }

    /** Replaces the reading with a corrected one; the caller keeps the old one as a revision first. */
    void correct(Measurement m, Indicator indicator, Instant recordedAt, String notes, String originalValue,
            String originalUnit, Instant now) {
        set(m, indicator, recordedAt, notes, originalValue, originalUnit, now);
    }

    private void set(Measurement m, Indicator indicator, Instant recordedAt, String notes, String originalValue,
            String originalUnit, Instant now) {
        this.type = m.type();
        this.reading = m.value();
        this.diastolic = m.diastolic();
        this.pulse = m.pulse();
        this.context = m.context();
        this.unit = m.type().canonicalUnit();
        this.recordedAt = recordedAt;
        this.notes = notes;
        this.level = indicator.level();
        this.originalValue = originalValue;
        this.originalUnit = originalUnit;
        this.updatedAt = now;
    }

    public Measurement measurement() {
        return new Measurement(type, reading, diastolic, pulse, context);
    }

    RecordView view(Indicator indicator, int revisions) {
        boolean bp = type == MeasurementType.blood_pressure;
        RecordView.Metadata metadata = new RecordView.Metadata(bp ? reading : null, diastolic, pulse,
                context == null ? null : context.name(), originalValue == null ? null : new BigDecimal(originalValue),
                originalUnit);
        return new RecordView(id, personId, type.name(), reading, unit, recordedAt, source.name(), deviceId, notes,
                metadata, indicator, revisions, null, createdAt, updatedAt);
    }

    public String id() {
        return id;
    }

    public String personId() {
        return personId;
    }

    public MeasurementType type() {
        return type;
    }

    BigDecimal reading() {
        return reading;
    }

    BigDecimal diastolic() {
        return diastolic;
    }

    Integer pulse() {
        return pulse;
    }

    GlucoseContext context() {
        return context;
    }

    Instant recordedAt() {
        return recordedAt;
    }

    String notes() {
        return notes;
    }

    String level() {
        return level;
    }
}
