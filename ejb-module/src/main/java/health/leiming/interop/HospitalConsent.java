package health.leiming.interop;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A member's authorisation for one hospital to see one of their people's data through FHIR (PIPL art. 23:
 * separate consent to provide personal information to another handler). Granted, revoked, granted again;
 * the audit log keeps each change.
 */
@Entity
@Table(name = "hospital_consents")
public class HospitalConsent {

    @Id
    private String id;

    @Column(name = "member_id", nullable = false)
    private String memberId;

    @Column(name = "person_id", nullable = false)
    private String personId;

    @Column(name = "hospital_id", nullable = false)
    private String hospitalId;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected HospitalConsent() {
    }

    HospitalConsent(String memberId, String personId, String hospitalId, Instant now) {
        this.id = Ids.newId();
        this.memberId = memberId;
        this.personId = personId;
        this.hospitalId = hospitalId;
        this.grantedAt = now;
    }

    void grant(Instant now) {
        grantedAt = now;
        revokedAt = null;
    }

    void revoke(Instant now) {
        revokedAt = now;
    }

    boolean granted() {
        return revokedAt == null;
    }

    String personId() {
        return personId;
    }

    String hospitalId() {
        return hospitalId;
    }

    ConsentView view(String hospitalName) {
        return new ConsentView(personId, hospitalId, hospitalName, granted(), grantedAt, revokedAt);
    }

    /** A hospital's authorisation as the member sees it. */
    public record ConsentView(String personId, String hospitalId, String hospitalName, boolean granted,
            Instant grantedAt, Instant revokedAt) {
    }
}
