package health.leiming.privacy;

import health.leiming.platform.Purge;
import health.leiming.platform.Retention;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;

/** Copies of members' data once they are no longer offered (and the ones that never got prepared). */
@Stateless
public class DataExportRetention implements Retention {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Integer> purge(Instant now, int max) {
        return Map.of("data-exports", Purge.batch(em, "DataExport", "e.expiresAt < :before", now, max));
    }
}
