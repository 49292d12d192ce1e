package health.leiming.platform;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Claims scheduled job runs in the database, so that with several servers sharing it each run
 * starts once: the first insert of (job, fire time) wins, every other one fails on the key. While a run
 * goes on, its server beats; when a server dies in the middle of a run, another takes the claim over
 * (one of them: the row lock and the heartbeat it read decide) and finishes the run.
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

    /** Runs started and not known to have ended, oldest first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<ScheduledRun> unfinished() {
        return em.createQuery("select r from ScheduledRun r where r.finishedAt is null and r.executionId is not null"
                + " order by r.claimedAt", ScheduledRun.class).setMaxResults(100).getResultList();
    }

    /** This server still runs it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void beat(String jobName, Instant fireTime, Instant now) {
        find(jobName, fireTime).ifPresent(run -> run.beat(now));
    }

    /** Its execution ended (completed, failed or stopped): nobody takes it over any more. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finished(String jobName, Instant fireTime, Instant now) {
        find(jobName, fireTime).ifPresent(run -> run.finished(now));
    }

    /**
     * Takes over a run from a server that stopped beating: true for the one caller that finds the claim as it
     * read it (same claimant, same last beat) under the row lock; every other server sees it changed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean takeOver(String jobName, Instant fireTime, String from, Instant lastBeat, String claimant, Instant now) {
        ScheduledRun run = em.find(ScheduledRun.class, new ScheduledRun.Key(jobName, ScheduledRun.utc(fireTime)),
                LockModeType.PESSIMISTIC_WRITE);
        if (run == null || !run.claimedBy().equals(from) || !Objects.equals(run.heartbeatAt(), lastBeat)) {
            return false;
        }
        run.takenOverBy(claimant, now);
        return true;
    }

    private Optional<ScheduledRun> find(String jobName, Instant fireTime) {
        return Optional.ofNullable(em.find(ScheduledRun.class, new ScheduledRun.Key(jobName, ScheduledRun.utc(fireTime))));
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
