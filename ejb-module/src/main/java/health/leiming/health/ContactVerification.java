package health.leiming.health;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a person's emergency contact confirmed their phone: a code sent to the phone, typed back by
 * the member. Alerts reach the contact only while the verified phone is the one on the profile (the
 * phone is kept as a hash: changing it on the profile undoes the verification).
 */
@Entity
@Table(name = "contact_verifications")
public class ContactVerification {

    /** What checking a typed code came to. */
    public enum Check { VERIFIED, WRONG, BURNED, EXPIRED, NONE }

    @Id
    @Column(name = "person_id")
    private String personId;

    @Column(name = "phone_hash", nullable = false)
    private String phoneHash;

    @Column(name = "code_hash")
    private String codeHash;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Version
    private long version;

    protected ContactVerification() {
    }

    ContactVerification(String personId) {
        this.personId = personId;
    }

    /** A new code for this phone; an earlier verification (of any phone) no longer counts. */
    void codeSent(String phoneHash, String codeHash, Instant now, Duration ttl) {
        this.phoneHash = phoneHash;
        this.codeHash = codeHash;
        this.sentAt = now;
        this.expiresAt = now.plus(ttl);
        this.attempts = 0;
        this.verifiedAt = null;
    }

    Check check(String phoneHash, String typedHash, Instant now, int maxAttempts) {
        if (codeHash == null || !phoneHash.equals(this.phoneHash)) {
            return Check.NONE;
        }
        if (attempts >= maxAttempts) {
            return Check.BURNED;
        }
        if (!now.isBefore(expiresAt)) {
            return Check.EXPIRED;
        }
        if (!codeHash.equals(typedHash)) {
            attempts++;
            return attempts >= maxAttempts ? Check.BURNED : Check.WRONG;
        }
        codeHash = null;
        verifiedAt = now;
        return Check.VERIFIED;
    }

    boolean verifies(String phoneHash) {
        return verifiedAt != null && phoneHash.equals(this.phoneHash);
    }

    int attempts() {
        return attempts;
    }
}
