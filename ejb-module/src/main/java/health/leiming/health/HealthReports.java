package health.leiming.health;

import health.leiming.member.FamilyService;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
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
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Health reports: computing one person's report for a period (for the report job), storing it once
 * per person and period, and reading them (owner only; others get 404, and every read is audited).
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

    /** Computes the person's report for the period from their readings. */
    public Draft compute(String personId, ReportPeriod period) {
        FamilyService.PersonRef person = family.lookup(personId).orElse(null);
        if (person == null) {
            return null;
        }
        List<StoredReading> records = em.createQuery("select new health.leiming.health.StoredReading(r.id, r.type,"
                + " r.reading, r.diastolic, r.pulse, r.context, r.recordedAt) from HealthRecord r where r.personId = :person"
                + " and r.recordedAt >= :from and r.recordedAt < :until order by r.recordedAt, r.id", StoredReading.class)
                .setParameter("person", personId).setParameter("from", period.from())
                .setParameter("until", period.until()).getResultList();
        BigDecimal height = profiles.heightOf(personId);
        Map<MeasurementType, List<TrendAnalysis.Reading>> byType = new EnumMap<>(MeasurementType.class);
        for (StoredReading record : records) {
            Measurement m;
            try {
                m = record.measurement();
            } catch (RuntimeException e) {
                throw new UnreadableHealthData("Record " + record.id() + " of person " + personId + " is unreadable: "
                        + e.getMessage(), e);
            }
            byType.computeIfAbsent(m.type(), t -> new ArrayList<>())
                    .add(new TrendAnalysis.Reading(record.recordedAt(), m.value(), m.diastolic(), m.indicator(height)));
        }
        List<ReportView.Metric> metrics = new ArrayList<>();
        List<ReportView.Risk> risks = new ArrayList<>();
        Set<String> recommendations = new LinkedHashSet<>();
        byType.forEach((type, readings) -> {
            TrendView trend = TrendAnalysis.analyse(type, readings, period.start(), period.end(), period.zone());
            metrics.add(new ReportView.Metric(type.name(), type.label(), type.canonicalUnit(), trend.statistics(),
                    trend.diastolic(), levels(readings), trend.trend(), TrendAnalysis.daily(readings, period.zone())));
            risks.addAll(risks(type, readings));
            trend.advice().forEach(a -> recommendations.add(a.content()));
        });
        if (records.size() < period.days()) {
            recommendations.add("本期共记录" + records.size() + "次，建议每天至少测量一次，让趋势判断更准确");
        }
        ReportView view = new ReportView(null, personId, person.name(), period.type().name(), period.start(), period.end(),
                person.name() + "的" + period.label(), records.size(), metrics, risks, List.copyOf(recommendations), null, false);
        return new Draft(personId, person.ownerId(), period, view);
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

    /** Readings per guideline level, most frequent first, with their share of the type's readings. */
    static List<ReportView.LevelShare> levels(List<TrendAnalysis.Reading> readings) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (TrendAnalysis.Reading r : readings) {
            counts.computeIfAbsent(r.indicator().level(), l -> new long[1])[0]++;
            descriptions.putIfAbsent(r.indicator().level(), r.indicator().description());
        }
        BigDecimal total = BigDecimal.valueOf(readings.size());
        return counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .map(e -> new ReportView.LevelShare(e.getKey(), descriptions.get(e.getKey()), e.getValue()[0],
                        BigDecimal.valueOf(e.getValue()[0]).divide(total, 4, RoundingMode.HALF_UP)))
                .toList();
    }

    /** What the classification says about the period: readings out of range, and dangerous ones. */
    static List<ReportView.Risk> risks(MeasurementType type, List<TrendAnalysis.Reading> readings) {
        List<ReportView.Risk> risks = new ArrayList<>();
        long abnormal = readings.stream().filter(r -> !TrendAnalysis.isFine(r.indicator().level())).count();
        long alerts = readings.stream().filter(r -> r.indicator().alert()).count();
        if (abnormal > 0) {
            if (type == MeasurementType.blood_pressure) {
                long grade1 = readings.stream().filter(r -> r.indicator().level().startsWith("grade_")
                        || r.indicator().level().equals("isolated_systolic_hypertension")).count();
                if (grade1 > 0) {
                    risks.add(new ReportView.Risk(type.name(), "warning", readings.size() + "次" + type.label() + "记录中有"
                            + grade1 + "次达到1级高血压或以上"));
                }
                long highNormal = abnormal - grade1;
                if (highNormal > 0) {
                    risks.add(new ReportView.Risk(type.name(), "info", readings.size() + "次" + type.label() + "记录中有"
                            + highNormal + "次为正常高值"));
                }
            } else {
                risks.add(new ReportView.Risk(type.name(), "warning", readings.size() + "次" + type.label() + "记录中有"
                        + abnormal + "次不在正常范围"));
            }
        }
        if (alerts > 0) {
            risks.add(new ReportView.Risk(type.name(), "danger", readings.size() + "次" + type.label() + "记录中有" + alerts
                    + "次达到危险水平，请尽快就医"));
        }
        return risks;
    }

}
