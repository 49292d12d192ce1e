package health.leiming.care;

import health.leiming.platform.Erasure;
import health.leiming.platform.ErasureSubject;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The care context's part of an erasure: appointments belong to orders, which are kept, so they stay with
 * the random ids that replace the member's and the people's, and lose the member's note.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CareErasure implements Erasure {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Override
    public int stage() {
        return 40;
    }

    @Override
    public Map<String, Integer> erase(ErasureSubject subject) {
        int appointments = 0;
        for (Map.Entry<String, String> person : subject.persons().entrySet()) {
            appointments += em.createQuery("update Appointment a set a.personId = :pseudonym, a.notes = null"
                    + " where a.userId = :member and a.personId = :person").setParameter("pseudonym", person.getValue())
                    .setParameter("member", subject.memberId()).setParameter("person", person.getKey()).executeUpdate();
        }
        if (subject.wholeAccount()) {
            em.createQuery("update Appointment a set a.userId = :pseudonym, a.notes = null where a.userId = :member")
                    .setParameter("pseudonym", subject.memberPseudonym()).setParameter("member", subject.memberId())
                    .executeUpdate();
        }
        Map<String, Integer> kept = new LinkedHashMap<>();
        kept.put("appointments-pseudonymised", appointments);
        return kept;
    }
}
