package health.leiming.wecom;

import health.leiming.platform.Purge;
import health.leiming.platform.Retention;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** WeCom callback payloads (they can name staff and members) leiming.retention.wecom-inbox after they arrived. */
@Stateless
public class WecomRetention implements Retention {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "leiming.retention.wecom-inbox", defaultValue = "P30D")
    Duration inbox;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Integer> purge(Instant now, int max) {
        return Map.of("wecom-inbox", Purge.batch(em, "InboxMessage", "e.receivedAt < :before", now.minus(inbox), max));
    }
}
