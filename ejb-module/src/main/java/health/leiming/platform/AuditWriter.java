package health.leiming.platform;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Writes a batch of queued audit entries in one transaction of its own (AuditQueue). */
@Stateless
public class AuditWriter {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(List<AuditEntry> entries) {
        entries.forEach(em::persist);
    }
}
