package health.leiming.privacy;

import health.leiming.platform.ConsentKind;
import health.leiming.platform.Ids;
import health.leiming.platform.RequestContext;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member's acceptance or withdrawal of one version of a consent document; append-only. */
@Entity
@Table(name = "consent_records")
public class ConsentRecord {

    enum Action { accepted, withdrawn }

    @Id
    private String id;

    @Column(name = "member_id", nullable = false, updatable = false)
    private String memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ConsentKind kind;

    @Column(nullable = false, updatable = false)
    private int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Action action;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "request_id", updatable = false)
    private String requestId;

    @Column(name = "client_address", updatable = false)
    private String clientAddress;

    protected ConsentRecord() {
    }

    ConsentRecord(String memberId, ConsentKind kind, int version, Action action, Instant now) {
        this.id = Ids.newId();
        this.memberId = memberId;
        this.kind = kind;
        this.version = version;
        this.action = action;
        this.occurredAt = now;
        this.requestId = RequestContext.requestId();
        this.clientAddress = RequestContext.clientAddressToStore();
    }

    String memberId() {
        return memberId;
    }

    ConsentKind kind() {
        return kind;
    }

    int version() {
        return version;
    }

    boolean accepted() {
        return action == Action.accepted;
    }

    public RecordView view() {
        return new RecordView(kind.name(), version, action.name(), occurredAt, requestId, clientAddress);
    }

    public record RecordView(String kind, int version, String action, Instant occurredAt, String requestId,
            String clientAddress) {
    }
}
