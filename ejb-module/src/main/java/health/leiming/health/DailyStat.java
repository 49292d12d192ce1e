package health.leiming.health;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** One person's readings of one type on one business day, summed up: what long trends read. */
@Entity
@Table(name = "health_daily_stats")
@IdClass(DailyStat.Key.class)
public class DailyStat {

    @Id
    @Column(name = "person_id")
    private String personId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "data_type")
    private MeasurementType type;

    @Id
    @Column(name = "stat_day")
    private LocalDate day;

    @Column(name = "reading_count", nullable = false)
    private int count;

    @Column(name = "reading_sum", nullable = false, precision = 16, scale = 2)
    private BigDecimal sum;

    @Column(name = "reading_min", nullable = false, precision = 10, scale = 2)
    private BigDecimal min;

    @Column(name = "reading_max", nullable = false, precision = 10, scale = 2)
    private BigDecimal max;

    @Column(name = "diastolic_sum", precision = 16, scale = 2)
    private BigDecimal diastolicSum;

    @Column(name = "diastolic_min", precision = 10, scale = 2)
    private BigDecimal diastolicMin;

    @Column(name = "diastolic_max", precision = 10, scale = 2)
    private BigDecimal diastolicMax;

    @Column(name = "abnormal_count", nullable = false)
    private int abnormal;

    @Column(name = "alert_count", nullable = false)
    private int alerts;

    protected DailyStat() {
    }

    DailyStat(String personId, MeasurementType type, LocalDate day) {
        this.personId = personId;
        this.type = type;
        this.day = day;
    }

    /** Recomputes the day from all of its readings (a handful), so that corrections and deletions are exact. */
    void summarise(List<TrendAnalysis.Reading> readings) {
        count = 0;
        readings.forEach(this::add);
    }

    /**
     * Adds one reading to the day: exact for a new reading, because the caller holds the person's row
     * lock. A device that sends a reading a minute would otherwise make every write re-read its whole
     * day. The day's first reading sets its shape (with or without a diastolic; see {@link #accepts}).
     */
    void add(TrendAnalysis.Reading r) {
        if (count == 0) {
            sum = BigDecimal.ZERO;
            min = r.value();
            max = min;
            boolean bp = r.diastolic() != null;
            diastolicSum = bp ? BigDecimal.ZERO : null;
            diastolicMin = bp ? r.diastolic() : null;
            diastolicMax = diastolicMin;
            abnormal = 0;
            alerts = 0;
        }
        count++;
        sum = sum.add(r.value());
        min = min.min(r.value());
        max = max.max(r.value());
        if (diastolicSum != null) {
            diastolicSum = diastolicSum.add(r.diastolic());
            diastolicMin = diastolicMin.min(r.diastolic());
            diastolicMax = diastolicMax.max(r.diastolic());
        }
        if (!TrendAnalysis.isFine(r.indicator().level())) {
            abnormal++;
        }
        if (r.indicator().alert()) {
            alerts++;
        }
    }

    /** Whether a reading can be added to this day as it is (both or neither carry a diastolic). */
    boolean accepts(TrendAnalysis.Reading r) {
        return count == 0 || (diastolicSum != null) == (r.diastolic() != null);
    }

    LocalDate day() {
        return day;
    }

    int count() {
        return count;
    }

    BigDecimal sum() {
        return sum;
    }

    BigDecimal min() {
        return min;
    }

    BigDecimal max() {
        return max;
    }

    BigDecimal diastolicSum() {
        return diastolicSum;
    }

    BigDecimal diastolicMin() {
        return diastolicMin;
    }

    BigDecimal diastolicMax() {
        return diastolicMax;
    }

    int abnormal() {
        return abnormal;
    }

    int alerts() {
        return alerts;
    }

    BigDecimal average() {
        return sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    BigDecimal diastolicAverage() {
        return diastolicSum == null ? null : diastolicSum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    public record Key(String personId, MeasurementType type, LocalDate day) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }
}
