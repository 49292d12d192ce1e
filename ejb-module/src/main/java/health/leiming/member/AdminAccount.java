package health.leiming.member;

import health.leiming.platform.FieldCipher;
import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * A personal account of someone on our side: an admin (accounts, settings, jobs, and all an operator
 * does) or an operator (orders, content, catalog, members). A password hash, a TOTP second factor once
 * enrolled (its secret encrypted), and a lockout that grows with each failed login.
 */
@Entity
@Table(name = "admins")
public class AdminAccount {

    /** The purpose the TOTP secret is encrypted under (FieldCipher). */
    static final String TOTP_SECRET = "admins.totp_secret";

    /** What the account may do; the token's group. */
    public enum Role { admin, operator }

    /** The failed login (in a row) that locks the account; each further one doubles the lock, up to an hour. */
    static final int FREE_FAILURES = 5;
    private static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    private static final Duration LONGEST_LOCK = Duration.ofHours(1);

    @Id
    private String id;

    @Column(nullable = false)
    private String username;

    /** Jakarta Security's PBKDF2 hash (algorithm:iterations:salt:hash); never the password. */
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    private String name;

    @Column(nullable = false)
    private String status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    /** The TOTP secret, encrypted with the field key; set when enrolment starts. */
    @Column(name = "totp_secret")
    private String totpSecret;

    /** When the second factor was confirmed with a first code; until then it is not required. */
    @Column(name = "totp_confirmed_at")
    private Instant totpConfirmedAt;

    /** The last TOTP step used, so that a code cannot be used twice. */
    @Column(name = "totp_last_step")
    private Long totpLastStep;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected AdminAccount() {
    }

    AdminAccount(String username, String passwordHash, String name, Role role, Instant now) {
        this.id = Ids.newId();
        this.username = username;
        this.passwordHash = passwordHash;
        this.name = name;
        this.role = role;
        this.status = "active";
        this.createdAt = now;
        this.updatedAt = now;
        this.passwordChangedAt = now;
    }

    boolean active() {
        return "active".equals(status);
    }

    /** How long the account stays locked from now; zero when it is not. */
    Duration lockedFor(Instant now) {
        return lockedUntil == null || !now.isBefore(lockedUntil) ? Duration.ZERO : Duration.between(now, lockedUntil);
    }

    /** A failed login: from the fifth in a row, the account locks for 1, 2, 4 ... minutes, at most an hour. */
    void loginFailed(Instant now) {
        failedLogins++;
        if (failedLogins >= FREE_FAILURES) {
            int doublings = Math.min(failedLogins - FREE_FAILURES, 10);
            Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
            lockedUntil = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
        }
        updatedAt = now;
    }

    boolean hadFailures() {
        return failedLogins > 0 || lockedUntil != null;
    }

    void loggedIn(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        updatedAt = now;
    }

    boolean hasSecondFactor() {
        return totpConfirmedAt != null;
    }

    void startTotp(String encryptedSecret, Instant now) {
        totpSecret = encryptedSecret;
        totpConfirmedAt = null;
        totpLastStep = null;
        updatedAt = now;
    }

    void confirmTotp(long step, Instant now) {
        totpConfirmedAt = now;
        totpLastStep = step;
        updatedAt = now;
    }

    String encryptedTotpSecret() {
        return totpSecret;
    }

    /** Re-encrypts the TOTP secret under the current key (KeyRotation). */
    void rotateTotpSecret(FieldCipher cipher) {
        if (totpSecret != null) {
            totpSecret = cipher.encrypt(TOTP_SECRET, cipher.decrypt(TOTP_SECRET, totpSecret));
        }
    }

    Long totpLastStep() {
        return totpLastStep;
    }

    void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        passwordChangedAt = now;
        updatedAt = now;
    }

    /** An admin reset: a new password, the second factor to enrol again, the lock lifted. */
    void reset(String newHash, Instant now) {
        changePassword(newHash, now);
        startTotp(null, now);
        loggedIn(now);
    }

    void change(String newName, Role newRole, Boolean makeActive, Instant now) {
        if (newName != null && !newName.isBlank()) {
            name = newName.strip();
        }
        if (newRole != null) {
            role = newRole;
        }
        if (makeActive != null) {
            status = makeActive ? "active" : "suspended";
        }
        updatedAt = now;
    }

    String id() {
        return id;
    }

    String username() {
        return username;
    }

    String name() {
        return name;
    }

    Role role() {
        return role;
    }

    String passwordHash() {
        return passwordHash;
    }

    AdminView view() {
        return new AdminView(id, username, name, role.name(), status, hasSecondFactor(), lockedUntil, createdAt);
    }

    /** An account as admins list it: no hash, no secret. */
    public record AdminView(String id, String username, String name, String role, String status,
            boolean secondFactor, Instant lockedUntil, Instant createdAt) {
    }
}
