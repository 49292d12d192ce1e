package health.leiming.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The append-only audit log of access to health data. Entries are written in their own transaction,
 * so that refused and failed attempts are recorded too. There is no way to change or delete an entry
 * through the application.
 */
@Stateless
public class AuditTrail {

    public static final String SUCCESS = "success";
    public static final String DENIED = "denied";
    public static final String REJECTED = "rejected";

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Resource
    SessionContext session;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String actorId, String actorRole, String personId, String action, String resourceId,
            String outcome) {
        em.persist(new AuditEntry(actorId, actorRole, personId, action, resourceId, outcome, Instant.now()));
    }

    /**
     * Runs the work and records its outcome: success, denied (not the caller's: 404) or rejected.
     * A success is recorded in the caller's transaction (it commits with the work, one commit per
     * request); a refusal in a transaction of its own, because the caller's rolls back.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public <T> T audited(String memberId, String personId, String action, String resourceId, Supplier<T> work) {
        try {
            T result = work.get();
            em.persist(new AuditEntry(memberId, "member", personId, action, resourceId, SUCCESS, Instant.now()));
            return result;
        } catch (BusinessException e) {
            self().record(memberId, "member", personId, action, resourceId,
                    e.kind() == ErrorKind.NOT_FOUND ? DENIED : REJECTED);
            throw e;
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page query(String personId, String actorId, int page, int size) {
        // Conditions are added only for the filters given (a null parameter is untyped on PostgreSQL).
        String where = " where 1 = 1" + (personId == null ? "" : " and e.personId = :person")
                + (actorId == null ? "" : " and e.actorId = :actor");
        TypedQuery<AuditEntry> entries = em.createQuery("select e from AuditEntry e" + where
                + " order by e.occurredAt desc, e.id", AuditEntry.class);
        TypedQuery<Long> count = em.createQuery("select count(e) from AuditEntry e" + where, Long.class);
        for (TypedQuery<?> q : List.of(entries, count)) {
            if (personId != null) {
                q.setParameter("person", personId);
            }
            if (actorId != null) {
                q.setParameter("actor", actorId);
            }
        }
        List<AuditEntry.AuditView> items = entries.setFirstResult((page - 1) * size).setMaxResults(size)
                .getResultStream().map(AuditEntry::view).toList();
        return new Page(items, page, size, count.getSingleResult());
    }

    /** Through the container, so that REQUIRES_NEW applies. */
    private AuditTrail self() {
        return session.getBusinessObject(AuditTrail.class);
    }

    public record Page(List<AuditEntry.AuditView> items, int page, int size, long total) {
    }
}
