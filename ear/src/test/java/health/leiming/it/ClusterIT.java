package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two application servers (a on 9080, b on 9180) on one database with an Artemis primary/backup pair, as
 * .ci/cluster starts them from the server package: what one server does, the other sees; a booking, a payment
 * and an event happen once whichever server takes them, also when the primary broker or a server is killed.
 * Run by the cluster profile (./mvnw verify -pl ear -am -Pcluster, on MariaDB or PostgreSQL), not with the
 * single-server suite.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String A = "http://localhost:9080";
    static final String B = "http://localhost:9180";
    private static final String A_OPS = "http://localhost:9081";
    private static final String B_OPS = "http://localhost:9181";

    private static final Path WORK = Path.of(System.getProperty("leiming.it.cluster-work", "target/cluster"));

    private static Care care;

    private final Api api = new Api();
    private final FakeWechatPay wechat = FakeWechatPay.get();

    @BeforeAll
    static void startTheCluster() throws Exception {
        FakeSmsGateway.get();
        FakeWechatPay.get();
        FakeWecomApi.get();
        if (Files.exists(WORK)) { // a fresh pair of keys, servers and broker store for every run
            try (var files = Files.walk(WORK)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        cluster("start");
        care = new Care(new Api());
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        cluster("stop");
    }

    @Test
    @Order(1)
    void aTokenFromOneServerWorksOnTheOtherAndASuspensionStopsTheMemberOnBothWithinTheWindow() {
        Api.Session member = api.login(Api.newPhone()); // on a
        assertEquals(200, api.get(B + "/api/v1/users/me", member.token()).status(), "a's token is good on b");
        Api.Reply refreshed = api.post(B + "/api/v1/auth/refresh", Api.json("refreshToken", member.refreshToken()), null);
        assertEquals(200, refreshed.status(), refreshed.raw());
        String token = refreshed.data().getString("token");
        assertEquals(200, api.get(A + "/api/v1/users/me", token).status(), "and b's on a");
        assertEquals(200, api.get(B + "/api/v1/users/me", token).status(), "b has just seen the member active");

        long suspended = System.nanoTime();
        assertEquals(200, api.post(A + "/api/v1/admin/members/" + member.memberId() + "/suspend", "", care.adminToken())
                .status());
        assertEquals(403, api.get(A + "/api/v1/users/me", token).status(), "at once on the server that suspended");
        Api.Reply onB = api.await(B + "/api/v1/users/me", token, r -> r.status() == 403, Duration.ofSeconds(25));
        double seconds = (System.nanoTime() - suspended) / 1e9;
        assertEquals(403, onB.status(), onB.raw());
        assertEquals("ACCOUNT_DISABLED", onB.errorCode());
        assertTrue(seconds <= 11.5, "on the other server within leiming.member.status-cache (10 s): took " + seconds + " s");
        assertEquals(401, api.post(B + "/api/v1/auth/refresh", Api.json("refreshToken", refreshed.data()
                .getString("refreshToken")), null).status(), "and no server renews their session");
    }

    @Test
    @Order(2)
    void aHundredConcurrentBookingsOverBothServersForThreePlacesMakeExactlyThreeOrders() throws Exception {
        String serviceId = care.service("陪诊" + System.nanoTime(), "199.00", 60).getString("id");
        for (String name : List.of("甲", "乙", "丙")) {
            care.staff(name, serviceId);
        }
        List<Api.Session> members = Collections.synchronizedList(new ArrayList<>());
        parallel(20, 100, i -> members.add(api.login(Api.newPhone())));
        String body = Care.booking(serviceId, Care.slot(16), null);
        HttpClient fresh = Api.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(members.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < members.size(); i++) {
                Api.Session member = members.get(i);
                String server = i % 2 == 0 ? A : B;
                Api device = new Api(fresh);
                replies.add(pool.submit(() -> {
                    start.await();
                    return device.post(server + "/api/v1/appointments", body, member.token());
                }));
            }
            start.countDown();
            int booked = 0;
            for (Future<Api.Reply> future : replies) {
                Api.Reply reply = future.get();
                if (reply.status() == 200) {
                    booked++;
                } else {
                    assertEquals(409, reply.status(), reply.raw());
                    assertTrue(List.of("SLOT_FULL", "SLOT_BUSY").contains(reply.errorCode()), reply.raw());
                }
            }
            assertEquals(3, booked, "exactly as many bookings as places");
        } finally {
            pool.shutdownNow();
        }
        long orders = members.stream().mapToLong(m -> new Api().get(B + "/api/v1/orders", m.token()).data().getInt("total"))
                .sum();
        assertEquals(3, orders, "and exactly as many orders");
    }

    @Test
    @Order(3)
    void aPaymentNotificationDeliveredToBothServersPaysOnce() throws Exception {
        Booked booked = book(A, 9);
        assertEquals(200, api.post(B + "/api/v1/orders/" + booked.orderId() + "/pay", Api.json("openid", "o-cluster"),
                booked.member().token()).status(), "prepaid on the other server");
        String transactionId = "4200000019" + System.nanoTime();
        assertTrue(wechat.markPaid(booked.orderNo(), transactionId, 19900));
        String notification = FakeWechatPay.notificationBody("TRANSACTION.SUCCESS",
                FakeWechatPay.transaction(booked.orderNo(), 19900, transactionId));
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        parallel(8, 8, i -> statuses.add(wechat.notify(i % 2 == 0 ? A : B, notification, Instant.now().getEpochSecond(), null)
                .status()));
        assertEquals(Collections.nCopies(8, 200), statuses, "WeChat Pay is told yes by each server, each time");

        JsonObject order = api.get(A + "/api/v1/orders/" + booked.orderId(), booked.member().token()).data();
        assertEquals("paid", order.getJsonObject("order").getString("status"));
        assertEquals(2, order.getJsonArray("history").size(), "placed and paid, once: " + order);
        assertFalse(order.containsKey("refund"), "nothing refunded");
        assertEquals(1, count("select count(*) from payments where order_id = ? and transaction_id is not null",
                booked.orderId()), "one payment");
        awaitMessages(booked.member(), booked.orderNo() + "已支付成功", 1);
    }

    @Test
    @Order(4)
    void aMemberOnOneServerAndTheCompanionOnTheOtherChatInRealTime() throws Exception {
        String serviceId = care.service("陪诊" + System.nanoTime(), "199.00", 60).getString("id");
        String staffId = care.staffInWecom("钱护工", "cluster-" + System.nanoTime(), serviceId).getString("id");
        Booked booked = paid(serviceId, 10);
        String staffToken = Tokens.signed(Tokens.claims(staffId, "staff", Instant.now(), Instant.now().plus(1, ChronoUnit.HOURS)),
                Tokens.pem(WORK.resolve("keys/jwt-private.pem")));
        ChatIT.Client member = ChatIT.Client.connectTo("ws://localhost:9080", booked.orderId(),
                Map.of("Authorization", "Bearer " + booked.member().token()));
        ChatIT.Client staff = ChatIT.Client.connectTo("ws://localhost:9180", booked.orderId(),
                Map.of("Authorization", "Bearer " + staffToken));
        try {
            member.say("我在一楼挂号处");
            assertEquals("我在一楼挂号处", staff.nextFrom("member").getString("content"), "from a to b");
            staff.say("好的，马上到");
            assertEquals("好的，马上到", member.nextFrom("staff").getString("content"), "from b to a");
        } finally {
            member.close();
            staff.close();
        }
        assertEquals(2, api.get(B + "/api/v1/orders/" + booked.orderId() + "/chat", booked.member().token()).data()
                .getInt("total"), "each message kept once");
    }

    /**
     * The primary broker is killed while members record 1,000 dangerous readings through both servers, and
     * started again while they go on: every request succeeds, and every reading's risk alert reaches its member
     * exactly once, through the backup and then the primary again, with no server restarted.
     */
    @Test
    @Order(5)
    void killingThePrimaryBrokerDuringAThousandWritesLosesAndRepeatsNoEvent() throws Exception {
        int members = 10;
        int each = 100;
        List<Api.Session> sessions = Collections.synchronizedList(new ArrayList<>());
        parallel(members, members, i -> sessions.add(api.login(Api.newPhone())));
        for (Api.Session member : sessions) {
            awaitMessages(member, null, 1); // the welcome
        }
        AtomicInteger written = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ExecutorService writers = Executors.newFixedThreadPool(members);
        List<Future<?>> done = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            Api.Session member = sessions.get(m);
            Api device = new Api();
            done.add(writers.submit(() -> {
                for (int i = 0; i < each; i++) {
                    String server = i % 2 == 0 ? A : B;
                    Api.Reply reply = device.post(server + "/api/v1/health/records",
                            HealthRecordIT.bloodPressure(185, 112, base.minusSeconds(60L * i + 1)), member.token());
                    if (reply.status() != 200) {
                        failures.add(server + " " + reply.status() + " " + reply.raw());
                    }
                    written.incrementAndGet();
                }
            }));
        }
        awaitCount(written, 250);
        cluster("kill", "primary");
        awaitMetric(B_OPS, "leiming_broker_up{broker=\"backup\"", 1.0);
        awaitMetric(A_OPS, "leiming_broker_up{broker=\"primary\"", 0.0);
        awaitCount(written, 700);
        cluster("up", "primary"); // fail-back: the backup gives the store back and waits again
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        writers.shutdown();
        assertEquals(List.of(), failures, "every write succeeded");
        assertEquals(members * each, written.get());
        awaitMetric(A_OPS, "leiming_broker_up{broker=\"primary\"", 1.0);
        awaitMetric(B_OPS, "leiming_broker_up{broker=\"backup\"", 0.0);

        for (Api.Session member : sessions) {
            awaitMessages(member, null, 1 + each); // the welcome and one alert per reading
        }
        FakeSmsGateway.sleep(5000);
        for (Api.Session member : sessions) {
            assertEquals(1 + each, messages(member).getInt("total"), "every alert exactly once");
        }
        assertEquals(0, count("select count(*) from outbox_events where published_at is null"), "the outbox is empty");
    }

    /**
     * Server a is killed (SIGKILL) while members book and pay through both servers; their phones and WeChat
     * Pay try the other server when one does not answer. Every member ends with exactly one order, paid once,
     * told once; a comes back and the cluster goes on.
     */
    @Test
    @Order(6)
    void killingAServerDuringBookingsAndPaymentsLosesAndRepeatsNothing() throws Exception {
        String serviceId = care.service("陪诊" + System.nanoTime(), "199.00", 60).getString("id");
        for (int i = 0; i < 8; i++) {
            care.staff("护工" + i, serviceId);
        }
        int members = 40;
        List<Api.Session> sessions = Collections.synchronizedList(new ArrayList<>());
        parallel(20, members, i -> sessions.add(api.login(Api.newPhone())));
        AtomicInteger started = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(members);
        List<Future<Booked>> flows = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            Api.Session member = sessions.get(i);
            int hour = 8 + i % 10;
            boolean onA = i % 2 == 0;
            flows.add(pool.submit(() -> {
                FakeSmsGateway.sleep(50L * started.incrementAndGet()); // a stream, not one burst
                return bookAndPay(member, serviceId, hour, onA);
            }));
        }
        awaitCount(started, members / 3);
        cluster("kill", "a");
        List<Booked> paid = new ArrayList<>();
        for (Future<Booked> flow : flows) {
            paid.add(flow.get(3, TimeUnit.MINUTES));
        }
        pool.shutdown();
        cluster("up", "a");

        for (Booked booked : paid) {
            Api phone = new Api(); // each member's own phone: the rate limits count per client address
            JsonObject orders = phone.get(A + "/api/v1/orders", booked.member().token()).data();
            assertEquals(1, orders.getInt("total"), "one order for one booking: " + orders);
            JsonObject order = phone.get(B + "/api/v1/orders/" + booked.orderId(), booked.member().token()).data();
            assertEquals("paid", order.getJsonObject("order").getString("status"), order.toString());
            assertEquals(2, order.getJsonArray("history").size(), "placed and paid, once: " + order);
            assertEquals(1, count("select count(*) from payments where order_id = ? and transaction_id is not null",
                    booked.orderId()));
        }
        for (Booked booked : paid) {
            awaitMessages(booked.member(), booked.orderNo() + "已提交", 1);
            awaitMessages(booked.member(), booked.orderNo() + "已支付成功", 1);
        }
        assertEquals(0, count("select count(*) from outbox_events where published_at is null"), "no event left behind");
    }

    /**
     * Scheduled runs across the servers: every reminders run (each minute here) was claimed once and started
     * once. A report run is started on a; a is killed in its middle; b sees a's beat stop and takes the run
     * over; every person gets their report, and its message, once.
     */
    @Test
    @Order(7)
    void aScheduledRunIsDoneOnceAcrossTheServersAlsoWhenItsServerDiesInTheMiddle() throws Exception {
        long claims = count("select count(*) from job_schedule_claims where job_name = 'reminders'");
        assertTrue(claims >= 1, "reminders run every minute here: " + claims + " runs");
        assertEquals(claims, count("select count(distinct execution_id) from job_schedule_claims where job_name = 'reminders'"));
        long executions = api.get(B + "/api/v1/admin/jobs/executions?job=appointment-reminders&limit=500", care.adminToken())
                .dataArray().size();
        assertTrue(executions >= claims && executions <= claims + 1, "each run started once (one may be starting now): "
                + executions + " executions for " + claims + " runs");

        // 40 people with a reading last week: last week's report run has 40 reports to make, a second each.
        int people = 40;
        Instant lastWeek = LocalDate.now(Care.SHANGHAI).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusDays(5).atTime(12, 0).atZone(Care.SHANGHAI).toInstant();
        parallel(10, people, i -> {
            Api.Session member = api.login(Api.newPhone());
            Api.Reply recorded = api.post((i % 2 == 0 ? A : B) + "/api/v1/health/records",
                    HealthRecordIT.bloodPressure(118, 76, lastWeek), member.token());
            assertEquals(200, recorded.status(), recorded.raw());
        });

        Instant fireTime = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Api.Reply started = api.post(A + "/api/v1/admin/jobs/schedules/weekly-report/runs?fireTime=" + fireTime, "",
                care.adminToken());
        assertEquals(200, started.status(), started.raw());
        long first = started.data().getJsonNumber("executionId").longValue();
        FakeSmsGateway.sleep(3000); // people are being reported on, a pause after each (the cluster's setting)
        assertEquals("STARTED", api.get(A + "/api/v1/admin/jobs/executions/" + first, care.adminToken()).data()
                .getString("status"), "the run is under way on a");
        cluster("kill", "a");

        long[] takenOver = new long[1];
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            long execution = count("select execution_id from job_schedule_claims where job_name = 'weekly-report'");
            if (execution != first && "COMPLETED".equals(api.get(B + "/api/v1/admin/jobs/executions/" + execution,
                    care.adminToken()).data().getString("status"))) {
                takenOver[0] = execution;
                break;
            }
            FakeSmsGateway.sleep(1000);
        }
        assertTrue(takenOver[0] != 0, "b took the run over and completed it");
        cluster("up", "a");

        long reports = count("select count(*) from health_reports where period_type = 'week'");
        assertEquals(people, reports, "every person with readings last week has their weekly report");
        assertEquals(reports, count("select count(distinct person_id) from health_reports where period_type = 'week'"),
                "one each");
        assertEquals(reports, count("select count(*) from outbox_events where event_type = 'health.report-ready'"),
                "and each was announced once");
        Api.Reply interrupted = api.await(B + "/api/v1/admin/jobs/executions/" + first, care.adminToken(),
                r -> "FAILED".equals(r.data().getString("status")), Duration.ofSeconds(60));
        assertEquals("FAILED", interrupted.data().getString("status"), "a, back, marks its interrupted execution failed");
        FakeSmsGateway.sleep(6000); // a scheduler tick on each server
        assertEquals(2, api.get(B + "/api/v1/admin/jobs/executions?job=health-report", care.adminToken()).dataArray().size(),
                "and it is not run again: the interrupted execution and the one that finished the run");
        assertEquals(takenOver[0], count("select execution_id from job_schedule_claims where job_name = 'weekly-report'"));
    }

    /** Books and pays as a phone and WeChat Pay do: a server that does not answer is replaced by the other. */
    private Booked bookAndPay(Api.Session member, String serviceId, int hour, boolean onA) {
        Api device = new Api(Api.newHttpClient());
        Api.Reply booked = retried(onA, server -> device.post(server + "/api/v1/appointments",
                Care.booking(serviceId, Care.slot(hour), null), member.token()));
        String orderId;
        String orderNo;
        if (booked.status() == 200) {
            orderId = booked.data().getString("orderId");
            orderNo = booked.data().getString("orderNo");
        } else {
            // The first attempt was taken before its server died; the member finds it in their orders.
            assertEquals("BOOKING_DUPLICATE", booked.errorCode(), booked.raw());
            JsonObject first = device.get(B + "/api/v1/orders", member.token()).data().getJsonArray("items").getJsonObject(0);
            orderId = first.getString("id");
            orderNo = first.getString("orderNo");
        }
        Api.Reply prepaid = retried(!onA, server -> device.post(server + "/api/v1/orders/" + orderId + "/pay",
                Api.json("openid", "o-cluster"), member.token()));
        assertEquals(200, prepaid.status(), prepaid.raw());
        String transactionId = "4200000020" + System.nanoTime();
        assertTrue(wechat.markPaid(orderNo, transactionId, 19900));
        String notification = FakeWechatPay.notificationBody("TRANSACTION.SUCCESS",
                FakeWechatPay.transaction(orderNo, 19900, transactionId));
        Api.Reply told = retried(onA, server -> wechat.notify(server, notification, Instant.now().getEpochSecond(), null));
        assertEquals(200, told.status(), told.raw());
        return new Booked(member, orderId, orderNo);
    }

    /** The request on one server, then on the other while the first does not answer (a load balancer's retry). */
    private static Api.Reply retried(boolean onA, java.util.function.Function<String, Api.Reply> request) {
        String server = onA ? A : B;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                Api.Reply reply = request.apply(server);
                if (reply.status() != 502 && reply.status() != 503) {
                    return reply;
                }
            } catch (IllegalStateException e) {
                // connection refused or reset: the server is gone
            }
            server = server.equals(A) ? B : A;
            FakeSmsGateway.sleep(200);
        }
        throw new AssertionError("Neither server answered");
    }

    private record Booked(Api.Session member, String orderId, String orderNo) {
    }

    private Booked book(String server, int hour) {
        String serviceId = care.service("陪诊" + System.nanoTime(), "199.00", 60).getString("id");
        care.staff("孙护工", serviceId);
        Api.Session member = api.login(Api.newPhone());
        Api.Reply booked = api.post(server + "/api/v1/appointments", Care.booking(serviceId, Care.slot(hour), null),
                member.token());
        assertEquals(200, booked.status(), booked.raw());
        return new Booked(member, booked.data().getString("orderId"), booked.data().getString("orderNo"));
    }

    private Booked paid(String serviceId, int hour) {
        Api.Session member = api.login(Api.newPhone());
        Api.Reply booked = api.post(A + "/api/v1/appointments", Care.booking(serviceId, Care.slot(hour), null), member.token());
        assertEquals(200, booked.status(), booked.raw());
        String orderId = booked.data().getString("orderId");
        String orderNo = booked.data().getString("orderNo");
        assertEquals(200, api.post(B + "/api/v1/orders/" + orderId + "/pay", Api.json("openid", "o-cluster"), member.token())
                .status());
        assertEquals(200, wechat.notify(A, FakeWechatPay.notificationBody("TRANSACTION.SUCCESS",
                FakeWechatPay.transaction(orderNo, 19900, "4200000021" + System.nanoTime())), Instant.now().getEpochSecond(),
                null).status());
        return new Booked(member, orderId, orderNo);
    }

    /** The member's messages, read from their own phone (the rate limits count per client address). */
    private static JsonObject messages(Api.Session member) {
        return new Api().get(A + "/api/v1/messages?size=200", member.token()).data();
    }

    /** Waits until the member has count messages (containing text, when given) and checks there are no more. */
    private void awaitMessages(Api.Session member, String text, int count) {
        Supplier<Long> matching = () -> text == null ? (long) messages(member).getInt("total")
                : messages(member).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .filter(m -> m.getString("content", "").contains(text)).count();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (matching.get() < count && System.nanoTime() < deadline) {
            FakeSmsGateway.sleep(500);
        }
        assertEquals(count, (long) matching.get(), "messages" + (text == null ? "" : " with " + text));
    }

    private void awaitMetric(String ops, String series, double value) {
        Api.Reply metrics = api.await(ops + "/metrics", null, r -> value(r.raw(), series) == value, Duration.ofSeconds(30));
        assertEquals(value, value(metrics.raw(), series), series + " at " + ops);
    }

    private static double value(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series)).mapToDouble(l -> Double.parseDouble(l.substring(
                l.lastIndexOf(' ') + 1))).findFirst().orElse(Double.NaN);
    }

    private static void awaitCount(AtomicInteger counter, int atLeast) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (counter.get() < atLeast && System.nanoTime() < deadline) {
            FakeSmsGateway.sleep(50);
        }
        assertTrue(counter.get() >= atLeast, "only " + counter.get() + " of " + atLeast);
    }

    interface Step {
        void run(int i) throws Exception;
    }

    private static void parallel(int threads, int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    step.run(n);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(3, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(String sql, String... parameters) throws SQLException {
        try (Connection c = DriverManager.getConnection(System.getProperty("leiming.it.db-url"),
                System.getProperty("leiming.it.db-user"), System.getProperty("leiming.it.db-password"));
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static void cluster(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", System.getProperty("leiming.it.cluster-script"),
                arguments[0], WORK.toString()));
        command.addAll(List.of(arguments).subList(1, arguments.length));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        // Figures every second, so that the test sees a failover in the metrics within seconds.
        builder.environment().put("LEIMING_METRICS_GAUGE_INTERVAL", "PT1S");
        // A run whose server stops beating is taken over after 15 s; report runs pause after each person, so
        // that a server can be killed in the middle of one.
        builder.environment().put("LEIMING_BATCH_TAKEOVER_AFTER", "PT15S");
        builder.environment().put("LEIMING_BATCH_REPORT_ITEM_DELAY", "PT1S");
        Process process = builder.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0, "cluster " + command + " failed");
    }
}
