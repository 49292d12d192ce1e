package health.leiming.health;

import health.leiming.member.FamilyService;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ConsentKind;
import health.leiming.platform.Consents;
import health.leiming.platform.Filter;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import health.leiming.platform.events.Outbox;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Health reports: the report job's pages of people with their readings folded into tallies (see
 * {@link ReportTally}, which makes each report), storing a report once per person and period, and reading them (owner only; others get 404, and every read is audited).
 */
@Stateless
public class HealthReports {

    /** Created on first use (the computation above does not need it). */
    private static final class Content {
        static final Jsonb JSON = JsonbBuilder.create();
    }

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FamilyService family;

    @Inject
    HealthProfileService profiles;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Consents consents;

    /** A computed report waiting to be stored. */
    public record Draft(String personId, String ownerId, ReportPeriod period, ReportView view) {
    }

    /**
     * The people with readings in the period whose id lies in [lo, hi), after {@code afterId}, in id
     * order (the report job's partitions and checkpoints). From the daily roll-ups, which are small.
     */
    public List<String> personsWithReadings(ReportPeriod period, String lo, String hi, String afterId, boolean withoutReport,
            int max) {
        String notDone = withoutReport ? " and not exists (select r.id from HealthReport r where r.personId = d.personId"
                + " and r.periodType = :type and r.periodStart = :start)" : "";
        var query = em.createQuery("select distinct d.personId from DailyStat d where d.day >= :start and d.day <= :end"
                + " and d.personId >= :lo and d.personId < :hi and d.personId > :after" + notDone + " order by d.personId",
                String.class)
                .setParameter("start", period.start()).setParameter("end", period.end()).setParameter("lo", lo)
                .setParameter("hi", hi).setParameter("after", afterId).setMaxResults(max);
        if (withoutReport) {
            query.setParameter("type", period.type());
        }
        return query.getResultList();
    }

    /** A page of the report job: the people's tallies and the last person id the page covered. */
    public record TallyPage(List<ReportTally> tallies, String lastId, boolean exhausted) {
    }

    /**
     * The next page of the report job: up to {@code max} people with readings in the period whose id
     * lies in [lo, hi), after {@code afterId} (see {@link #personsWithReadings}), each with their
     * readings folded into a tally. The readings of the whole page come in one query over the page's
     * id range, in the order of the (person, type, time) index: a tally needs each type's readings in
     * time order, not the types in any order. People whose member has not consented
     * to the processing of health data (or withdrew), and people deleted meanwhile, get no tally.
     */
    public TallyPage tallies(ReportPeriod period, String lo, String hi, String afterId, boolean withoutReport, int max) {
        List<String> ids = personsWithReadings(period, lo, hi, afterId, withoutReport, max);
        if (ids.isEmpty()) {
            return new TallyPage(List.of(), afterId, true);
        }
        String last = ids.get(ids.size() - 1);
        Map<String, FamilyService.PersonRef> persons = family.lookup(ids);
        Set<String> consenting = consents.allowing(persons.values().stream().map(FamilyService.PersonRef::ownerId)
                .collect(Collectors.toSet()), ConsentKind.health_data);
        Map<String, BigDecimal> heights = profiles.heightsOf(ids);
        Map<String, ReportTally> tallies = new LinkedHashMap<>();
        for (String id : ids) {
            FamilyService.PersonRef person = persons.get(id);
            if (person != null && consenting.contains(person.ownerId())) {
                tallies.put(id, new ReportTally(person, heights.get(id), period));
            }
        }
        if (!tallies.isEmpty()) {
            em.createQuery("select new health.leiming.health.StoredReading(r.personId, r.id, r.type, r.reading,"
                    + " r.diastolic, r.pulse, r.context, r.recordedAt) from HealthRecord r where r.personId >= :lo"
                    + " and r.personId > :after and r.personId <= :last and r.recordedAt >= :since"
                    + " and r.recordedAt < :until order by r.personId, r.type, r.recordedAt, r.id", StoredReading.class)
                    .setParameter("lo", lo).setParameter("after", afterId).setParameter("last", last)
                    .setParameter("since", period.from()).setParameter("until", period.until()).getResultList()
                    .forEach(reading -> {
                        ReportTally tally = tallies.get(reading.personId());
                        if (tally != null) {
                            tally.add(reading);
                        }
                    });
        }
        return new TallyPage(List.copyOf(tallies.values()), last, ids.size() < max);
    }

    /**
     * Stores drafts: a new report per person and period; an existing one is replaced only when asked
     * to regenerate. Each new or replaced report tells its member (health.report-ready), in the same
     * transaction. Returns how many were stored.
     */
    public int store(List<Draft> drafts, boolean regenerate, Long jobExecutionId) {
        if (drafts.isEmpty()) {
            return 0;
        }
        int stored = 0;
        Instant now = Instant.now();
        ReportPeriod period = drafts.get(0).period();
        Map<String, HealthReport> existingByPerson = new java.util.HashMap<>();
        em.createQuery("select r from HealthReport r where r.personId in :persons and r.periodType = :type"
                + " and r.periodStart = :start", HealthReport.class)
                .setParameter("persons", drafts.stream().map(Draft::personId).toList()).setParameter("type", period.type())
                .setParameter("start", period.start()).getResultStream()
                .forEach(r -> existingByPerson.put(r.personId(), r));
        for (Draft draft : drafts) {
            String content = Content.JSON.toJson(draft.view());
            HealthReport existing = existingByPerson.get(draft.personId());
            HealthReport report;
            if (existing == null) {
                report = new HealthReport(draft.personId(), draft.ownerId(), draft.period(), draft.view().readings(),
                        draft.view().risks().size(), content, jobExecutionId, now);
                em.persist(report);
            } else if (regenerate) {
                existing.replace(draft.view().readings(), draft.view().risks().size(), content, jobExecutionId, now);
                report = existing;
            } else {
                continue;
            }
            outbox.publish(new HealthEvents.ReportReady(report.id(), draft.ownerId(), draft.personId(),
                    draft.period().type(), draft.period().label(), draft.view().risks().size()));
            stored++;
        }
        em.flush(); // a concurrent run's duplicate fails here, on the (person, period) key, and rolls this chunk back
        return stored;
    }

    public Page<ReportView.Summary> list(String memberId, String personId, PageRequest page) {
        String person = personId == null || personId.isBlank() ? null : personId;
        return audit.auditedRead(memberId, person, "health.report.list", null, () -> {
            if (person != null) {
                family.owned(memberId, person); // 404 unless the caller's
            }
            Filter filter = new Filter().and("r.ownerId = :owner", "owner", memberId)
                    .andIfGiven("r.personId = :person", "person", person);
            return page.read(em, HealthReport.class, "HealthReport r", filter, "r.periodStart desc, r.generatedAt desc, r.id",
                    r -> r.summary(Content.JSON.fromJson(r.content(), ReportView.class).title()));
        });
    }

    /** One report, marked read; someone else's is a 404. */
    public ReportView get(String memberId, String reportId) {
        HealthReport report = reportId == null ? null : em.find(HealthReport.class, reportId);
        String personId = report == null || !report.ownerId().equals(memberId) ? null : report.personId();
        return audit.auditedRead(memberId, personId, "health.report.read", reportId, () -> {
            if (personId == null) {
                throw BusinessException.notFound("健康报告");
            }
            report.markRead(Instant.now());
            ReportView v = Content.JSON.fromJson(report.content(), ReportView.class);
            return new ReportView(report.id(), v.personId(), v.personName(), v.periodType(), v.start(), v.end(), v.title(),
                    v.readings(), v.metrics(), v.risks(), v.recommendations(), report.generatedAt(), report.isRead());
        });
    }

    /** Reports stored by one job execution (for the job's summary). */
    public long countOfExecution(long executionId) {
        return em.createQuery("select count(r) from HealthReport r where r.jobExecutionId = :execution", Long.class)
                .setParameter("execution", executionId).getSingleResult();
    }
}
