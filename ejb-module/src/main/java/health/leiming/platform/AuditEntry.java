package health.leiming.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One access to someone's health data: who, whose, what, when, under which request, with what outcome. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    private String id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor_id", nullable = false)
    private String actorId;

    @Column(name = "actor_role", nullable = false)
    private String actorRole;

    @Column(name = "person_id")
    private String personId;

    @Column(nullable = false)
    private String action;

    @Column(name = "resource_id")
    private String resourceId;

    @Column(name = "request_id")
    private String requestId;

    @Column(nullable = false)
    private String outcome;

    protected AuditEntry() {
    }

    AuditEntry(String actorId, String actorRole, String personId, String action, String resourceId, String outcome,
            Instant now) {
        this.id = Ids.newId();
        this.occurredAt = now;
        this.actorId = actorId;
        this.actorRole = actorRole;
        // What a caller named that is no id of ours (a 300-character "id" in a body) is recorded as "none":
        // the refusal is still audited, and the attempt cannot break its own audit row.
        this.personId = Ids.isId(personId) ? personId : null;
        this.action = action;
        this.resourceId = resourceId == null || resourceId.length() <= 36 ? resourceId : resourceId.substring(0, 36);
        this.requestId = RequestContext.requestId();
        this.outcome = outcome;
    }

    public AuditView view() {
        return new AuditView(id, occurredAt, actorId, actorRole, personId, action, resourceId, requestId, outcome);
    }

    /** An audit entry as admins read it. */
    public record AuditView(String id, Instant occurredAt, String actorId, String actorRole, String personId,
            String action, String resourceId, String requestId, String outcome) {
    }
}
