import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Report job benchmark (issue 6), the database side:
 *
 *   java -cp <jdbc driver> bench/BatchBench.java load  <url> <user> <password> <persons> <firstDay> <days>
 *   java -cp <jdbc driver> bench/BatchBench.java floor <url> <user> <password> <h2|mysql|postgresql> <firstDay> <lastDay>
 *
 * load: members (each their own person) with 4 blood pressure readings a day, written straight into
 * the tables with the daily roll-ups the application keeps (loading 1.2 million readings through the
 * API would take hours; the report job reads the same rows either way).
 * floor: the least any report run has to do, the fastest way this benchmark can write it on the
 * engine: the statistics in SQL and a batched insert of the reports (see {@link #floor}).
 */
public class BatchBench {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[1], args[2], args[3])) {
            switch (args[0]) {
                case "load" -> load(c, Integer.parseInt(args[4]), LocalDate.parse(args[5]), Integer.parseInt(args[6]));
                case "floor" -> floor(c, args[4], LocalDate.parse(args[5]), LocalDate.parse(args[6]));
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
    }

    static String level(int s, int d) {
        if (s >= 180 || d >= 110) return "grade_3";
        if (s >= 160 || d >= 100) return "grade_2";
        if (s >= 140 && d < 90) return "isolated_systolic_hypertension";
        if (s >= 140 || d >= 90) return "grade_1";
        if (s >= 120 || d >= 80) return "high_normal";
        return "normal";
    }

    static void load(Connection c, int persons, LocalDate first, int days) throws Exception {
        long t0 = System.nanoTime();
        c.setAutoCommit(false);
        Random random = new Random(42);
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement user = c.prepareStatement("INSERT INTO users (id, phone, name, membership_level, status,"
                + " created_at, updated_at, version) VALUES (?, ?, ?, 'basic', 'active', ?, ?, 0)");
             PreparedStatement person = c.prepareStatement("INSERT INTO persons (id, owner_id, relation, name, created_at,"
                + " updated_at, version) VALUES (?, ?, 'self', ?, ?, ?, 0)");
             PreparedStatement record = c.prepareStatement("INSERT INTO health_records (id, person_id, data_type, reading,"
                + " diastolic, pulse, unit, source, recorded_at, level, created_at, updated_at, version)"
                + " VALUES (?, ?, 'blood_pressure', ?, ?, 72, 'mmHg', 'manual', ?, ?, ?, ?, 0)");
             PreparedStatement daily = c.prepareStatement("INSERT INTO health_daily_stats (person_id, data_type, stat_day,"
                + " reading_count, reading_sum, reading_min, reading_max, diastolic_sum, diastolic_min, diastolic_max,"
                + " abnormal_count, alert_count) VALUES (?, 'blood_pressure', ?, 4, ?, ?, ?, ?, ?, ?, ?, ?)");
             // The members accepted the first versions of the privacy policy and the health-data consent
             // (the job makes no report for a member without the latter).
             PreparedStatement consent = c.prepareStatement("INSERT INTO consent_records (id, member_id, kind, version,"
                + " action, occurred_at) VALUES (?, ?, ?, 1, 'accepted', ?)")) {
            for (int p = 0; p < persons; p++) {
                String id = UUID.randomUUID().toString();
                user.setString(1, id);
                user.setString(2, String.format("199%08d", p));
                user.setString(3, "会员" + p);
                user.setTimestamp(4, now);
                user.setTimestamp(5, now);
                user.addBatch();
                person.setString(1, id);
                person.setString(2, id);
                person.setString(3, "会员" + p);
                person.setTimestamp(4, now);
                person.setTimestamp(5, now);
                person.addBatch();
                for (String kind : new String[] {"privacy_policy", "health_data"}) {
                    consent.setString(1, UUID.randomUUID().toString());
                    consent.setString(2, id);
                    consent.setString(3, kind);
                    consent.setTimestamp(4, now);
                    consent.addBatch();
                }
                int base = 110 + random.nextInt(50);
                for (int d = 0; d < days; d++) {
                    LocalDate day = first.plusDays(d);
                    int sum = 0, min = 999, max = 0, dsum = 0, dmin = 999, dmax = 0, abnormal = 0, alerts = 0;
                    for (int r = 0; r < 4; r++) {
                        int s = base + random.nextInt(25) - 8;
                        int di = s * 62 / 100 + random.nextInt(8);
                        String level = level(s, di);
                        record.setString(1, UUID.randomUUID().toString());
                        record.setString(2, id);
                        record.setBigDecimal(3, BigDecimal.valueOf(s));
                        record.setBigDecimal(4, BigDecimal.valueOf(di));
                        record.setTimestamp(5, Timestamp.from(day.atTime(7 + r * 4, 0).atZone(ZONE).toInstant()));
                        record.setString(6, level);
                        record.setTimestamp(7, now);
                        record.setTimestamp(8, now);
                        record.addBatch();
                        sum += s; min = Math.min(min, s); max = Math.max(max, s);
                        dsum += di; dmin = Math.min(dmin, di); dmax = Math.max(dmax, di);
                        if (!level.equals("normal")) abnormal++;
                        if (level.equals("grade_3")) alerts++;
                    }
                    daily.setString(1, id);
                    daily.setObject(2, day);
                    daily.setBigDecimal(3, BigDecimal.valueOf(sum));
                    daily.setBigDecimal(4, BigDecimal.valueOf(min));
                    daily.setBigDecimal(5, BigDecimal.valueOf(max));
                    daily.setBigDecimal(6, BigDecimal.valueOf(dsum));
                    daily.setBigDecimal(7, BigDecimal.valueOf(dmin));
                    daily.setBigDecimal(8, BigDecimal.valueOf(dmax));
                    daily.setInt(9, abnormal);
                    daily.setInt(10, alerts);
                    daily.addBatch();
                }
                if (p % 200 == 199 || p == persons - 1) {
                    user.executeBatch();
                    person.executeBatch();
                    record.executeBatch();
                    daily.executeBatch();
                    consent.executeBatch();
                    c.commit();
                }
            }
        }
        System.out.printf("loaded: %d persons, %d readings each (%d in all), in %.1f s%n", persons, days * 4,
                (long) persons * days * 4, (System.nanoTime() - t0) / 1e9);
    }

    /** Seconds from a moment to recorded_at, in each engine's words (for the slope's sums). */
    static String secondsSince(String engine, LocalDate day) {
        return switch (engine) {
            case "h2" -> "DATEDIFF(SECOND, TIMESTAMP '" + day + " 00:00:00', recorded_at)";
            case "mysql" -> "TIMESTAMPDIFF(SECOND, '" + day + " 00:00:00', recorded_at)";
            case "postgresql" -> "EXTRACT(EPOCH FROM (recorded_at - TIMESTAMP '" + day + " 00:00:00'))";
            default -> throw new IllegalArgumentException(engine);
        };
    }

    /**
     * The floor: what any report run must at least do, each part the fastest way this benchmark can
     * write it on this engine.
     * - The statistics: per person and type the count, sum, minimum and maximum of both readings,
     *   the readings per guideline level and the sums of the least-squares slope; and the daily
     *   series (per person, type and day: count, sum, minimum, maximum, diastolic sum). Written
     *   several ways; the fastest counts (best of three each):
     *   - per type over the readings, the series from the daily roll-ups; levels from the stored
     *     level column, or from the values against the guideline's thresholds (which an index
     *     holding the values can answer alone);
     *   - per day over the readings (the client would add the days up), levels from the values.
     * - Storing: one batched insert of as many report rows as the job stored, each with the content
     *   of a report the job made (so the rows are as large), committed; then deleted (not timed).
     */
    static void floor(Connection c, String engine, LocalDate first, LocalDate last) throws Exception {
        Timestamp from = Timestamp.from(first.atStartOfDay(ZONE).toInstant());
        Timestamp until = Timestamp.from(last.plusDays(1).atStartOfDay(ZONE).toInstant());
        String x = secondsSince(engine, first.minusDays(1));
        String byColumn = " SUM(CASE WHEN level = 'normal' THEN 1 ELSE 0 END), SUM(CASE WHEN level = 'high_normal' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN level = 'grade_1' THEN 1 ELSE 0 END), SUM(CASE WHEN level = 'grade_2' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN level = 'grade_3' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN level = 'isolated_systolic_hypertension' THEN 1 ELSE 0 END)";
        // the 2018 guideline's grades, as level() above
        String byValue = " SUM(CASE WHEN reading >= 180 OR diastolic >= 110 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN reading < 180 AND diastolic < 110 AND (reading >= 160 OR diastolic >= 100) THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN reading >= 140 AND reading < 160 AND diastolic < 90 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN reading < 160 AND diastolic >= 90 AND diastolic < 100 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN reading < 140 AND diastolic < 90 AND (reading >= 120 OR diastolic >= 80) THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN reading < 120 AND diastolic < 80 THEN 1 ELSE 0 END)";
        String sums = "COUNT(*), SUM(reading), MIN(reading), MAX(reading), SUM(diastolic), MIN(diastolic), MAX(diastolic),"
                + " %s, SUM(" + x + "), SUM(" + x + " * " + x + "), SUM(" + x + " * reading)";
        String inPeriod = " FROM health_records WHERE recorded_at >= ? AND recorded_at < ?";
        String perType = "SELECT person_id, data_type, " + sums + inPeriod + " GROUP BY person_id, data_type";
        String series = "SELECT person_id, data_type, stat_day, reading_count, reading_sum, reading_min, reading_max,"
                + " diastolic_sum FROM health_daily_stats WHERE stat_day >= ? AND stat_day <= ?";
        String perDay = "SELECT person_id, data_type, CAST(recorded_at AS DATE), " + sums + inPeriod
                + " GROUP BY person_id, data_type, CAST(recorded_at AS DATE)";
        Map<String, Callable<Long>> ways = new LinkedHashMap<>();
        ways.put("per type, levels from the values, series from the roll-ups",
                () -> rows(c, String.format(perType, byValue), from, until) + rows(c, series, first, last));
        ways.put("per day, levels from the values", () -> rows(c, String.format(perDay, byValue), from, until));
        ways.put("per type, levels from the level column, series from the roll-ups",
                () -> rows(c, String.format(perType, byColumn), from, until) + rows(c, series, first, last));
        long statistics = Long.MAX_VALUE;
        for (Map.Entry<String, Callable<Long>> way : ways.entrySet()) {
            long best = Long.MAX_VALUE;
            for (int run = 0; run < 3 && (run == 0 || statistics == Long.MAX_VALUE || best < 3 * statistics); run++) {
                // (a way three times slower than the best so far gets one run)
                long t0 = System.nanoTime();
                way.getValue().call();
                best = Math.min(best, System.nanoTime() - t0);
            }
            System.out.printf("floor statistics, %s: %d ms%n", way.getKey(), best / 1_000_000);
            statistics = Math.min(statistics, best);
        }
        long store = insertReports(c, first);
        System.out.printf("floor store: batched insert of the reports, %d ms%n", store / 1_000_000);
        System.out.printf("floor: %d ms%n", (statistics + store) / 1_000_000);
    }

    /** Runs a query and reads every column of every row; returns the rows. */
    static long rows(Connection c, String sql, Object... parameters) throws Exception {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setObject(i + 1, parameters[i]);
            }
            long rows = 0;
            try (ResultSet rs = q.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    rows++;
                }
            }
            return rows;
        }
    }

    static long insertReports(Connection c, LocalDate first) throws Exception {
        List<String[]> reports = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT person_id, owner_id, content FROM health_reports"
                + " WHERE period_type = 'month' AND period_start = ?")) {
            q.setObject(1, first);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    reports.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        LocalDate elsewhere = LocalDate.of(2000, 1, 1); // a period of its own: no clash with the job's reports
        c.setAutoCommit(false);
        long t0 = System.nanoTime();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO health_reports (id, person_id, owner_id,"
                + " period_type, period_start, period_end, readings, risk_count, content, job_execution_id, generated_at)"
                + " VALUES (?, ?, ?, 'month', ?, ?, 120, 1, ?, NULL, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            int n = 0;
            for (String[] report : reports) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, report[0]);
                insert.setString(3, report[1]);
                insert.setObject(4, elsewhere);
                insert.setObject(5, elsewhere.plusDays(30));
                insert.setString(6, report[2]);
                insert.setTimestamp(7, now);
                insert.addBatch();
                if (++n % 200 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        c.commit();
        long elapsed = System.nanoTime() - t0;
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM health_reports WHERE period_start = ?")) {
            delete.setObject(1, elsewhere);
            delete.executeUpdate();
        }
        c.commit();
        return elapsed;
    }
}
