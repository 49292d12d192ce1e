package health.leiming.interop;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import health.leiming.health.HealthRecordService;
import health.leiming.health.RecordView;
import health.leiming.member.FamilyService;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.ConsentKind;
import health.leiming.platform.Consents;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The fhir-bulk-export job's steps, each in a transaction of its own: clear what an earlier run wrote,
 * write one page of people (their Patient and, while their member consents to health data, their
 * Observations) as NDJSON files of at most a thousand lines, and mark the export ready.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BulkExportPages {

    static final int LINES_PER_FILE = 1000;
    /** Files of a page are numbered from page * FILES_PER_PAGE, so that pages never share a number. */
    private static final int FILES_PER_PAGE = 100_000;

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    HospitalConsents consents;

    @Inject
    Consents memberConsents;

    @Inject
    FamilyService family;

    @Inject
    HealthRecordService records;

    @Inject
    AuditTrail audit;

    public void clear(String exportId) {
        em.createQuery("delete from BulkFile f where f.exportId = :export").setParameter("export", exportId).executeUpdate();
    }

    /** Writes the page's people; answers how many there were, or -1 when the export is no longer pending. */
    public int write(String exportId, int page, int size) {
        BulkExport export = em.find(BulkExport.class, exportId, LockModeType.PESSIMISTIC_READ);
        if (export == null || export.status() != BulkExport.Status.pending) {
            return -1;
        }
        List<String> people = consents.persons(export.hospitalId(), new PageRequest(page, size)).items();
        IParser json = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(false);
        Files patients = new Files(exportId, "Patient", page);
        Files observations = new Files(exportId, "Observation", page);
        for (String personId : people) {
            FamilyService.PersonRef person = family.lookup(personId).orElse(null);
            if (person == null) {
                continue;
            }
            if (export.types().contains("Patient")) {
                patients.add(json.encodeResourceToString(FhirMapping.patient(family.get(person.ownerId(), personId))));
            }
            if (export.types().contains("Observation") && memberConsents.allows(person.ownerId(), ConsentKind.health_data)) {
                for (RecordView reading : Page.<RecordView>all(p -> records.ofPerson(personId, Set.of(), Set.of(), null,
                        null, export.since(), false, p))) {
                    observations.add(json.encodeResourceToString(FhirMapping.observation(reading)));
                }
            }
            audit.queue(export.clientId(), HospitalClients.GROUP, personId, "fhir.bulk.export", exportId, AuditTrail.SUCCESS);
        }
        patients.close();
        observations.close();
        return people.size();
    }

    /** Marks the export ready, unless it was cancelled meanwhile. */
    public boolean finish(String exportId) {
        BulkExport export = em.find(BulkExport.class, exportId, LockModeType.PESSIMISTIC_WRITE);
        if (export == null || export.status() != BulkExport.Status.pending) {
            return false;
        }
        export.ready(Instant.now());
        return true;
    }

    /** The files of one type for one page: a new one every thousand lines. */
    private final class Files {

        private final String exportId;
        private final String type;
        private final List<String> lines = new ArrayList<>();
        private int seq;

        Files(String exportId, String type, int page) {
            this.exportId = exportId;
            this.type = type;
            this.seq = page * FILES_PER_PAGE;
        }

        void add(String line) {
            lines.add(line);
            if (lines.size() == LINES_PER_FILE) {
                close();
            }
        }

        void close() {
            if (!lines.isEmpty()) {
                em.persist(new BulkFile(exportId, type, seq++, lines.size(), String.join("\n", lines) + "\n"));
                lines.clear();
            }
        }
    }
}
