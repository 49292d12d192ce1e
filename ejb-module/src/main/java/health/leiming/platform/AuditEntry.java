package health.leiming.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One audited act: who (and in which role, from which address), whose data, what, when, under which
 * request, with what outcome; sealed into the tamper-evident chain by AuditChain.
 */
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

    @Column(name = "client_address")
    private String clientAddress;

    @Column(nullable = false)
    private String outcome;

    /** Why, when the actor had to say (an operator opening a member's health data); else null. */
    @Column(name = "reason")
    private String reason;

    /** The entry's place in the tamper-evident chain, once sealed (AuditChain); null until then. */
    @Column(name = "chain_seq")
    private Long chainSeq;

    @Column(name = "prev_hash")
    private String prevHash;

    @Column(name = "entry_hash")
    private String entryHash;

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
        this.clientAddress = RequestContext.clientAddressToStore();
        this.outcome = outcome;
    }

    /** The entry with the reason its actor gave (at most 200 characters are kept). */
    AuditEntry because(String why) {
        this.reason = why == null || why.isBlank() ? null : why.strip().length() <= 200 ? why.strip() : why.strip().substring(0, 200);
        return this;
    }

    /** What the chain's hash covers: every field as stored, the entry's place and the previous hash. */
    String content(long seq, String previous) {
        return String.join("|", id, occurredAt.truncatedTo(ChronoUnit.MICROS).toString(), actorId, actorRole, String.valueOf(personId), action, String.valueOf(resourceId),
                String.valueOf(requestId), String.valueOf(clientAddress), outcome, Long.toString(seq), previous)
                + (reason == null ? "" : "|" + reason); // entries from before the reason existed hash as they did
    }

    void seal(long seq, String previous, String hash) {
        chainSeq = seq;
        prevHash = previous;
        entryHash = hash;
    }

    boolean occurredBefore(Instant instant) {
        return occurredAt.isBefore(instant);
    }

    Long chainSeq() {
        return chainSeq;
    }

    String prevHash() {
        return prevHash;
    }

    String entryHash() {
        return entryHash;
    }

    String id() {
        return id;
    }

    public AuditView view() {
        return new AuditView(id, occurredAt, actorId, actorRole, personId, action, resourceId, requestId, clientAddress,
                outcome, reason);
    }

    /** An audit entry as admins read it. */
    public record AuditView(String id, Instant occurredAt, String actorId, String actorRole, String personId,
            String action, String resourceId, String requestId, String clientAddress, String outcome, String reason) {
    }
}
