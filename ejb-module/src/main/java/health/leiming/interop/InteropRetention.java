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
 * The jtis of client assertions that have expired (an expired assertion is refused for its expiry, so its
 * jti no longer needs remembering), and Bulk Data exports past leiming.fhir.bulk-export-ttl with their files.
 */
@Stateless
public class InteropRetention implements Retention {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Integer> purge(Instant now, int max) {
        int assertions = Purge.batchBy(em, "UsedAssertion", "jti", "e.expiresAt < :before", Map.of("before", now), max);
        int files = Purge.batch(em, "BulkFile", "e.exportId in (select x.id from BulkExport x where x.expiresAt < :before)",
                now, max);
        int exports = Purge.batch(em, "BulkExport", "e.expiresAt < :before"
                + " and not exists (select f.id from BulkFile f where f.exportId = e.id)", now, max);
        return Map.of("fhir-used-assertions", assertions, "fhir-bulk-files", files, "fhir-bulk-exports", exports);
    }
}
