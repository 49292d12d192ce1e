package health.leiming.interop;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A member's link of one of their people to that person's patient record at a hospital (就诊卡/病历号),
 * checked against the record's ID card number or phone: while it stands, the hospital-import job brings
 * the person's lab results from the hospital's FHIR server. One per person and hospital.
 */
@Entity
@Table(name = "hospital_patient_links")
public class HospitalPatientLink {

    @Id
    private String id;

    @Column(name = "member_id", nullable = false)
    private String memberId;

    @Column(name = "person_id", nullable = false)
    private String personId;

    @Column(name = "hospital_id", nullable = false)
    private String hospitalId;

    /** The hospital's Patient id (its FHIR logical id), not the card number. */
    @Column(name = "patient_id", nullable = false)
    private String patientId;

    @Column(name = "card_masked", nullable = false)
    private String cardMasked;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    @Column(name = "last_import_at")
    private Instant lastImportAt;

    /** ASCII, like a connection's: "ok: ..." or "failed: ...". */
    @Column(name = "last_result")
    private String lastResult;

    /** When the last import that succeeded began: the next asks the hospital only for what changed since. */
    @Column(name = "imported_until")
    private Instant importedUntil;

    @Version
    private long version;

    protected HospitalPatientLink() {
    }

    HospitalPatientLink(String memberId, String personId, String hospitalId, String patientId, String cardMasked,
            Instant now) {
        this.id = Ids.newId();
        this.memberId = memberId;
        this.personId = personId;
        this.hospitalId = hospitalId;
        this.linkedAt = now;
        relink(patientId, cardMasked, now);
    }

    /** Another patient record of the same hospital: imported from scratch. */
    void relink(String patientId, String cardMasked, Instant now) {
        this.patientId = patientId;
        this.cardMasked = cardMasked;
        this.linkedAt = now;
        this.lastImportAt = null;
        this.lastResult = null;
        this.importedUntil = null;
    }

    void imported(Instant startedAt, String result, boolean succeeded) {
        this.lastImportAt = startedAt;
        this.lastResult = result.length() > 500 ? result.substring(0, 500) : result;
        if (succeeded) {
            this.importedUntil = startedAt;
        }
    }

    String id() {
        return id;
    }

    String memberId() {
        return memberId;
    }

    String personId() {
        return personId;
    }

    String hospitalId() {
        return hospitalId;
    }

    String patientId() {
        return patientId;
    }

    Instant importedUntil() {
        return importedUntil;
    }

    LinkView view(String hospitalName) {
        return new LinkView(personId, hospitalId, hospitalName, cardMasked, linkedAt, lastImportAt,
                lastResult == null ? null : lastResult.startsWith("ok"));
    }

    /** A link as the member sees it: whether the last import worked (null before the first). */
    public record LinkView(String personId, String hospitalId, String hospitalName, String cardNumber, Instant linkedAt,
            Instant lastImportAt, Boolean lastImportOk) {
    }
}
