package health.leiming.member;

import health.leiming.platform.Hashing;
import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A one-time SMS verification code. Only a keyed hash of the code is stored. A code lives for a
 * limited time, can be used once, and is burned after too many wrong tries.
 */
@Entity
@Table(name = "sms_codes")
@NamedQuery(name = "SmsCode.activeForPhone",
        query = "select c from SmsCode c where c.phoneHash in :phones and c.status = :status order by c.createdAt desc")
public class SmsCode {

    public enum Status {
        active, used, burned, superseded
    }

    /** What checking a submitted code found. */
    public enum Check {
        ACCEPTED, WRONG, BURNED, EXPIRED, NOT_USABLE
    }

    @Id
    private String id;

    /** The phone's blind index (Member.PHONE): codes name no phone in clear. */
    @Column(name = "phone_hash", nullable = false)
    private String phoneHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SmsScene scene;

    @Column(name = "code_hash", nullable = false)
    private String codeHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    private int attempts;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected SmsCode() {
    }

    public static SmsCode issue(String phoneHash, SmsScene scene, String codeHash, Instant now, Duration ttl) {
        SmsCode code = new SmsCode();
        code.id = Ids.newId();
        code.phoneHash = phoneHash;
        code.scene = scene;
        code.codeHash = codeHash;
        code.status = Status.active;
        code.expiresAt = now.plus(ttl);
        code.createdAt = now;
        return code;
    }

    /**
     * Checks a submitted code (as its hash). A match consumes the code; a miss counts, and the
     * maxAttempts-th miss burns it so that it can no longer be guessed.
     */
    public Check check(String submittedHash, Instant now, int maxAttempts) {
        if (status != Status.active) {
            return Check.NOT_USABLE;
        }
        if (!now.isBefore(expiresAt)) {
            return Check.EXPIRED;
        }
        if (Hashing.sameHash(codeHash, submittedHash)) {
            status = Status.used;
            usedAt = now;
            return Check.ACCEPTED;
        }
        attempts++;
        if (attempts >= maxAttempts) {
            status = Status.burned;
            return Check.BURNED;
        }
        return Check.WRONG;
    }

    /** A newer code was sent to the same phone: this one no longer works. */
    public void supersede() {
        if (status == Status.active) {
            status = Status.superseded;
        }
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String id() {
        return id;
    }

    SmsScene scene() {
        return scene;
    }
}
