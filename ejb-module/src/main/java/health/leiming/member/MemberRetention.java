package health.leiming.member;

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
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SMS login codes (they name a phone) leiming.retention.sms-codes after they expired; the per-phone
 * sending counters a day after the last code; refresh tokens leiming.retention.refresh-tokens after
 * their login ended (kept until then: a reused one must still be recognised).
 */
@Stateless
public class MemberRetention implements Retention {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "leiming.retention.sms-codes", defaultValue = "P1D")
    Duration smsCodes;

    @Inject
    @ConfigProperty(name = "leiming.retention.refresh-tokens", defaultValue = "P30D")
    Duration refreshTokens;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Integer> purge(Instant now, int max) {
        Map<String, Integer> purged = new LinkedHashMap<>();
        purged.put("sms-codes", Purge.batch(em, "SmsCode", "e.expiresAt < :before", now.minus(smsCodes), max));
        purged.put("sms-throttles", Purge.batchBy(em, "SmsThrottle", "phoneHash", "e.lastSentAt < :before",
                Map.of("before", now.minus(Duration.ofDays(1)).minus(smsCodes)), max));
        purged.put("refresh-tokens", Purge.batch(em, "RefreshToken", "e.familyExpiresAt < :before or e.familyExpiresAt is null and e.expiresAt < :before",
                now.minus(refreshTokens), max));
        return purged;
    }
}
