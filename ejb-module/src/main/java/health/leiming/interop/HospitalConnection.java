package health.leiming.interop;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A hospital's own FHIR server, whose doctors and clinic times the hospital-import job brings into the
 * catalog. Its bearer token is configuration, not data: tokenSetting names the property that holds it.
 */
@Entity
@Table(name = "hospital_connections")
public class HospitalConnection {

    @Id
    private String id;

    @Column(name = "hospital_id", nullable = false)
    private String hospitalId;

    @Column(name = "base_url", nullable = false)
    private String baseUrl;

    @Column(name = "token_setting")
    private String tokenSetting;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "last_run_at")
    private Instant lastRunAt;

    @Column(name = "last_result")
    private String lastResult;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected HospitalConnection() {
    }

    HospitalConnection(String hospitalId, String baseUrl, String tokenSetting, Instant now) {
        this.id = Ids.newId();
        this.hospitalId = hospitalId;
        this.baseUrl = baseUrl;
        this.tokenSetting = tokenSetting;
        this.active = true;
        this.createdAt = now;
    }

    void change(String baseUrl, String tokenSetting, boolean active) {
        this.baseUrl = baseUrl;
        this.tokenSetting = tokenSetting;
        this.active = active;
    }

    void ran(Instant at, String result) {
        this.lastRunAt = at;
        this.lastResult = result.length() > 500 ? result.substring(0, 500) : result;
    }

    String id() {
        return id;
    }

    String hospitalId() {
        return hospitalId;
    }

    String baseUrl() {
        return baseUrl;
    }

    String tokenSetting() {
        return tokenSetting;
    }

    /** The bearer token for the hospital's server, from the configuration property the connection names. */
    String bearerToken() {
        return tokenSetting == null ? null
                : ConfigProvider.getConfig().getOptionalValue(tokenSetting, String.class)
                        .orElseThrow(() -> new IllegalStateException("setting " + tokenSetting + " is not set"));
    }

    boolean active() {
        return active;
    }

    ConnectionView view() {
        return new ConnectionView(id, hospitalId, baseUrl, tokenSetting, active, lastRunAt, lastResult);
    }

    /** A connection as admins see it. */
    public record ConnectionView(String id, String hospitalId, String baseUrl, String tokenSetting, boolean active,
            Instant lastRunAt, String lastResult) {
    }
}
