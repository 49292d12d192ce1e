package health.leiming.platform;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's part of an erasure: the outbox events that carry the subject's ids (and the processed-event
 * records of them), the rate counters kept per person, and what a batch run skipped about them. The audit
 * log is not erased: it is the access record the law makes us keep (leiming.retention.audit), it holds ids
 * only, and after the erasure no table maps those ids to anyone.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class PlatformErasure implements Erasure {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Override
    public int stage() {
        return 10;
    }

    @Override
    public Map<String, Integer> erase(ErasureSubject subject) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        Traces payload = Traces.in("e.payload", subject.ids());
        List<String> events = payload.bind(em.createQuery("select e.id from OutboxEvent e where e.aggregateId in :ids or "
                + payload.condition(), String.class)).setParameter("ids", subject.ids()).getResultList();
        int processed = 0;
        for (List<String> chunk : chunks(events)) {
            processed += em.createQuery("delete from ProcessedEvent p where p.eventId in :events")
                    .setParameter("events", chunk).executeUpdate();
            em.createQuery("delete from OutboxEvent e where e.id in :events").setParameter("events", chunk).executeUpdate();
        }
        erased.put("outbox-events", events.size());
        erased.put("processed-events", processed);
        int counters = 0;
        for (String id : subject.ids()) { // native: "key" is a word of JPQL's own
            counters += em.createNativeQuery("DELETE FROM rate_counters WHERE counter_key LIKE ?1")
                    .setParameter(1, "%" + id + "%").executeUpdate();
        }
        erased.put("rate-counters", counters);
        erased.put("batch-skips", em.createQuery("delete from BatchSkip s where s.item in :ids")
                .setParameter("ids", subject.ids()).executeUpdate());
        return erased;
    }

    /** Lists for an IN clause, small enough for every database. */
    static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + 500)));
        }
        return chunks;
    }
}
