package health.leiming.health;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A reading as it was before a correction: the record's history. */
@Entity
@Table(name = "health_record_revisions")
@NamedQuery(name = "HealthRecordRevision.ofRecord",
        query = "select r from HealthRecordRevision r where r.recordId = :record order by r.revision")
@NamedQuery(name = "HealthRecordRevision.countOfRecord",
        query = "select count(r) from HealthRecordRevision r where r.recordId = :record")
public class HealthRecordRevision {

    @Id
    private String id;

    @Column(name = "record_id", nullable = false)
    private String recordId;

    @Column(nullable = false)
    private int revision;

    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal reading;

    @Column(precision = 10, scale = 2)
    private BigDecimal diastolic;

    private Integer pulse;

    @Enumerated(EnumType.STRING)
    @Column(name = "glucose_context")
    private GlucoseContext context;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    private String notes;

    @Column(nullable = false)
    private String level;

    @Column(name = "replaced_at", nullable = false)
    private Instant replacedAt;

    @Column(name = "replaced_by", nullable = false)
    private String replacedBy;

    private String reason;

    protected HealthRecordRevision() {
    }

    HealthRecordRevision(HealthRecord record, int revision, String replacedBy, String reason, Instant now) {
        this.id = Ids.newId();
        this.recordId = record.id();
        this.revision = revision;
        this.reading = record.reading();
        this.diastolic = record.diastolic();
        this.pulse = record.pulse();
        this.context = record.context();
        this.recordedAt = record.recordedAt();
        this.notes = record.notes();
        this.level = record.level();
        this.replacedAt = now;
        this.replacedBy = replacedBy;
        this.reason = reason;
    }

    public RevisionView view() {
        return new RevisionView(revision, reading, diastolic, pulse, context == null ? null : context.name(), recordedAt,
                notes, level, replacedAt, reason);
    }

    /** An earlier version of a record. */
    public record RevisionView(int revision, BigDecimal value, BigDecimal diastolic, Integer heartRate, String context,
            Instant recordedAt, String notes, String level, Instant replacedAt, String reason) {
    }
}
