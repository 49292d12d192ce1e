package health.leiming.wecom;

import health.leiming.platform.Erasure;
import health.leiming.platform.ErasureSubject;
import health.leiming.platform.Traces;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;

/** The WeCom context's part of an erasure: the callbacks staff sent that name the subject (their payloads). */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class WecomErasure implements Erasure {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Override
    public int stage() {
        return 20;
    }

    @Override
    public Map<String, Integer> erase(ErasureSubject subject) {
        Traces payload = Traces.in("m.payload", subject.traces());
        return Map.of("wecom-inbox", payload.bind(em.createQuery("delete from InboxMessage m where " + payload.condition()))
                .executeUpdate());
    }
}
