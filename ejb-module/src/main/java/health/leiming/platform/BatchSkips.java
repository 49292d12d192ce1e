package health.leiming.platform;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** What job executions skipped: recorded by the jobs' skip listeners, read by the admin summary. */
@Stateless
public class BatchSkips {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    public void record(long executionId, String jobName, String item, String reason) {
        em.persist(new BatchSkip(executionId, jobName, item, reason, Instant.now()));
    }

    public List<BatchSkip.View> of(List<Long> executionIds) {
        if (executionIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select s from BatchSkip s where s.executionId in :executions order by s.skippedAt",
                BatchSkip.class).setParameter("executions", executionIds).setMaxResults(500).getResultStream()
                .map(BatchSkip::view).toList();
    }
}
