package health.leiming.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
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
    public Page<AuditEntry.AuditView> query(String personId, String actorId, PageRequest page) {
        // Conditions are added only for the filters given (a null parameter is untyped on PostgreSQL).
        Filter filter = new Filter().andIfGiven("e.personId = :person", "person", personId)
                .andIfGiven("e.actorId = :actor", "actor", actorId);
        return page.read(em, AuditEntry.class, "AuditEntry e", filter, "e.occurredAt desc, e.id", AuditEntry::view);
    }

    /** Through the container, so that REQUIRES_NEW applies. */
    private AuditTrail self() {
        return session.getBusinessObject(AuditTrail.class);
    }

}
