package health.leiming.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the daily roll-ups of a person's readings up to date, in the transaction of the write that
 * changed them. Callers hold the person's row lock, so two writes for the same person cannot
 * interleave and lose a reading.
 */
@ApplicationScoped
public class DailyRollup {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    HealthProfileService profiles;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    /**
     * The risk alerts raised by readings of a day (each reading at the guidelines' alert level), and how
     * many people they concern: figures only, for the operators' overview.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Alerts alertsOn(LocalDate day) {
        Object[] row = em.createQuery("select coalesce(sum(s.alerts), 0), count(distinct s.personId) from DailyStat s"
                + " where s.day = :day and s.alerts > 0", Object[].class).setParameter("day", day).getSingleResult();
        return new Alerts(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    public record Alerts(long readings, long persons) {
    }

    LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /**
     * A new reading: added to its day's roll-up without reading the day again. Corrections and
     * deletions use {@link #refresh}, which recomputes the day.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String personId, MeasurementType type, TrendAnalysis.Reading reading) {
        LocalDate day = dayOf(reading.at());
        DailyStat stat = em.find(DailyStat.class, new DailyStat.Key(personId, type, day));
        if (stat == null) {
            stat = new DailyStat(personId, type, day);
            stat.add(reading);
            em.persist(stat);
        } else if (stat.accepts(reading)) {
            stat.add(reading);
        } else {
            refresh(personId, type, day);
        }
    }

    /** Recomputes one day from its readings; removes the day when none are left. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(String personId, MeasurementType type, LocalDate day) {
        em.flush();
        BigDecimal height = profiles.heightOf(personId);
        List<TrendAnalysis.Reading> readings = em.createQuery("select r from HealthRecord r where r.personId = :person"
                + " and r.type = :type and r.recordedAt >= :from and r.recordedAt < :to", HealthRecord.class)
                .setParameter("person", personId).setParameter("type", type)
                .setParameter("from", day.atStartOfDay(zone).toInstant())
                .setParameter("to", day.plusDays(1).atStartOfDay(zone).toInstant())
                .getResultStream()
                .map(r -> new TrendAnalysis.Reading(r.recordedAt(), r.reading(), r.diastolic(),
                        r.measurement().indicator(height)))
                .toList();
        DailyStat stat = em.find(DailyStat.class, new DailyStat.Key(personId, type, day));
        if (readings.isEmpty()) {
            if (stat != null) {
                em.remove(stat);
            }
            return;
        }
        if (stat == null) {
            stat = new DailyStat(personId, type, day);
            em.persist(stat);
        }
        stat.summarise(readings);
    }

    /** The roll-ups of a period, oldest first. */
    List<DailyStat> days(String personId, MeasurementType type, LocalDate first, LocalDate last) {
        return em.createQuery("select d from DailyStat d where d.personId = :person and d.type = :type"
                + " and d.day >= :first and d.day <= :last order by d.day", DailyStat.class)
                .setParameter("person", personId).setParameter("type", type).setParameter("first", first)
                .setParameter("last", last).getResultList();
    }
}
