package health.leiming.health;

import health.leiming.member.FamilyService;
import health.leiming.member.Person;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Trends over a period and the dashboard of a person; days are cut in the business time zone. Both are
 * reads and run without a transaction (SUPPORTS, as do the ownership check and the height they use):
 * on MariaDB and PostgreSQL a transaction adds "autocommit off" and "COMMIT" round trips to every read.
 */
@Stateless
public class TrendService {

    static final int DASHBOARD_DAYS = 7;

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FamilyService family;

    @Inject
    AuditTrail audit;

    @Inject
    HealthProfileService profiles;

    @Inject
    DailyRollup rollup;

    @Inject
    TrendCache cache;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TrendView trend(String memberId, String personId, String type, String period, LocalDate start,
            LocalDate end) {
        return audit.auditedRead(memberId, FamilyService.personOrSelf(memberId, personId), "health.trend.read", null, () -> {
            Person person = family.owned(memberId, personId);
            if (type == null || type.isBlank()) {
                throw new BusinessException(ErrorKind.BAD_REQUEST, "TYPE_REQUIRED", "请选择健康数据类型");
            }
            MeasurementType measured = MeasurementType.parse(type);
            int days = periodDays(period);
            LocalDate today = LocalDate.now(zone);
            LocalDate last = end != null ? end : start != null ? start.plusDays(days - 1L) : today;
            LocalDate first = start != null ? start : last.minusDays(days - 1L);
            if (first.isAfter(last) || last.toEpochDay() - first.toEpochDay() > 366) {
                throw new BusinessException(ErrorKind.BAD_REQUEST, "PERIOD_INVALID", "开始日期须早于结束日期，且跨度不超过一年");
            }
            return cache.get(new TrendCache.Key(person.id(), person.version(), measured, first, last), () -> {
                if (last.toEpochDay() - first.toEpochDay() + 1 > TrendAnalysis.RAW_POINTS_UP_TO_DAYS) {
                    return TrendAnalysis.fromDays(measured, rollup.days(person.id(), measured, first, last), first,
                            last, zone);
                }
                return TrendAnalysis.analyse(measured, readings(person.id(), measured, first, last), first, last, zone);
            });
        });
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public DashboardView dashboard(String memberId, String personId) {
        return audit.auditedRead(memberId, FamilyService.personOrSelf(memberId, personId), "health.dashboard.read", null, () -> {
            Person person = family.owned(memberId, personId);
            List<MeasurementType> types = em.createQuery(
                    "select distinct r.type from HealthRecord r where r.personId = :person", MeasurementType.class)
                    .setParameter("person", person.id()).getResultList();
            LocalDate today = LocalDate.now(zone);
            LocalDate weekStart = today.minusDays(DASHBOARD_DAYS - 1L);
            List<DashboardView.Card> cards = new ArrayList<>();
            for (MeasurementType type : types.stream().sorted().toList()) {
                List<HealthRecord> latest = em.createQuery("select r from HealthRecord r where r.personId = :person"
                        + " and r.type = :type order by r.recordedAt desc, r.id", HealthRecord.class)
                        .setParameter("person", person.id()).setParameter("type", type).setMaxResults(2).getResultList();
                HealthRecord newest = latest.get(0);
                BigDecimal change = latest.size() < 2 ? null : newest.reading().subtract(latest.get(1).reading());
                List<TrendAnalysis.Reading> week = readings(person.id(), type, weekStart, today);
                cards.add(new DashboardView.Card(type.name(), type.canonicalUnit(), newest.reading(),
                        newest.diastolic(), newest.recordedAt(), newest.measurement().indicator(profiles.heightOf(
                                person.id())), change, TrendAnalysis.direction(type, week, DASHBOARD_DAYS),
                        TrendAnalysis.daily(week, zone)));
            }
            return new DashboardView(person.id(), cards);
        });
    }

    private List<TrendAnalysis.Reading> readings(String personId, MeasurementType type, LocalDate first,
            LocalDate last) {
        BigDecimal height = profiles.heightOf(personId);
        return em.createQuery("select r from HealthRecord r where r.personId = :person and r.type = :type"
                + " and r.recordedAt >= :from and r.recordedAt < :to order by r.recordedAt, r.id", HealthRecord.class)
                .setParameter("person", personId).setParameter("type", type)
                .setParameter("from", first.atStartOfDay(zone).toInstant())
                .setParameter("to", last.plusDays(1).atStartOfDay(zone).toInstant())
                .getResultStream()
                .map(r -> new TrendAnalysis.Reading(r.recordedAt(), r.reading(), r.diastolic(),
                        r.measurement().indicator(height)))
                .toList();
    }

    static int periodDays(String period) {
        if (period == null || period.isBlank()) {
            return 7;
        }
        return switch (period.trim()) {
            case "7d" -> 7;
            case "30d" -> 30;
            case "90d" -> 90;
            case "1y" -> 365;
            default -> throw new BusinessException(ErrorKind.BAD_REQUEST, "PERIOD_INVALID", "周期只能是 7d、30d、90d 或 1y");
        };
    }
}
