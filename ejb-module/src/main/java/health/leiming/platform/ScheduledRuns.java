package health.leiming.platform;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;

/**
 * Claims scheduled job runs in the database, so that with several servers sharing it each run
 * starts once: the first insert of (job, fire time) wins, every other one fails on the key.
 */
@Stateless
public class ScheduledRuns {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    /** True when this caller got the run; false when another server (or an earlier tick) has it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(String jobName, Instant fireTime, String claimant) {
        if (em.find(ScheduledRun.class, new ScheduledRun.Key(jobName, ScheduledRun.utc(fireTime))) != null) {
            return false;
        }
        try {
            em.persist(new ScheduledRun(jobName, fireTime, claimant, Instant.now()));
            em.flush();
            return true;
        } catch (PersistenceException e) {
            throw new RunTaken(e); // a concurrent claim committed first; this transaction rolls back
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void started(String jobName, Instant fireTime, long executionId) {
        ScheduledRun run = em.find(ScheduledRun.class, new ScheduledRun.Key(jobName, ScheduledRun.utc(fireTime)));
        if (run != null) {
            run.started(executionId);
        }
    }

    /** Another server claimed the run at the same moment. */
    @jakarta.ejb.ApplicationException(rollback = true)
    public static class RunTaken extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RunTaken(Throwable cause) {
            super("Scheduled run already claimed", cause);
        }
    }
}
