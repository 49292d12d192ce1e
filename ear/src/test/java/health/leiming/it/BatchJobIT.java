package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The report and reminder jobs through the admin API: exact numbers, restarts, runs that happen once. */
class BatchJobIT extends DeployedEar {

    private final Api api = new Api();
    private final Care care = new Care(api);
    private final FakeWechatPay wechatPay = FakeWechatPay.get();
    private final FakeWecomApi wecom = FakeWecomApi.get();

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(Care.SHANGHAI).toInstant();
    }

    private static String bloodPressure(int systolic, int diastolic, Instant at) {
        return Json.createObjectBuilder().add("type", "blood_pressure").add("value", systolic).add("unit", "mmHg")
                .add("recordedAt", at.toString())
                .add("metadata", Json.createObjectBuilder().add("systolic", systolic).add("diastolic", diastolic)).build()
                .toString();
    }

    private JsonObject start(String job, String parameters) {
        Api.Reply started = api.post("/api/v1/admin/jobs/" + job + "/start", parameters, care.adminToken());
        assertEquals(200, started.status(), started.raw());
        return started.data();
    }

    private JsonObject execution(long id) {
        return api.get("/api/v1/admin/jobs/executions/" + id, care.adminToken()).data();
    }

    private JsonObject waitFor(long id, Predicate<JsonObject> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(90);
        JsonObject execution = execution(id);
        while (!condition.test(execution)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what + ": " + execution);
            }
            FakeSmsGateway.sleep(200);
            execution = execution(id);
        }
        return execution;
    }

    private JsonObject finished(long id) {
        JsonObject done = waitFor(id, e -> List.of("COMPLETED", "FAILED", "STOPPED").contains(e.getString("status")),
                "the end of execution " + id);
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        return done;
    }

    private static long id(JsonObject execution) {
        return execution.getJsonNumber("executionId").longValue();
    }

    @Test
    void aWeeklyReportHasTheHandComputedNumbersAndIsMadeOnce() {
        LocalDate monday = LocalDate.now(Care.SHANGHAI).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        Api.Session member = api.login(Api.newPhone());
        int[][] readings = {{118, 76}, {135, 85}, {145, 92}, {152, 96}};
        Instant[] times = {at(monday, 8, 0), at(monday.plusDays(1), 8, 0), at(monday.plusDays(2), 20, 0),
                at(monday.plusDays(4), 8, 0)};
        for (int i = 0; i < readings.length; i++) {
            Api.Reply r = api.post("/api/v1/health/records", bloodPressure(readings[i][0], readings[i][1], times[i]),
                    member.token());
            assertEquals(200, r.status(), r.raw());
        }
        // Outside the week: not in the report.
        api.post("/api/v1/health/records", bloodPressure(190, 120, at(monday.minusDays(1), 23, 0)), member.token());

        JsonObject run = finished(id(start("health-report", Json.createObjectBuilder().add("period", "week")
                .add("date", monday.plusDays(3).toString()).build().toString())));
        assertEquals(monday.toString(), run.getJsonObject("parameters").getString("date"), "the period's Monday");
        assertTrue(run.getJsonNumber("reportsStored").longValue() >= 1, run.toString());
        assertTrue(run.getJsonObject("counts").getInt("written") >= 1, run.toString());

        JsonObject list = weekly(member);
        assertEquals(1, list.getInt("total"), list.toString());
        String reportId = list.getJsonArray("items").getJsonObject(0).getString("id");
        JsonObject report = api.get("/api/v1/health/reports/" + reportId, member.token()).data();
        assertEquals(monday.toString(), report.getString("start"));
        assertEquals(monday.plusDays(6).toString(), report.getString("end"));
        assertEquals(4, report.getInt("readings"));
        JsonObject metric = report.getJsonArray("metrics").getJsonObject(0);
        assertEquals("blood_pressure", metric.getString("type"));
        JsonObject stats = metric.getJsonObject("statistics");
        assertEquals(137.50, stats.getJsonNumber("average").doubleValue(), 1e-9, "(118+135+145+152)/4");
        assertEquals(152, stats.getInt("max"));
        assertEquals(118, stats.getInt("min"));
        assertEquals(4, stats.getInt("count"));
        assertEquals(87.25, metric.getJsonObject("diastolic").getJsonNumber("average").doubleValue(), 1e-9, "(76+85+92+96)/4");
        JsonObject levels = Json.createObjectBuilder().build();
        for (var v : metric.getJsonArray("levels")) {
            JsonObject l = v.asJsonObject();
            levels = Json.createObjectBuilder(levels).add(l.getString("level"), l.getJsonNumber("share").doubleValue()).build();
        }
        assertEquals(0.5, levels.getJsonNumber("grade_1").doubleValue(), 1e-9);
        assertEquals(0.25, levels.getJsonNumber("high_normal").doubleValue(), 1e-9);
        assertEquals(0.25, levels.getJsonNumber("normal").doubleValue(), 1e-9);
        assertEquals("rising", metric.getString("trend"));
        assertEquals(4, metric.getJsonArray("series").size(), "one point per day with readings");
        String risks = report.getJsonArray("risks").toString();
        assertTrue(risks.contains("4次血压记录中有2次达到1级高血压或以上"), risks);
        assertTrue(risks.contains("4次血压记录中有1次为正常高值"), risks);
        assertTrue(report.getJsonArray("recommendations").size() >= 1);

        api.await("/api/v1/messages?kind=health", member.token(), r -> r.raw().contains("健康报告已生成"),
                Duration.ofSeconds(30));
        String metrics = api.send(api.request(Api.OPS + "/metrics?scope=application", null).GET()).raw();
        assertTrue(metrics.contains("leiming_batch_job_duration_seconds_count{job=\"health-report\",mp_scope=\"application\",status=\"COMPLETED\"")
                && metrics.contains("leiming_batch_items_total{job=\"health-report\",mp_scope=\"application\",outcome=\"written\""), metrics);
        Api.Session other = api.login(Api.newPhone());
        assertEquals(404, api.get("/api/v1/health/reports/" + reportId, other.token()).status());
        assertEquals(0, api.get("/api/v1/health/reports", other.token()).data().getInt("total"));

        // The same period again: nothing is made twice; regenerating replaces the report in place.
        JsonObject again = finished(id(start("health-report", "{\"period\":\"week\",\"date\":\"" + monday + "\"}")));
        assertEquals(0, again.getJsonNumber("reportsStored").longValue(), again.toString());
        JsonObject regenerated = finished(id(start("health-report",
                "{\"period\":\"week\",\"date\":\"" + monday + "\",\"regenerate\":\"true\"}")));
        assertTrue(regenerated.getJsonNumber("reportsStored").longValue() >= 1);
        JsonObject after = weekly(member);
        assertEquals(1, after.getInt("total"));
        assertEquals(reportId, after.getJsonArray("items").getJsonObject(0).getString("id"));
        assertNotEquals(list.getJsonArray("items").getJsonObject(0).getString("generatedAt"),
                after.getJsonArray("items").getJsonObject(0).getString("generatedAt"));
    }

    /** The member's weekly reports (a monthly run started by another test may have made a monthly one). */
    private JsonObject weekly(Api.Session member) {
        var items = api.get("/api/v1/health/reports?size=100", member.token()).data().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(r -> r.getString("periodType").equals("week")).toList();
        return Json.createObjectBuilder().add("total", items.size()).add("items", Json.createArrayBuilder(items)).build();
    }

    @Test
    void aStoppedRunRestartsFromItsCheckpointsWithoutDuplicates() {
        // A month of its own (7 to 30 months back), so that data of earlier runs on the same database stays out.
        LocalDate day = LocalDate.now(Care.SHANGHAI).withDayOfMonth(1).minusMonths(7 + System.nanoTime() % 24).plusDays(9);
        Api.Session member = api.login(Api.newPhone());
        List<String> persons = new ArrayList<>();
        persons.add(member.memberId());
        for (int i = 0; i < 11; i++) {
            Api.Reply added = api.post("/api/v1/persons", Json.createObjectBuilder().add("name", "家人" + i)
                    .add("relation", "other").build().toString(), member.token());
            assertEquals(200, added.status(), added.raw());
            persons.add(added.data().getString("id"));
        }
        for (String person : persons) {
            Api.Reply r = api.post("/api/v1/health/records?personId=" + person, bloodPressure(128, 82, at(day, 9, 0)),
                    member.token());
            assertEquals(200, r.status(), r.raw());
        }

        String parameters = "{\"period\":\"month\",\"date\":\"" + day + "\",\"itemDelayMillis\":\"500\",\"chunkSize\":\"2\","
                + "\"partitions\":\"2\"}";
        long first = id(start("health-report", parameters));
        waitFor(first, e -> e.getJsonNumber("reportsStored").longValue() >= 2, "the first reports");
        Api.Reply stop = api.post("/api/v1/admin/jobs/executions/" + first + "/stop", "", care.adminToken());
        assertEquals(200, stop.status(), stop.raw());
        JsonObject stopped = waitFor(first, e -> List.of("STOPPED", "COMPLETED", "FAILED").contains(e.getString("status")),
                "the stop");
        assertEquals("STOPPED", stopped.getString("status"), stopped.toString());
        long madeBefore = stopped.getJsonNumber("reportsStored").longValue();
        assertTrue(madeBefore < persons.size(), "stopped part way: " + stopped);

        Api.Reply restarted = api.post("/api/v1/admin/jobs/executions/" + first + "/restart", "", care.adminToken());
        assertEquals(200, restarted.status(), restarted.raw());
        JsonObject second = finished(id(restarted.data()));
        assertTrue(second.getJsonNumber("reportsStored").longValue() <= persons.size() - madeBefore,
                "the restart did not redo what was done: " + second);
        for (String person : persons) {
            assertEquals(1, api.get("/api/v1/health/reports?personId=" + person, member.token()).data().getInt("total"),
                    "exactly one report for " + person);
        }
        Api.Reply completedAgain = api.post("/api/v1/admin/jobs/executions/" + id(second) + "/restart", "", care.adminToken());
        assertEquals(409, completedAgain.status(), completedAgain.raw());
    }

    @Test
    void aPersonWithUnreadableDataIsSkippedAndTheRunGoesOn() throws Exception {
        LocalDate day = LocalDate.now(Care.SHANGHAI).withDayOfMonth(1).minusMonths(31 + System.nanoTime() % 24).plusDays(4);
        Api.Session broken = api.login(Api.newPhone());
        Api.Session fine = api.login(Api.newPhone());
        api.post("/api/v1/health/records", bloodPressure(128, 82, at(day, 9, 0)), broken.token());
        api.post("/api/v1/health/records", bloodPressure(126, 80, at(day, 9, 0)), fine.token());
        // Damage under the application: a stored reading no longer makes sense (diastolic above systolic).
        try (Connection db = DriverManager.getConnection(System.getProperty("leiming.it.db-url"),
                System.getProperty("leiming.it.db-user"), System.getProperty("leiming.it.db-password", ""));
             PreparedStatement damage = db.prepareStatement("UPDATE health_records SET diastolic = 300 WHERE person_id = ?")) {
            damage.setString(1, broken.memberId());
            assertEquals(1, damage.executeUpdate());
        }

        JsonObject run = finished(id(start("health-report", "{\"period\":\"month\",\"date\":\"" + day + "\"}")));
        assertEquals(1, run.getJsonObject("counts").getInt("skipped"), run.toString());
        assertEquals(1, run.getJsonArray("skipped").size(), run.toString());
        JsonObject skipped = run.getJsonArray("skipped").getJsonObject(0);
        assertEquals(broken.memberId(), skipped.getString("item"));
        assertTrue(skipped.getString("reason").contains("unreadable"), skipped.toString());
        assertEquals(0, api.get("/api/v1/health/reports", broken.token()).data().getInt("total"));
        assertEquals(1, api.get("/api/v1/health/reports", fine.token()).data().getInt("total"), "the others are done");
    }

    @Test
    void theReminderJobRemindsEachAppointmentOnceEvenWhenRunsOverlap() {
        String serviceId = care.service("陪诊" + System.nanoTime(), "99.00", 60).getString("id");
        String wecomUser = "remind-" + System.nanoTime();
        care.staffInWecom("周护工", wecomUser, serviceId);
        Api.Session member = api.login(Api.newPhone());
        Api.Reply booked = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(13), null), member.token());
        assertEquals(200, booked.status(), booked.raw());
        String orderNo = booked.data().getString("orderNo");
        api.post("/api/v1/orders/" + booked.data().getString("orderId") + "/pay", Api.json("openid", "o-remind"),
                member.token());
        assertEquals(200, wechatPay.notify(FakeWechatPay.notificationBody("TRANSACTION.SUCCESS",
                FakeWechatPay.transaction(orderNo, 9900, "4200000040" + System.nanoTime()))).status());

        CompletableFuture<JsonObject> one = CompletableFuture.supplyAsync(() -> start("appointment-reminders", "{\"window\":\"P3D\"}"));
        CompletableFuture<JsonObject> two = CompletableFuture.supplyAsync(() -> start("appointment-reminders", "{\"window\":\"P3D\"}"));
        finished(id(one.join()));
        finished(id(two.join()));
        finished(id(start("appointment-reminders", "{\"window\":\"P3D\"}")));

        api.await("/api/v1/messages?kind=service", member.token(), r -> r.raw().contains("预约提醒"), Duration.ofSeconds(30));
        FakeSmsGateway.sleep(2500);
        JsonObject inbox = api.get("/api/v1/messages?kind=service", member.token()).data();
        assertEquals(1, inbox.getJsonArray("items").stream()
                .filter(m -> m.asJsonObject().getString("title").equals("预约提醒")).count(), inbox.toString());
        assertTrue(inbox.toString().contains(orderNo));
        assertEquals(1, wecom.textsTo(wecomUser).stream().filter(t -> t.contains("服务提醒")).count());

        assertEquals(400, api.post("/api/v1/admin/jobs/appointment-reminders/start", "{\"window\":\"soon\"}",
                care.adminToken()).status());
        assertEquals(404, api.post("/api/v1/admin/jobs/nope/start", "{}", care.adminToken()).status());
    }

    @Test
    void twoServersReachingTheSameScheduledRunStartItOnce() {
        Instant fire = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(400))
                .plusSeconds((System.nanoTime() % 100_000) * 60);
        String path = "/api/v1/admin/jobs/schedules/monthly-report/runs?fireTime=" + fire;
        CompletableFuture<Api.Reply> one = CompletableFuture.supplyAsync(() -> api.post(path, "", care.adminToken()));
        CompletableFuture<Api.Reply> two = CompletableFuture.supplyAsync(() -> api.post(path, "", care.adminToken()));
        List<Integer> statuses = new ArrayList<>(List.of(one.join().status(), two.join().status()));
        statuses.sort(null);
        assertEquals(List.of(200, 409), statuses, one.join().raw() + " / " + two.join().raw());
        assertEquals(409, api.post(path, "", care.adminToken()).status(), "and not later either");
    }

    @Test
    void theSchedulerStartsTheRemindersByItself() {
        Instant deadline = Instant.now().plusSeconds(75);
        JsonObject scheduled = null;
        while (scheduled == null && Instant.now().isBefore(deadline)) {
            scheduled = api.get("/api/v1/admin/jobs/executions?job=appointment-reminders", care.adminToken()).dataArray()
                    .getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getJsonObject("parameters").getString("window", "").equals("PT24H")).findFirst()
                    .orElse(null);
            FakeSmsGateway.sleep(1000);
        }
        assertTrue(scheduled != null, "a run of the every-minute test schedule");
        assertEquals(id(scheduled), id(finished(id(scheduled))));
    }

    @Test
    void onlyAdminsControlJobs() {
        Api.Session member = api.login(Api.newPhone());
        assertEquals(403, api.post("/api/v1/admin/jobs/health-report/start", "{}", member.token()).status());
        assertEquals(403, api.get("/api/v1/admin/jobs/executions", member.token()).status());
        String staff = Tokens.signed(Tokens.claims("staff-x", "staff", Instant.now(), Instant.now().plusSeconds(600)),
                Tokens.serverKey());
        assertEquals(403, api.post("/api/v1/admin/jobs/appointment-reminders/start", "{}", staff).status());
        assertEquals(401, api.post("/api/v1/admin/jobs/appointment-reminders/start", "{}", null).status());
        Api.Reply list = api.get("/api/v1/admin/jobs/executions", care.adminToken());
        assertEquals(200, list.status(), list.raw());
    }
}
