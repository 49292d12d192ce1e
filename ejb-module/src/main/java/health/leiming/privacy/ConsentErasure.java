package health.leiming.privacy;

import health.leiming.platform.Erasure;
import health.leiming.platform.ErasureSubject;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;

/**
 * The privacy context's part of erasing an account: the member's consents and withdrawals, and the copies
 * of their data prepared for download.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ConsentErasure implements Erasure {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Override
    public int stage() {
        return 20;
    }

    @Override
    public Map<String, Integer> erase(ErasureSubject subject) {
        // A prepared copy of the member's data holds their family members' too: it goes either way.
        int exports = em.createQuery("delete from DataExport e where e.memberId = :member")
                .setParameter("member", subject.memberId()).executeUpdate();
        if (!subject.wholeAccount()) {
            return Map.of("data-exports", exports);
        }
        return Map.of("data-exports", exports, "consents", em.createQuery(
                "delete from ConsentRecord r where r.memberId = :member").setParameter("member", subject.memberId())
                .executeUpdate());
    }
}
