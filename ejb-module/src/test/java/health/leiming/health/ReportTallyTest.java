package health.leiming.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.leiming.member.FamilyService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The report job folds readings into tallies as they stream past; the reports it makes must be the
 * ones the former computation made from each person's list of readings. {@link Former} is that
 * computation as it stood before the tallies (statistics, slope, levels, risks, daily series, all
 * over lists), kept here as the reference; both run over the same random people.
 */
class ReportTallyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void tallyReportsEqualTheFormerComputationOverRandomPeople() {
        Random random = new Random(20261207);
        int unreadable = 0;
        for (int person = 0; person < 2_000; person++) {
            ReportPeriod period = ReportPeriod.of(random.nextBoolean() ? "week" : "month",
                    LocalDate.parse("2026-01-01").plusDays(random.nextInt(330)), SHANGHAI);
            FamilyService.PersonRef ref = new FamilyService.PersonRef("p" + person, "m" + person, "会员" + person);
            BigDecimal height = random.nextInt(4) == 0 ? null : BigDecimal.valueOf(1450 + random.nextInt(450), 1);
            List<StoredReading> readings = randomReadings(random, ref.id(), period);
            ReportTally tally = new ReportTally(ref, height, period);
            // as the job's query hands them out: by type, then in time order
            readings.stream().sorted(Comparator.comparing((StoredReading r) -> r.type().name())
                    .thenComparing(StoredReading::recordedAt).thenComparing(StoredReading::id)).forEach(tally::add);
            HealthReports.Draft former;
            try {
                former = Former.compute(ref, height, readings, period);
            } catch (UnreadableHealthData e) {
                unreadable++;
                assertEquals(e.getMessage(), assertThrows(UnreadableHealthData.class, tally::draft).getMessage());
                continue;
            }
            assertEquals(former, tally.draft(), "person " + person + " with " + readings.size() + " readings");
        }
        assertEquals(true, unreadable > 20 && unreadable < 200, unreadable + " people with an unreadable reading");
    }

    @Test
    void readingsAtTheSameMomentAndFewReadingsGiveTheFormerDirection() {
        ReportPeriod week = ReportPeriod.of("week", LocalDate.parse("2026-11-26"), SHANGHAI);
        FamilyService.PersonRef ref = new FamilyService.PersonRef("p", "m", "李明");
        Instant at = week.from().plusSeconds(3600);
        for (int n = 0; n <= 4; n++) {
            List<StoredReading> readings = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                readings.add(reading("p", i, MeasurementType.heart_rate, BigDecimal.valueOf(60 + 10 * i), null, null, at));
            }
            ReportTally tally = new ReportTally(ref, null, week);
            readings.forEach(tally::add);
            if (n == 0) {
                continue; // no type, no metric: the job never reads a person without readings
            }
            HealthReports.Draft draft = tally.draft();
            assertEquals(Former.compute(ref, null, readings, week), draft);
            assertEquals(n < 3 ? "insufficient_data" : "stable", draft.view().metrics().get(0).trend());
        }
    }

    private static List<StoredReading> randomReadings(Random random, String personId, ReportPeriod period) {
        List<StoredReading> readings = new ArrayList<>();
        MeasurementType[] all = MeasurementType.values();
        Set<MeasurementType> types = new LinkedHashSet<>();
        int kinds = 1 + random.nextInt(4);
        while (types.size() < kinds) {
            types.add(all[random.nextInt(all.length)]);
        }
        long seconds = period.until().getEpochSecond() - period.from().getEpochSecond();
        boolean hasBad = random.nextInt(25) == 0;
        for (MeasurementType type : types) {
            int n = random.nextInt(5) == 0 ? random.nextInt(3) : random.nextInt(130);
            BigDecimal slope = BigDecimal.valueOf(random.nextInt(21) - 10, 2); // a drift per reading, up or down
            for (int i = 0; i < n; i++) {
                Instant at = period.from().plusSeconds(random.nextInt(8) == 0 && !readings.isEmpty()
                        ? readings.get(random.nextInt(readings.size())).recordedAt().getEpochSecond()
                                - period.from().getEpochSecond() // the same moment as another reading
                        : (long) (random.nextDouble() * seconds));
                readings.add(randomReading(random, personId, readings.size(), type, slope.multiply(BigDecimal.valueOf(i)), at));
            }
        }
        if (hasBad && !readings.isEmpty()) {
            StoredReading r = readings.get(random.nextInt(readings.size()));
            // stored values no reading can have (as a faulty import or a manual edit of the table would leave)
            readings.set(readings.indexOf(r), new StoredReading(personId, r.id(), MeasurementType.blood_pressure,
                    BigDecimal.valueOf(80), BigDecimal.valueOf(120), null, null, r.recordedAt()));
        }
        readings.sort(Comparator.comparing(StoredReading::recordedAt).thenComparing(StoredReading::id)); // as before
        return readings;
    }

    private static StoredReading randomReading(Random random, String personId, int n, MeasurementType type,
            BigDecimal drift, Instant at) {
        return switch (type) {
            case blood_pressure -> {
                int systolic = Math.min(240, 95 + random.nextInt(100) + drift.intValue());
                yield reading(personId, n, type, BigDecimal.valueOf(systolic),
                        BigDecimal.valueOf(Math.max(40, systolic * 60 / 100 + random.nextInt(30))), null, at);
            }
            case blood_glucose -> reading(personId, n, type, BigDecimal.valueOf(20 + random.nextInt(180), 1).add(drift).max(BigDecimal.ONE),
                    null, random.nextInt(5) == 0 ? null : GlucoseContext.values()[random.nextInt(GlucoseContext.values().length)], at);
            case heart_rate -> reading(personId, n, type, BigDecimal.valueOf(35 + random.nextInt(130)), null, null, at);
            case weight -> reading(personId, n, type, BigDecimal.valueOf(400 + random.nextInt(800), 1).add(drift), null, null, at);
            case body_temperature -> reading(personId, n, type, BigDecimal.valueOf(345 + random.nextInt(75), 1), null, null, at);
            case blood_oxygen -> reading(personId, n, type, BigDecimal.valueOf(85 + random.nextInt(16)), null, null, at);
            case steps -> reading(personId, n, type, BigDecimal.valueOf(random.nextInt(15_000)), null, null, at);
            case sleep_duration -> reading(personId, n, type, BigDecimal.valueOf(30 + random.nextInt(90), 1), null, null, at);
        };
    }

    private static StoredReading reading(String personId, int n, MeasurementType type, BigDecimal value,
            BigDecimal diastolic, GlucoseContext context, Instant at) {
        return new StoredReading(personId, String.format("%s-%05d", personId, n), type, value, diastolic,
                type == MeasurementType.blood_pressure ? 72 : null, context, at);
    }

    /** The report computation before the tallies, over each person's list of readings (the reference). */
    static final class Former {

        static HealthReports.Draft compute(FamilyService.PersonRef person, BigDecimal height, List<StoredReading> records,
                ReportPeriod period) {
            Map<MeasurementType, List<TrendAnalysis.Reading>> byType = new EnumMap<>(MeasurementType.class);
            for (StoredReading record : records) {
                Measurement m;
                try {
                    m = record.measurement();
                } catch (RuntimeException e) {
                    throw new UnreadableHealthData("Record " + record.id() + " of person " + person.id()
                            + " is unreadable: " + e.getMessage(), e);
                }
                byType.computeIfAbsent(m.type(), t -> new ArrayList<>())
                        .add(new TrendAnalysis.Reading(record.recordedAt(), m.value(), m.diastolic(), m.indicator(height)));
            }
            List<ReportView.Metric> metrics = new ArrayList<>();
            List<ReportView.Risk> risks = new ArrayList<>();
            Set<String> recommendations = new LinkedHashSet<>();
            int days = period.days();
            byType.forEach((type, readings) -> {
                TrendView.Statistics statistics = statistics(readings.stream().map(TrendAnalysis.Reading::value).toList());
                TrendView.Statistics diastolic = type == MeasurementType.blood_pressure
                        ? statistics(readings.stream().map(TrendAnalysis.Reading::diastolic).toList()) : null;
                String direction = direction(type, readings, days);
                metrics.add(new ReportView.Metric(type.name(), type.label(), type.canonicalUnit(), statistics, diastolic,
                        levels(readings), direction, daily(readings, period.zone())));
                risks.addAll(risks(type, readings));
                TrendAnalysis.advice(type, readings.size(),
                        readings.stream().filter(r -> !TrendAnalysis.isFine(r.indicator().level())).count(),
                        readings.stream().filter(r -> r.indicator().alert()).count(), direction)
                        .forEach(a -> recommendations.add(a.content()));
            });
            if (records.size() < days) {
                recommendations.add("本期共记录" + records.size() + "次，建议每天至少测量一次，让趋势判断更准确");
            }
            ReportView view = new ReportView(null, person.id(), person.name(), period.type().name(), period.start(),
                    period.end(), person.name() + "的" + period.label(), records.size(), metrics, risks,
                    List.copyOf(recommendations), null, false);
            return new HealthReports.Draft(person.id(), person.ownerId(), period, view);
        }

        static TrendView.Statistics statistics(List<BigDecimal> values) {
            if (values.isEmpty()) {
                return new TrendView.Statistics(null, null, null, 0);
            }
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal min = values.get(0);
            BigDecimal max = values.get(0);
            for (BigDecimal v : values) {
                sum = sum.add(v);
                min = min.min(v);
                max = max.max(v);
            }
            return new TrendView.Statistics(sum.divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP), max,
                    min, values.size());
        }

        static String direction(MeasurementType type, List<TrendAnalysis.Reading> readings, int periodDays) {
            if (readings.size() < 3) {
                return "insufficient_data";
            }
            double t0 = readings.get(0).at().getEpochSecond();
            double n = readings.size();
            double sumX = 0;
            double sumY = 0;
            double sumXY = 0;
            double sumXX = 0;
            for (TrendAnalysis.Reading r : readings) {
                double x = (r.at().getEpochSecond() - t0) / 86_400.0;
                double y = r.value().doubleValue();
                sumX += x;
                sumY += y;
                sumXY += x * y;
                sumXX += x * x;
            }
            double denominator = n * sumXX - sumX * sumX;
            if (denominator == 0) {
                return "stable";
            }
            double change = (n * sumXY - sumX * sumY) / denominator * periodDays;
            double threshold = TrendAnalysis.threshold(type).doubleValue();
            return change >= threshold ? "rising" : change <= -threshold ? "falling" : "stable";
        }

        static List<TrendView.Point> daily(List<TrendAnalysis.Reading> readings, ZoneId zone) {
            Map<LocalDate, List<TrendAnalysis.Reading>> byDay = new TreeMap<>();
            for (TrendAnalysis.Reading r : readings) {
                byDay.computeIfAbsent(LocalDate.ofInstant(r.at(), zone), d -> new ArrayList<>()).add(r);
            }
            List<TrendView.Point> points = new ArrayList<>();
            byDay.forEach((day, list) -> {
                TrendView.Statistics s = statistics(list.stream().map(TrendAnalysis.Reading::value).toList());
                BigDecimal diastolic = list.get(0).diastolic() == null ? null
                        : statistics(list.stream().map(TrendAnalysis.Reading::diastolic).toList()).average();
                points.add(new TrendView.Point(day, null, s.average(), diastolic, s.min(), s.max(), s.count(), null));
            });
            return points;
        }

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

        static List<ReportView.Risk> risks(MeasurementType type, List<TrendAnalysis.Reading> readings) {
            List<ReportView.Risk> risks = new ArrayList<>();
            long abnormal = readings.stream().filter(r -> !TrendAnalysis.isFine(r.indicator().level())).count();
            long alerts = readings.stream().filter(r -> r.indicator().alert()).count();
            if (abnormal > 0) {
                if (type == MeasurementType.blood_pressure) {
                    long grade1 = readings.stream().filter(r -> r.indicator().level().startsWith("grade_")
                            || r.indicator().level().equals("isolated_systolic_hypertension")).count();
                    if (grade1 > 0) {
                        risks.add(new ReportView.Risk(type.name(), "warning", readings.size() + "次" + type.label()
                                + "记录中有" + grade1 + "次达到1级高血压或以上"));
                    }
                    long highNormal = abnormal - grade1;
                    if (highNormal > 0) {
                        risks.add(new ReportView.Risk(type.name(), "info", readings.size() + "次" + type.label()
                                + "记录中有" + highNormal + "次为正常高值"));
                    }
                } else {
                    risks.add(new ReportView.Risk(type.name(), "warning", readings.size() + "次" + type.label() + "记录中有"
                            + abnormal + "次不在正常范围"));
                }
            }
            if (alerts > 0) {
                risks.add(new ReportView.Risk(type.name(), "danger", readings.size() + "次" + type.label() + "记录中有"
                        + alerts + "次达到危险水平，请尽快就医"));
            }
            return risks;
        }
    }
}
