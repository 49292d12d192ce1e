package health.leiming.platform;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Audit entries once leiming.retention.audit has passed (three years by default; network logs must be
 * kept at least six months), oldest first from the start of the hash chain, which then starts after
 * them (AuditChain.purge).
 */
@Stateless
public class AuditRetention implements Retention {

    @Inject
    AuditChain chain;

    @Inject
    @ConfigProperty(name = "leiming.retention.audit", defaultValue = "P1095D")
    Duration kept;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Integer> purge(Instant now, int max) {
        return Map.of("audit-log", chain.purge(now.minus(kept), max));
    }
}
