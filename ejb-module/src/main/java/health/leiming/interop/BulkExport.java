package health.leiming.interop;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/**
 * A hospital client's Bulk Data export (FHIR Bulk Data Access, $export): what it asked for, and where the
 * fhir-bulk-export job is with it. Only the client that asked sees it; it and its files expire.
 */
@Entity
@Table(name = "fhir_bulk_exports")
public class BulkExport {

    public enum Status {
        pending, ready, failed, cancelled
    }

    @Id
    private String id;

    @Column(name = "client_id", nullable = false)
    private String clientId;

    @Column(name = "hospital_id", nullable = false)
    private String hospitalId;

    /** Comma-separated resource types (Patient,Observation). */
    @Column(nullable = false)
    private String types;

    private Instant since;

    @Column(name = "request_url", nullable = false)
    private String requestUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Version
    private long version;

    protected BulkExport() {
    }

    BulkExport(HospitalCaller caller, List<String> types, Instant since, String requestUrl, Instant now, Instant expiresAt) {
        this.id = Ids.newId();
        this.clientId = caller.clientId();
        this.hospitalId = caller.hospitalId();
        this.types = String.join(",", types);
        this.since = since;
        this.requestUrl = requestUrl;
        this.status = Status.pending;
        this.requestedAt = now;
        this.expiresAt = expiresAt;
    }

    public String id() {
        return id;
    }

    String clientId() {
        return clientId;
    }

    String hospitalId() {
        return hospitalId;
    }

    List<String> types() {
        return List.of(types.split(","));
    }

    Instant since() {
        return since;
    }

    String requestUrl() {
        return requestUrl;
    }

    Status status() {
        return status;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    void ready(Instant now) {
        status = Status.ready;
        completedAt = now;
    }

    void failed(Instant now) {
        status = Status.failed;
        completedAt = now;
    }

    void cancel(Instant now) {
        status = Status.cancelled;
        completedAt = now;
    }
}
