package health.leiming.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;

/**
 * Caps shared by every server of the installation (they live in the database): SMS codes per client
 * address and in total, alert SMS per person and per number. A hit is counted in its own short
 * transaction, so a cap holds even when the caller's work rolls back, and no row stays locked while
 * the caller talks to the outside.
 */
@Stateless
public class RateCounters {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Resource
    SessionContext context;

    /**
     * Counts a hit for the key if the window has room for it.
     *
     * @return 0 when counted, else the seconds until the window has room again
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long take(String key, Duration window, int limit) {
        if (limit <= 0) {
            return window.toSeconds();
        }
        RateCounters self = context.getBusinessObject(RateCounters.class);
        try {
            return self.hit(key, window, limit);
        } catch (EJBException | PersistenceException e) {
            // Another server created the key's row at the same moment: it exists now.
            return self.hit(key, window, limit);
        }
    }

    /** How many hits the key has in its current window (0 when none or the window has passed). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long hits(String key, Duration window) {
        RateCounter counter = em.find(RateCounter.class, key);
        return counter == null ? 0 : counter.hitsWithin(Instant.now(), window);
    }

    /**
     * Counts a hit inside the caller's transaction: it counts only if the caller's work commits (an
     * event handled again after a rollback is not held back by its own first try).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long takeInTransaction(String key, Duration window, int limit) {
        return limit <= 0 ? window.toSeconds() : count(key, window, limit);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long hit(String key, Duration window, int limit) {
        return count(key, window, limit);
    }

    private long count(String key, Duration window, int limit) {
        Instant now = Instant.now();
        RateCounter counter = em.find(RateCounter.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            em.persist(RateCounter.first(key, now));
            em.flush();
            return 0;
        }
        return counter.hit(now, window, limit);
    }
}
