package health.leiming.interop;

import health.leiming.platform.Purge;
import health.leiming.platform.Retention;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;

/**
 * The jtis of client assertions that have expired: an expired assertion is refused for its expiry, so its
 * jti no longer needs remembering.
 */
@Stateless
public class InteropRetention implements Retention {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Integer> purge(Instant now, int max) {
        return Map.of("fhir-used-assertions", Purge.batchBy(em, "UsedAssertion", "jti", "e.expiresAt < :before",
                Map.of("before", now), max));
    }
}
