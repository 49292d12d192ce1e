package health.leiming.interop;

import health.leiming.platform.Erasure;
import health.leiming.platform.ErasureSubject;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;

/**
 * The interop context's part of erasing an account or a person: their hospital authorisations and patient
 * card links, which hospital Observations became their readings (the readings themselves go with the health
 * context's part), and the Bulk Data files prepared for a hospital that name them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class InteropErasure implements Erasure {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Override
    public int stage() {
        return 20;
    }

    @Override
    public Map<String, Integer> erase(ErasureSubject subject) {
        if (subject.personIds().isEmpty()) {
            return Map.of();
        }
        int consents = em.createQuery("delete from HospitalConsent c where c.personId in :persons")
                .setParameter("persons", subject.personIds()).executeUpdate();
        int observations = em.createQuery("delete from ObservationId o where o.personId in :persons")
                .setParameter("persons", subject.personIds()).executeUpdate();
        int links = em.createQuery("delete from HospitalPatientLink l where l.personId in :persons")
                .setParameter("persons", subject.personIds()).executeUpdate();
        int files = 0;
        for (String personId : subject.personIds()) { // a prepared export file naming them goes before it expires
            files += em.createQuery("delete from BulkFile f where f.content like :person")
                    .setParameter("person", "%" + personId + "%").executeUpdate();
        }
        return Map.of("hospital-consents", consents, "hospital-patient-links", links, "hospital-observation-ids",
                observations, "bulk-export-files", files);
    }
}
