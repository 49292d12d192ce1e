package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an operator watches: the business figures move when members act, and every metric the alert rules
 * and the dashboard (docs/monitoring) name is exported at /metrics on the operations port. Where promtool
 * is installed (CI installs it), the rules and the dashboard's queries are checked by it too, and the rules'
 * unit tests (alerts_test.yml) run.
 */
class MonitoringIT extends DeployedEar {

    private static final Path DOCS = Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("monitoring");
    /** Metric names in the rules and the dashboard: ours, and what Liberty exports. */
    private static final Pattern METRIC = Pattern.compile(
            "\\b((?:leiming|http_server|connectionpool|payment|business|jvm|memory|REST)_[A-Za-z0-9_]+)\\b");
    /** Prometheus's own and the blackbox exporter's, not the server's. */
    private static final Set<String> NOT_OURS = Set.of("up", "probe_success");

    private final Api api = new Api();
    private final Care care = new Care(api);

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private List<Sample> scrape() {
        Api.Reply reply = api.get(Api.OPS + "/metrics", null);
        assertEquals(200, reply.status());
        List<Sample> samples = new ArrayList<>();
        Pattern line = Pattern.compile("^([A-Za-z_:][A-Za-z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
        Pattern label = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
        for (String text : reply.raw().split("\n")) {
            Matcher m = line.matcher(text.strip());
            if (text.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            Matcher l = label.matcher(m.group(2) == null ? "" : m.group(2));
            while (l.find()) {
                labels.put(l.group(1), l.group(2));
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return samples;
    }

    private static double value(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).findFirst().orElseThrow(() -> new AssertionError("no " + name + labels));
    }

    @Test
    void theFiguresMoveWithWhatMembersDoAndEveryMetricTheRulesAndTheDashboardNameIsExported() throws Exception {
        List<Sample> before = scrape();
        Map<String, String> bloodPressure = Map.of("type", "blood_pressure", "source", "manual");
        double readings = value(before, "leiming_health_records_total", bloodPressure);
        double placed = value(before, "leiming_business_events_total", Map.of("type", "order.placed"));
        double reminders = value(before, "leiming_batch_job_duration_seconds_count",
                Map.of("job", "appointment-reminders", "status", "COMPLETED"));

        Api.Session member = api.login(Api.newPhone());
        assertEquals(200, api.post("/api/v1/health/records", HealthRecordIT.bloodPressure(128, 82,
                Instant.now().minus(5, ChronoUnit.MINUTES)), member.token()).status());
        String serviceId = care.service("监控陪诊" + System.nanoTime(), "99.00", 60).getString("id");
        care.staff("监控陪诊员", serviceId);
        Api.Reply booked = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(15), null), member.token());
        assertEquals(200, booked.status(), booked.raw());
        care.runJob("appointment-reminders", "{}");

        List<Sample> after = scrape();
        assertEquals(readings + 1, value(after, "leiming_health_records_total", bloodPressure), "one reading stored");
        assertEquals(placed + 1, value(after, "leiming_business_events_total", Map.of("type", "order.placed")));
        assertTrue(value(after, "leiming_batch_job_duration_seconds_count", Map.of("job", "appointment-reminders",
                "status", "COMPLETED")) >= reminders + 1, "our run, and any the schedule started meanwhile");
        assertTrue(value(after, "http_server_request_duration_seconds", Map.of("http_route", "/api/v1/health/records",
                "http_request_method", "POST", "http_response_status_code", "200", "quantile", "0.99")) > 0,
                "Liberty times each route, method and status, with P50, P95 and P99");
        assertTrue(value(after, "leiming_outbox_pending", Map.of()) >= 0);
        assertTrue(value(after, "leiming_outbox_oldest_pending_age_seconds", Map.of()) >= 0);
        for (String channel : List.of("wecom", "subscribe", "sms")) {
            value(after, "leiming_notify_dead", Map.of("channel", channel));
            value(after, "leiming_notify_failures_total", Map.of("channel", channel, "kind", "retry"));
        }

        Set<String> exported = new TreeSet<>();
        after.forEach(s -> exported.add(s.name()));
        String rules = Files.readString(DOCS.resolve("alerts.yml"), StandardCharsets.UTF_8);
        String dashboard = Files.readString(DOCS.resolve("dashboard.json"), StandardCharsets.UTF_8);
        Set<String> named = new TreeSet<>();
        for (String text : List.of(rules, dashboard)) {
            Matcher m = METRIC.matcher(text);
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        assertTrue(named.size() > 10, "the rules and the dashboard name metrics: " + named);
        List<String> missing = named.stream().filter(n -> !exported.contains(n) && !NOT_OURS.contains(n)).toList();
        assertEquals(List.of(), missing, "named by docs/monitoring but not exported");

        checkWithPromtool(dashboard);
    }

    /** promtool checks the rules and the dashboard's queries, and runs the rules' tests. */
    private void checkWithPromtool(String dashboard) throws IOException, InterruptedException {
        boolean installed = List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "promtool")));
        if (!installed) {
            assertTrue(!"true".equals(System.getenv("LEIMING_IT_PROMTOOL_REQUIRED")),
                    "promtool is required here (Debian's prometheus package)");
            return; // a developer's machine without it: the names are checked above, the queries in CI
        }
        run("promtool", "check", "rules", DOCS.resolve("alerts.yml").toString());
        run("promtool", "test", "rules", DOCS.resolve("alerts_test.yml").toString());
        StringBuilder recorded = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        Matcher expr = Pattern.compile("\"expr\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(dashboard);
        int n = 0;
        while (expr.find()) {
            String query = expr.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
            recorded.append("      - record: dashboard_query_").append(n++).append("\n        expr: '")
                    .append(query.replace("'", "''")).append("'\n");
        }
        Path queries = Files.createTempFile("dashboard-queries", ".yml");
        Files.writeString(queries, recorded, StandardCharsets.UTF_8);
        run("promtool", "check", "rules", queries.toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
    }
}
