package health.leiming.health;

import health.leiming.member.FamilyService;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.Filter;
import health.leiming.platform.Hashing;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lab reports from hospitals: interop imports them for the people whose hospital patient record the
 * member linked (idempotent on the hospital's report id; an amended report replaces its results, a
 * withdrawn one is removed); members read them (owner only, others get 404, every read audited), and the
 * AI interpretation reads their values.
 */
@Stateless
public class LabReports {

    static final int MAX_RESULTS = 200;
    private static final Set<String> FLAGS = Set.of("normal", "high", "low", "critical_high", "critical_low", "abnormal",
            "unknown");

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FamilyService family;

    @Inject
    AuditTrail audit;

    /** What an import did to one report. */
    public enum Outcome { ADDED, UPDATED, REMOVED, UNCHANGED }

    /** Stores (or updates, or removes) a hospital's report for the person; the caller (interop) audits the import. */
    public Outcome importFromHospital(String personId, String hospitalId, String hospitalName, LabReportInput report) {
        FamilyService.PersonRef person = family.lookup(personId).orElseThrow(() -> BusinessException.notFound("就诊人"));
        LabReport existing = find(personId, hospitalId, report.sourceId());
        if (report.withdrawn()) {
            if (existing == null) {
                return Outcome.UNCHANGED;
            }
            deleteResults(List.of(existing.id()));
            em.remove(existing);
            return Outcome.REMOVED;
        }
        LabReportInput clean = clean(report);
        String fingerprint = Hashing.sha256Hex(hospitalName + "|" + clean);
        if (existing != null && existing.fingerprint().equals(fingerprint)) {
            return Outcome.UNCHANGED;
        }
        LabReport stored = existing == null ? new LabReport(person.ownerId(), personId, hospitalId, clean.sourceId()) : existing;
        if (existing != null) {
            deleteResults(List.of(existing.id()));
        }
        List<LabResult> results = new ArrayList<>();
        for (LabReportInput.Result result : clean.results()) {
            results.add(new LabResult(stored.id(), results.size(), result));
        }
        stored.apply(clean, hospitalName, fingerprint, results, Instant.now());
        if (existing == null) {
            em.persist(stored);
        }
        results.forEach(em::persist);
        return existing == null ? Outcome.ADDED : Outcome.UPDATED;
    }

    /** The member's lab reports (of one of their people when personId is given), newest first. */
    public Page<LabReportView.Summary> list(String memberId, String personId, PageRequest page) {
        String person = personId == null || personId.isBlank() ? null : personId;
        return audit.auditedRead(memberId, person, "health.lab-report.list", null, () -> {
            if (person != null) {
                family.owned(memberId, person); // 404 unless the caller's
            }
            Filter filter = new Filter().and("r.ownerId = :owner", "owner", memberId)
                    .andIfGiven("r.personId = :person", "person", person);
            return page.read(em, LabReport.class, "LabReport r", filter, "r.effectiveAt desc, r.importedAt desc, r.id",
                    LabReport::summary);
        });
    }

    /** One report with its results; someone else's is a 404. */
    public LabReportView get(String memberId, String reportId) {
        LabReport report = reportId == null ? null : em.find(LabReport.class, reportId);
        String personId = report == null || !report.ownerId().equals(memberId) ? null : report.personId();
        return audit.auditedRead(memberId, personId, "health.lab-report.read", reportId, () -> {
            if (personId == null) {
                throw BusinessException.notFound("化验报告");
            }
            return report.view(em.createQuery("select r from LabResult r where r.reportId = :report order by r.position",
                    LabResult.class).setParameter("report", report.id()).getResultList());
        });
    }

    /** Removes the lab reports of the people (an erasure); answers how many. */
    public int erase(List<String> personIds) {
        em.createQuery("delete from LabResult e where e.reportId in"
                + " (select r.id from LabReport r where r.personId in :persons)").setParameter("persons", personIds)
                .executeUpdate();
        return em.createQuery("delete from LabReport e where e.personId in :persons").setParameter("persons", personIds)
                .executeUpdate();
    }

    private void deleteResults(List<String> reportIds) {
        em.createQuery("delete from LabResult e where e.reportId in :reports").setParameter("reports", reportIds)
                .executeUpdate();
    }

    private LabReport find(String personId, String hospitalId, String sourceId) {
        return em.createQuery("select r from LabReport r where r.personId = :person and r.hospitalId = :hospital"
                + " and r.sourceId = :source", LabReport.class).setParameter("person", personId)
                .setParameter("hospital", hospitalId).setParameter("source", sourceId).getResultStream().findFirst()
                .orElse(null);
    }

    /** The report cut to what the columns hold: a hospital's long text never fails the import. */
    static LabReportInput clean(LabReportInput report) {
        if (report.sourceId() == null || report.sourceId().isBlank() || report.sourceId().length() > 64) {
            throw new IllegalArgumentException("lab report without a usable id: " + report.sourceId());
        }
        List<LabReportInput.Result> results = report.results().stream().limit(MAX_RESULTS)
                .map(r -> new LabReportInput.Result(cut(r.code(), 64), cut(r.codeSystem(), 255),
                        r.name() == null || r.name().isBlank() ? "未命名项目" : cut(r.name(), 200), r.value(),
                        cut(r.valueText(), 200), cut(r.unit(), 40), cut(r.referenceRange(), 100),
                        FLAGS.contains(r.flag()) ? r.flag() : "unknown"))
                .toList();
        return new LabReportInput(report.sourceId(), report.name() == null || report.name().isBlank() ? "化验报告"
                : cut(report.name(), 200), cut(report.category(), 100), report.status(), report.effectiveAt(),
                report.issuedAt(), cut(report.conclusion(), 1000), results);
    }

    private static String cut(String value, int max) {
        return value == null || value.isBlank() ? null : value.length() > max ? value.substring(0, max) : value.strip();
    }
}
