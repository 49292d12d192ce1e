package health.leiming.care;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A doctor's clinic time (出诊时间) as the hospital's FHIR server has it (a Slot): when, and whether free. */
@Entity
@Table(name = "doctor_clinic_times")
public class ClinicTime {

    @Id
    private String id;

    @Column(name = "hospital_id", nullable = false)
    private String hospitalId;

    @Column(name = "doctor_id", nullable = false)
    private String doctorId;

    @Column(name = "external_id", nullable = false)
    private String externalId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(nullable = false)
    private boolean free;

    protected ClinicTime() {
    }

    ClinicTime(String hospitalId, String doctorId, String externalId) {
        this.id = Ids.newId();
        this.hospitalId = hospitalId;
        this.doctorId = doctorId;
        this.externalId = externalId;
    }

    /** As the hospital has it now; true when anything changed. */
    boolean update(String doctorId, Instant startsAt, Instant endsAt, boolean free) {
        boolean changed = !doctorId.equals(this.doctorId) || !startsAt.equals(this.startsAt) || !endsAt.equals(this.endsAt)
                || free != this.free;
        this.doctorId = doctorId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.free = free;
        return changed;
    }

    String externalId() {
        return externalId;
    }

    ClinicTimeView view() {
        return new ClinicTimeView(startsAt, endsAt, free);
    }

    /** A clinic time as members see it. */
    public record ClinicTimeView(Instant startsAt, Instant endsAt, boolean free) {
    }
}
