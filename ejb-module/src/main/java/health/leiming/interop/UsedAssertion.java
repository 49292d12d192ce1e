package health.leiming.interop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A client assertion's jti, kept until the assertion expires: the same assertion presented again is
 * a replay and refused. The primary key makes the refusal hold across servers and at the same moment.
 */
@Entity
@Table(name = "fhir_used_assertions")
@IdClass(UsedAssertion.Key.class)
class UsedAssertion {

    @Id
    @Column(name = "client_id")
    private String clientId;

    @Id
    private String jti;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected UsedAssertion() {
    }

    UsedAssertion(String clientId, String jti, Instant expiresAt) {
        this.clientId = clientId;
        this.jti = jti;
        this.expiresAt = expiresAt;
    }

    /** The composite key (client, jti). */
    public record Key(String clientId, String jti) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
