package health.leiming.health;

import health.leiming.member.FamilyService;
import health.leiming.member.Person;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Health plans (计划管理): create, pause, resume, end; adherence computed from the records. */
@Stateless
public class HealthPlanService {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FamilyService family;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    public PlanView create(String memberId, String personId, String title, PlanGoal goal, LocalDate startDate) {
        return audit.audited(memberId, FamilyService.personOrSelf(memberId, personId), "health.plan.create", null, () -> {
            Person person = family.owned(memberId, personId);
            LocalDate today = LocalDate.now(zone);
            LocalDate start = startDate == null ? today : startDate;
            if (start.isAfter(today.plusDays(365)) || start.isBefore(today.minusDays(365))) {
                throw new BusinessException(ErrorKind.BAD_REQUEST, "PLAN_INVALID", "开始日期应在一年以内");
            }
            HealthPlan plan = new HealthPlan(person.id(), title.strip(), goal, start, Instant.now());
            em.persist(plan);
            return plan.view(adherence(plan));
        });
    }

    public List<PlanView> list(String memberId, String personId) {
        return audit.auditedRead(memberId, FamilyService.personOrSelf(memberId, personId), "health.plan.list", null, () -> {
            Person person = family.owned(memberId, personId);
            List<PlanView> views = new ArrayList<>();
            for (HealthPlan plan : em.createQuery("select p from HealthPlan p where p.personId = :person"
                    + " order by p.createdAt desc, p.id", HealthPlan.class).setParameter("person", person.id())
                    .getResultList()) {
                views.add(plan.view(adherence(plan)));
            }
            return views;
        });
    }

    public PlanView get(String memberId, String planId) {
        return audit.auditedRead(memberId, personOf(planId), "health.plan.read", planId, () -> {
            HealthPlan plan = owned(memberId, planId);
            return plan.view(adherence(plan));
        });
    }

    public PlanView change(String memberId, String planId, String action) {
        return audit.audited(memberId, personOf(planId), "health.plan." + action, planId, () -> {
            HealthPlan plan = owned(memberId, planId);
            Instant now = Instant.now();
            switch (action) {
                case "pause" -> plan.pause(now);
                case "resume" -> plan.resume(now);
                case "end" -> plan.end(LocalDate.now(zone), now);
                default -> throw new BusinessException(ErrorKind.BAD_REQUEST, "PLAN_ACTION", "不支持的操作");
            }
            return plan.view(adherence(plan));
        });
    }

    /** Whose plan this is, for the audit log (also for refused attempts); null if there is none. */
    private String personOf(String planId) {
        HealthPlan plan = planId == null ? null : em.find(HealthPlan.class, planId);
        return plan == null ? null : plan.personId();
    }

    private HealthPlan owned(String memberId, String planId) {
        HealthPlan plan = planId == null ? null : em.find(HealthPlan.class, planId);
        if (plan == null) {
            throw BusinessException.notFound("健康计划");
        }
        family.owned(memberId, plan.personId());
        return plan;
    }

    /** Days from the start to the end (or today) on which the day's readings met the goal. */
    PlanView.Adherence adherence(HealthPlan plan) {
        LocalDate today = LocalDate.now(zone);
        LocalDate last = plan.lastDay(today);
        if (plan.startDate().isAfter(last)) {
            return new PlanView.Adherence(0, 0, BigDecimal.ZERO);
        }
        Map<LocalDate, List<Measurement>> byDay = new HashMap<>();
        em.createQuery("select r from HealthRecord r where r.personId = :person and r.type = :type"
                + " and r.recordedAt >= :from and r.recordedAt < :to", HealthRecord.class)
                .setParameter("person", plan.personId()).setParameter("type", plan.type())
                .setParameter("from", plan.startDate().atStartOfDay(zone).toInstant())
                .setParameter("to", last.plusDays(1).atStartOfDay(zone).toInstant())
                .getResultStream()
                .forEach(r -> byDay.computeIfAbsent(LocalDate.ofInstant(r.recordedAt(), zone), d -> new ArrayList<>())
                        .add(r.measurement()));
        PlanGoal goal = plan.goal();
        long days = last.toEpochDay() - plan.startDate().toEpochDay() + 1;
        long met = byDay.values().stream().filter(goal::metBy).count();
        return new PlanView.Adherence(met, days, BigDecimal.valueOf(met).divide(BigDecimal.valueOf(days), 2,
                RoundingMode.HALF_UP));
    }

}
