package health.leiming.health;

import health.leiming.platform.Erasure;
import health.leiming.platform.ErasureSubject;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The health context's part of an erasure: every reading with its earlier versions, the daily roll-ups,
 * the health profile and tags, plans, reports, lab reports from hospitals and the emergency contact's
 * verification of the people erased.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class HealthErasure implements Erasure {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    LabReports labReports;

    @Override
    public int stage() {
        return 20;
    }

    @Override
    public Map<String, Integer> erase(ErasureSubject subject) {
        List<String> persons = subject.personIds();
        Map<String, Integer> erased = new LinkedHashMap<>();
        if (persons.isEmpty()) {
            return erased;
        }
        erased.put("record-revisions", delete("HealthRecordRevision e where e.recordId in"
                + " (select r.id from HealthRecord r where r.personId in :persons)", persons));
        erased.put("records", delete("HealthRecord e where e.personId in :persons", persons));
        erased.put("daily-stats", delete("DailyStat e where e.personId in :persons", persons));
        erased.put("profiles", delete("HealthProfile e where e.personId in :persons", persons));
        erased.put("tags", delete("HealthTag e where e.personId in :persons", persons));
        erased.put("plans", delete("HealthPlan e where e.personId in :persons", persons));
        erased.put("reports", delete("HealthReport e where e.personId in :persons", persons));
        erased.put("lab-reports", labReports.erase(persons));
        erased.put("contact-verifications", delete("ContactVerification e where e.personId in :persons", persons));
        return erased;
    }

    private int delete(String what, List<String> persons) {
        return em.createQuery("delete from " + what).setParameter("persons", persons).executeUpdate();
    }
}
