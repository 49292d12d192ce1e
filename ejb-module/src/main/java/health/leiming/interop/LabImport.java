package health.leiming.interop;

import health.leiming.care.Catalog;
import health.leiming.health.LabReportInput;
import health.leiming.health.LabReports;
import health.leiming.integration.HospitalFhirServer;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.ConsentKind;
import health.leiming.platform.Consents;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;

/**
 * One linked patient's lab results, in a transaction of their own: the hospital's DiagnosticReports for the
 * patient (changed since the last import that worked, with a day's overlap for clocks that disagree) with
 * their result Observations, stored as the person's lab reports. Nothing is asked of the hospital while the
 * member does not consent to the processing of health data.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LabImport {

    static final String ROLE = "hospital-import";
    private static final Duration OVERLAP = Duration.ofDays(1);

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    HospitalFhirServer server;

    @Inject
    LabReports labReports;

    @Inject
    Catalog catalog;

    @Inject
    Consents memberConsents;

    @Inject
    AuditTrail audit;

    /** Imports the link's lab results; answers what changed, or why the hospital's server failed (ASCII). */
    public String run(String linkId, Instant now) {
        HospitalPatientLink link = em.find(HospitalPatientLink.class, linkId);
        if (link == null) {
            return "skipped: unlinked";
        }
        if (!memberConsents.allows(link.memberId(), ConsentKind.health_data)) {
            return "skipped: no consent to health data";
        }
        HospitalConnection connection = HospitalPatientLinks.connectionOf(em, link.hospitalId());
        if (connection == null) {
            throw new IllegalStateException("the hospital's connection is inactive");
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("patient", link.patientId());
        query.put("_include", "DiagnosticReport:result");
        query.put("_count", "50");
        if (link.importedUntil() != null) {
            query.put("_lastUpdated", "ge" + link.importedUntil().minus(OVERLAP));
        }
        List<Resource> found;
        try {
            found = server.search(connection.baseUrl(), connection.bearerToken(), "DiagnosticReport", query);
        } catch (IllegalStateException e) { // unreachable, refused, not FHIR: kept on the link, tried again next run
            String result = "failed: " + e.getMessage();
            link.imported(now, result, false);
            return result;
        }
        Map<String, Observation> observations = new HashMap<>();
        Map<String, DiagnosticReport> reports = new LinkedHashMap<>();
        for (Resource resource : found) {
            if (resource instanceof Observation o) {
                observations.put(o.getIdElement().getIdPart(), o);
            } else if (resource instanceof DiagnosticReport r && isOf(r, link.patientId())) {
                reports.put(r.getIdElement().getIdPart(), r);
            }
        }
        String hospitalName = catalog.hospitalName(link.hospitalId());
        Map<LabReports.Outcome, Integer> outcomes = new EnumMap<>(LabReports.Outcome.class);
        for (DiagnosticReport report : reports.values()) {
            LabReportInput input = LabMapping.report(report, observations);
            if (input != null) {
                outcomes.merge(labReports.importFromHospital(link.personId(), link.hospitalId(), hospitalName, input), 1,
                        Integer::sum);
            }
        }
        int changed = outcomes.getOrDefault(LabReports.Outcome.ADDED, 0) + outcomes.getOrDefault(LabReports.Outcome.UPDATED, 0)
                + outcomes.getOrDefault(LabReports.Outcome.REMOVED, 0);
        if (changed > 0) {
            audit.record(connection.id(), ROLE, link.personId(), "health.lab-report.import", link.hospitalId(),
                    AuditTrail.SUCCESS);
        }
        String result = "ok: lab reports added " + outcomes.getOrDefault(LabReports.Outcome.ADDED, 0) + ", updated "
                + outcomes.getOrDefault(LabReports.Outcome.UPDATED, 0) + ", removed "
                + outcomes.getOrDefault(LabReports.Outcome.REMOVED, 0);
        link.imported(now, result, true);
        return result;
    }

    /** Keeps why an import failed on the link (the lab reports stay as they were). */
    public void failed(String linkId, Instant at, String why) {
        HospitalPatientLink link = em.find(HospitalPatientLink.class, linkId);
        if (link != null) {
            link.imported(at, "failed: " + why, false);
        }
    }

    /** The link as it is now (after an import in a transaction of its own), as the member sees it. */
    public HospitalPatientLink.LinkView view(String linkId) {
        HospitalPatientLink link = em.find(HospitalPatientLink.class, linkId);
        return link.view(catalog.hospitalName(link.hospitalId()));
    }

    /** A hospital server that ignores the patient parameter must not hand one patient's results to another. */
    private static boolean isOf(DiagnosticReport report, String patientId) {
        String subject = report.getSubject().getReference();
        return subject != null && subject.contains("Patient/") && LabMapping.idPart(subject).equals(patientId);
    }
}
