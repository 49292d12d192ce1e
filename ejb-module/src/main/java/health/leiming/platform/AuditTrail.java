package health.leiming.platform;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The append-only audit log of access to personal data. A change's entry commits with the change;
 * reads and refused attempts are queued and written in batches (AuditQueue); logins and admin acts
 * are written at once in their own transaction (record). There is no way to change or delete an entry
 * through the application.
 */
@Stateless
public class AuditTrail {

    public static final String SUCCESS = "success";
    public static final String DENIED = "denied";
    public static final String REJECTED = "rejected";

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    AuditQueue pending;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String actorId, String actorRole, String personId, String action, String resourceId,
            String outcome) {
        em.persist(new AuditEntry(actorId, actorRole, personId, action, resourceId, outcome, Instant.now()));
    }

    /** Records, in its own transaction, an act its actor had to give a reason for (see AuditEntry.reason). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordWithReason(String actorId, String actorRole, String personId, String action, String resourceId,
            String reason) {
        em.persist(new AuditEntry(actorId, actorRole, personId, action, resourceId, SUCCESS, Instant.now()).because(reason));
    }

    /**
     * Queues an entry (AuditQueue): written within a second, in a batch, outside the caller's transaction.
     * For reads and refusals; a change's entry belongs in the change's transaction.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void queue(String actorId, String actorRole, String personId, String action, String resourceId,
            String outcome) {
        pending.add(new AuditEntry(actorId, actorRole, personId, action, resourceId, outcome, Instant.now()));
    }

    /**
     * Runs a change and records its outcome: success, denied (not the caller's: 404) or rejected. A
     * success is recorded in the caller's transaction (it commits with the change, one commit per
     * request); a refusal is queued, because the caller's transaction rolls back.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public <T> T audited(String memberId, String personId, String action, String resourceId, Supplier<T> work) {
        T result = refusalsQueued(memberId, personId, action, resourceId, work);
        em.persist(new AuditEntry(memberId, "member", personId, action, resourceId, SUCCESS, Instant.now()));
        return result;
    }

    /**
     * Runs a read and queues its outcome (AuditQueue): the read itself writes nothing, and its entry is
     * written within a second with others.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public <T> T auditedRead(String memberId, String personId, String action, String resourceId, Supplier<T> work) {
        T result = refusalsQueued(memberId, personId, action, resourceId, work);
        queue(memberId, "member", personId, action, resourceId, SUCCESS);
        return result;
    }

    private <T> T refusalsQueued(String memberId, String personId, String action, String resourceId, Supplier<T> work) {
        try {
            return work.get();
        } catch (BusinessException e) {
            queue(memberId, "member", personId, action, resourceId, e.kind() == ErrorKind.NOT_FOUND ? DENIED : REJECTED);
            throw e;
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<AuditEntry.AuditView> query(String personId, String actorId, PageRequest page) {
        // Conditions are added only for the filters given (a null parameter is untyped on PostgreSQL).
        Filter filter = new Filter().andIfGiven("e.personId = :person", "person", personId)
                .andIfGiven("e.actorId = :actor", "actor", actorId);
        return page.read(em, AuditEntry.class, "AuditEntry e", filter, "e.occurredAt desc, e.id", AuditEntry::view);
    }

    /**
     * The newest {@code max} entries about these people or by this actor, newest first (a member's
     * export: who read or changed their data, and what they did themselves).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditEntry.AuditView> about(String actorId, List<String> personIds, int max) {
        return em.createQuery("select e from AuditEntry e where e.actorId = :actor or e.personId in :persons"
                + " order by e.occurredAt desc, e.id", AuditEntry.class)
                .setParameter("actor", actorId).setParameter("persons", personIds.isEmpty() ? List.of(actorId) : personIds)
                .setMaxResults(max).getResultStream().map(AuditEntry::view).toList();
    }
}
