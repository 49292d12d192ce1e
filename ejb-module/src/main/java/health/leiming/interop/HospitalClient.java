package health.leiming.interop;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;

/**
 * A hospital's system registered to call /fhir/r4 (SMART Backend Services): it proves who it is with
 * a JWT signed by its private key, checked against the public keys registered here (a JWK Set) or
 * published at its JWKS URL, and gets at most the scopes registered here.
 */
@Entity
@Table(name = "fhir_clients")
public class HospitalClient {

    @Id
    private String id;

    @Column(name = "hospital_id", nullable = false)
    private String hospitalId;

    @Column(nullable = false)
    private String name;

    /** The client's public keys, a JWK Set ({"keys": [...]}), as registered. */
    @Column(name = "public_keys", nullable = false)
    private String publicKeys;

    /** Where the client publishes its keys (SMART's JWKS URL), when it does: publicKeys is then the last fetched. */
    @Column(name = "jwks_url")
    private String jwksUrl;

    @Column(name = "keys_fetched_at")
    private Instant keysFetchedAt;

    /** Space-separated scopes the client may be granted (system/Observation.read ...). */
    @Column(nullable = false)
    private String scopes;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Version
    private long version;

    protected HospitalClient() {
    }

    HospitalClient(String hospitalId, String name, String publicKeys, String jwksUrl, Set<String> scopes, String createdBy,
            Instant now) {
        this.id = Ids.newId();
        this.hospitalId = hospitalId;
        this.name = name;
        this.publicKeys = publicKeys;
        this.jwksUrl = jwksUrl;
        this.keysFetchedAt = jwksUrl == null ? null : now;
        this.scopes = String.join(" ", scopes.stream().sorted().toList());
        this.active = true;
        this.createdAt = now;
        this.createdBy = createdBy;
    }

    public String id() {
        return id;
    }

    String hospitalId() {
        return hospitalId;
    }

    String publicKeys() {
        return publicKeys;
    }

    Set<String> scopes() {
        return Set.of(scopes.split(" "));
    }

    boolean active() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    void replaceKeys(String publicKeys, String jwksUrl, Instant now) {
        this.publicKeys = publicKeys;
        this.jwksUrl = jwksUrl;
        this.keysFetchedAt = jwksUrl == null ? null : now;
    }

    /** The keys as just fetched from the JWKS URL (or, when that failed, as they were: the time still counts). */
    void keysFetched(String publicKeys, Instant at) {
        this.publicKeys = publicKeys;
        this.keysFetchedAt = at;
    }

    String jwksUrl() {
        return jwksUrl;
    }

    Instant keysFetchedAt() {
        return keysFetchedAt;
    }

    ClientView view() {
        return new ClientView(id, hospitalId, name, jwksUrl, scopes().stream().sorted().toList(), active, createdAt);
    }

    /** A registered client as the admin API shows it (its keys are public, but not repeated back). */
    public record ClientView(String clientId, String hospitalId, String name, String jwksUrl, java.util.List<String> scopes,
            boolean active, Instant createdAt) {
    }
}
