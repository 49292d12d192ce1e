package health.leiming.health;

import health.leiming.member.FamilyService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One person's readings in a report period, folded as they stream past in time order (the report
 * job reads a page of people's readings in one query): per type the statistics, the readings per
 * guideline level, the sums of the trend's slope and one tally per day. It keeps no reading, so
 * a report costs the same memory however many readings it covers. A reading that cannot be read
 * stops the fold; the person is then skipped with that reason.
 */
public final class ReportTally {

    private final FamilyService.PersonRef person;
    private final BigDecimal height;
    private final ReportPeriod period;
    private final Map<MeasurementType, TypeTally> types = new EnumMap<>(MeasurementType.class);
    private int readings;
    private String unreadable;

    /** @param height the person's height in cm, for the BMI of weight readings (null: unclassified) */
    public ReportTally(FamilyService.PersonRef person, BigDecimal height, ReportPeriod period) {
        this.person = person;
        this.height = height;
        this.period = period;
    }

    public String personId() {
        return person.id();
    }

    /** Adds the next reading (each type's readings come in time order, ties by id; types in any order). */
    void add(StoredReading record) {
        if (unreadable != null) {
            return;
        }
        Measurement m;
        try {
            m = record.measurement();
        } catch (RuntimeException e) {
            unreadable = "Record " + record.id() + " of person " + person.id() + " is unreadable: " + e.getMessage();
            return;
        }
        readings++;
        types.computeIfAbsent(m.type(), TypeTally::new).add(record, m, m.indicator(height), period);
    }

    /** The report; throws {@link UnreadableHealthData} when one of the readings could not be read. */
    public HealthReports.Draft draft() {
        if (unreadable != null) {
            throw new UnreadableHealthData(unreadable, null);
        }
        List<ReportView.Metric> metrics = new ArrayList<>();
        List<ReportView.Risk> risks = new ArrayList<>();
        Set<String> recommendations = new LinkedHashSet<>();
        int days = period.days();
        types.values().forEach(tally -> {
            String direction = tally.slope.direction(tally.type, days);
            metrics.add(tally.metric(direction));
            risks.addAll(tally.risks());
            TrendAnalysis.advice(tally.type, tally.values.count(), tally.abnormal, tally.alerts, direction)
                    .forEach(a -> recommendations.add(a.content()));
        });
        if (readings < days) {
            recommendations.add("本期共记录" + readings + "次，建议每天至少测量一次，让趋势判断更准确");
        }
        ReportView view = new ReportView(null, person.id(), person.name(), period.type().name(), period.start(),
                period.end(), person.name() + "的" + period.label(), readings, metrics, risks, List.copyOf(recommendations),
                null, false);
        return new HealthReports.Draft(person.id(), person.ownerId(), period, view);
    }

    @Override
    public String toString() {
        return person.id();
    }

    /** One type's readings. */
    private static final class TypeTally {
        private final MeasurementType type;
        private final TrendAnalysis.Stats values = new TrendAnalysis.Stats();
        private final TrendAnalysis.Stats diastolic = new TrendAnalysis.Stats();
        private final TrendAnalysis.Slope slope = new TrendAnalysis.Slope();
        private final Map<String, long[]> levels = new LinkedHashMap<>();
        private final Map<String, String> descriptions = new LinkedHashMap<>();
        private final Map<LocalDate, TrendAnalysis.Day> days = new TreeMap<>();
        private long abnormal;
        private long alerts;
        private long hypertensive;

        TypeTally(MeasurementType type) {
            this.type = type;
        }

        void add(StoredReading record, Measurement m, Indicator indicator, ReportPeriod period) {
            values.add(m.value());
            if (type == MeasurementType.blood_pressure) {
                diastolic.add(m.diastolic());
            }
            slope.add(record.recordedAt(), m.value());
            levels.computeIfAbsent(indicator.level(), l -> new long[1])[0]++;
            descriptions.putIfAbsent(indicator.level(), indicator.description());
            days.computeIfAbsent(LocalDate.ofInstant(record.recordedAt(), period.zone()), TrendAnalysis.Day::new)
                    .add(m.value(), m.diastolic());
            if (!TrendAnalysis.isFine(indicator.level())) {
                abnormal++;
            }
            if (indicator.alert()) {
                alerts++;
            }
            if (indicator.level().startsWith("grade_") || indicator.level().equals("isolated_systolic_hypertension")) {
                hypertensive++;
            }
        }

        ReportView.Metric metric(String direction) {
            return new ReportView.Metric(type.name(), type.label(), type.canonicalUnit(), values.statistics(),
                    type == MeasurementType.blood_pressure ? diastolic.statistics() : null, levels(), direction,
                    days.values().stream().map(TrendAnalysis.Day::point).toList());
        }

        /** Readings per guideline level, most frequent first, with their share of the type's readings. */
        List<ReportView.LevelShare> levels() {
            BigDecimal total = BigDecimal.valueOf(values.count());
            return levels.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                    .map(e -> new ReportView.LevelShare(e.getKey(), descriptions.get(e.getKey()), e.getValue()[0],
                            BigDecimal.valueOf(e.getValue()[0]).divide(total, 4, RoundingMode.HALF_UP)))
                    .toList();
        }

        /** What the classification says about the period: readings out of range, and dangerous ones. */
        List<ReportView.Risk> risks() {
            List<ReportView.Risk> risks = new ArrayList<>();
            String of = values.count() + "次" + type.label() + "记录中有";
            if (abnormal > 0) {
                if (type == MeasurementType.blood_pressure) {
                    if (hypertensive > 0) {
                        risks.add(new ReportView.Risk(type.name(), "warning", of + hypertensive + "次达到1级高血压或以上"));
                    }
                    long highNormal = abnormal - hypertensive;
                    if (highNormal > 0) {
                        risks.add(new ReportView.Risk(type.name(), "info", of + highNormal + "次为正常高值"));
                    }
                } else {
                    risks.add(new ReportView.Risk(type.name(), "warning", of + abnormal + "次不在正常范围"));
                }
            }
            if (alerts > 0) {
                risks.add(new ReportView.Risk(type.name(), "danger", of + alerts + "次达到危险水平，请尽快就医"));
            }
            return risks;
        }
    }
}
