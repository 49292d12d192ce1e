package health.leiming.member;

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
 * A refresh token, stored as a hash. Each token is used once: refreshing rotates it to a new token
 * of the same family. Presenting a used token again means it was stolen or replayed, and the whole
 * family is revoked.
 */
@Entity
@Table(name = "refresh_tokens")
@NamedQuery(name = "RefreshToken.byHash", query = "select t from RefreshToken t where t.tokenHash = :hash")
@NamedQuery(name = "RefreshToken.revokeFamily",
        query = "update RefreshToken t set t.status = :revoked where t.familyId = :family and t.status = :active")
public class RefreshToken {

    public enum Status {
        active, used, revoked
    }

    @Id
    private String id;

    @Column(name = "member_id", nullable = false)
    private String memberId;

    @Column(name = "family_id", nullable = false)
    private String familyId;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "used_at")
    private Instant usedAt;

    /** When the family (the login) ends, however often it is refreshed. */
    @Column(name = "family_expires_at")
    private Instant familyExpiresAt;

    protected RefreshToken() {
    }

    /** Starts a new family (a new login), which ends after familyLifetime at the latest. */
    public static RefreshToken issue(String memberId, String tokenHash, Instant now, Duration ttl,
            Duration familyLifetime) {
        return create(memberId, Ids.newId(), tokenHash, now, ttl, now.plus(familyLifetime));
    }

    /** Marks this token used and returns its successor in the same family (never outliving the family). */
    public RefreshToken rotate(String newTokenHash, Instant now, Duration ttl) {
        status = Status.used;
        usedAt = now;
        return create(memberId, familyId, newTokenHash, now, ttl, familyExpiresAt);
    }

    private static RefreshToken create(String memberId, String familyId, String tokenHash, Instant now, Duration ttl,
            Instant familyExpiresAt) {
        RefreshToken token = new RefreshToken();
        token.familyExpiresAt = familyExpiresAt;
        token.id = Ids.newId();
        token.memberId = memberId;
        token.familyId = familyId;
        token.tokenHash = tokenHash;
        token.status = Status.active;
        token.createdAt = now;
        token.expiresAt = familyExpiresAt != null && familyExpiresAt.isBefore(now.plus(ttl)) ? familyExpiresAt
                : now.plus(ttl);
        return token;
    }

    public boolean isActive(Instant now) {
        return status == Status.active && now.isBefore(expiresAt);
    }

    public boolean wasUsed() {
        return status == Status.used;
    }

    public String memberId() {
        return memberId;
    }

    public String familyId() {
        return familyId;
    }

    MemberPersonalData.Session session() {
        return new MemberPersonalData.Session(createdAt, expiresAt, status.name());
    }
}
