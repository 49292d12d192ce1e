package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paying through the fake WeChat Pay: prepay, notifications (repeated, forged, lost), refunds, and what the
 * server asks WeChat Pay when a notification is overdue.
 */
class PaymentIT extends DeployedEar {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Api api = new Api();
    private final Care care = new Care(api);
    private final FakeWechatPay wechat = FakeWechatPay.get();

    private record Booked(Api.Session member, String orderId, String orderNo) {
    }

    private Booked book(String price, int hour) {
        String serviceId = care.service("陪诊" + System.nanoTime(), price, 60).getString("id");
        care.staff("甲", serviceId);
        Api.Session member = api.login(Api.newPhone());
        Api.Reply booked = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(hour), null), member.token());
        assertEquals(200, booked.status(), booked.raw());
        return new Booked(member, booked.data().getString("orderId"), booked.data().getString("orderNo"));
    }

    private JsonObject order(Booked booked) {
        return api.get("/api/v1/orders/" + booked.orderId(), booked.member().token()).data();
    }

    private JsonObject pay(Booked booked) {
        Api.Reply paid = api.post("/api/v1/orders/" + booked.orderId() + "/pay", Api.json("openid", "o-test-openid"),
                booked.member().token());
        assertEquals(200, paid.status(), paid.raw());
        return paid.data();
    }

    /** WeChat Pay takes the money (when it is the order's amount) and tells the server. */
    private Api.Reply notifyPaid(Booked booked, long fen, String transactionId) {
        wechat.markPaid(booked.orderNo(), transactionId, fen);
        return wechat.notify(FakeWechatPay.notificationBody("TRANSACTION.SUCCESS",
                FakeWechatPay.transaction(booked.orderNo(), fen, transactionId)));
    }

    @Test
    void anOrderIsPaidOnceThroughWechatPayEvenWhenNotifiedTwice() {
        Booked booked = book("299.00", 9);
        JsonObject params = pay(booked);
        assertEquals(FakeWechatPay.APP_ID, params.getString("appId"));
        assertEquals("RSA", params.getString("signType"));
        assertTrue(params.getString("package").startsWith("prepay_id=wx"), params.toString());
        assertTrue(wechat.verifyMerchant(FakeWechatPay.message(params.getString("appId"), params.getString("timeStamp"),
                params.getString("nonceStr"), params.getString("package")), params.getString("paySign")),
                "paySign is the merchant's signature of what wx.requestPayment checks");
        JsonObject prepay = wechat.prepays.get(booked.orderNo()).get(0);
        assertEquals(29900, prepay.getJsonObject("amount").getInt("total"), "the catalog price, in fen");
        assertEquals("o-test-openid", prepay.getJsonObject("payer").getString("openid"));
        assertEquals(FakeWechatPay.MCH_ID, prepay.getString("mchid"));
        assertEquals(params.getString("package"), "prepay_id=" + pay(booked).getString("package").substring(10),
                "paying again within the prepay's life reuses it");
        assertEquals(1, wechat.prepays.get(booked.orderNo()).size());

        String transactionId = "4200000001" + System.nanoTime();
        assertTrue(wechat.markPaid(booked.orderNo(), transactionId, 29900));
        String notification = FakeWechatPay.notificationBody("TRANSACTION.SUCCESS", FakeWechatPay.transaction(
                booked.orderNo(), 29900, transactionId));
        List<Api.Reply> atOnce = Crowd.atOnce(Crowd.SIZE, (client, i) -> wechat.notify(notification));
        atOnce.forEach(reply -> assertEquals(200, reply.status(), "WeChat Pay is told yes each time: " + reply.raw()));
        Api.Reply first = atOnce.get(0);
        assertEquals("SUCCESS", first.body().getString("code"));
        JsonObject order = order(booked);
        assertEquals("paid", order.getJsonObject("order").getString("status"));
        assertNotNull(order.getJsonObject("order").getString("paidAt"));
        assertEquals(2, order.getJsonArray("history").size());

        Api.Reply again = wechat.notify(notification);
        Api.Reply third = wechat.notify(notification);
        assertEquals(200, again.status());
        assertEquals(200, third.status(), "a repeated notification still answers success");
        assertEquals(2, order(booked).getJsonArray("history").size(), "and changes nothing");
        assertFalse(order(booked).containsKey("refund"), "nothing is refunded for it either");

        Api.Reply payAgain = api.post("/api/v1/orders/" + booked.orderId() + "/pay", "{}", booked.member().token());
        assertEquals(409, payAgain.status());
        assertEquals("ORDER_NOT_PAYABLE", payAgain.body().getString("errorCode"));
        Api.Session other = api.login(Api.newPhone());
        assertEquals(404, api.post("/api/v1/orders/" + booked.orderId() + "/pay", "{}", other.token()).status());
    }

    @Test
    void forgedTamperedStaleOrWrongAmountNotificationsChangeNothing() {
        Booked booked = book("99.00", 10);
        pay(booked);
        String body = FakeWechatPay.notificationBody("TRANSACTION.SUCCESS",
                FakeWechatPay.transaction(booked.orderNo(), 9900, "4200000003" + System.nanoTime()));
        long now = Instant.now().getEpochSecond();

        Api.Reply forged = wechat.notify(body, now, wechat.sign("something else"));
        assertEquals(401, forged.status());
        assertEquals("FAIL", forged.body().getString("code"));
        Api.Reply unsigned = wechat.notify(body, now, "");
        assertEquals(401, unsigned.status());
        String tampered = body.replace("\"ciphertext\":\"", "\"ciphertext\":\"AAAA");
        assertEquals(401, wechat.notify(tampered, now, wechat.sign(FakeWechatPay.message(Long.toString(now), "n", tampered)))
                .status(), "signed over other headers");
        assertEquals(401, wechat.notify(body, now - 3600, null).status(), "an hour-old notification is stale");
        Api.Reply cheap = notifyPaid(booked, 1, "4200000004" + System.nanoTime());
        assertEquals(400, cheap.status(), "one fen does not pay a 99 yuan order");

        assertEquals("pending", order(booked).getJsonObject("order").getString("status"));
        assertEquals(1, order(booked).getJsonArray("history").size());
    }

    @Test
    void cancellingAPaidOrderRefundsItThroughWechatPay() {
        Booked booked = book("299.00", 11);
        pay(booked);
        assertEquals(200, notifyPaid(booked, 29900, "4200000005" + System.nanoTime()).status());

        Api.Reply cancelled = api.post("/api/v1/orders/" + booked.orderId() + "/cancel", Api.json("reason", "临时有事"),
                booked.member().token());
        assertEquals(200, cancelled.status(), cancelled.raw());
        assertEquals(299.00, cancelled.data().getJsonObject("order").getJsonNumber("refundAmount").doubleValue(), 0.001,
                "more than a day ahead: everything comes back");
        String refundNo = "RF" + booked.orderNo();
        assertTrue(awaitRefundRequest(refundNo), "the refund reaches WeChat Pay after the cancel commits");
        JsonObject request = wechat.refunds.get(refundNo).get(0);
        assertEquals(29900, request.getJsonObject("amount").getInt("refund"));
        assertEquals(booked.orderNo(), request.getString("out_trade_no"));

        String done = FakeWechatPay.notificationBody("REFUND.SUCCESS",
                FakeWechatPay.refundResult(booked.orderNo(), refundNo, 29900, 29900));
        assertEquals(200, wechat.notify(done).status());
        assertEquals(200, wechat.notify(done).status());
        JsonObject order = order(booked);
        assertEquals("succeeded", order.getJsonObject("refund").getString("status"), order.toString());
        assertEquals("cancelled", order.getJsonObject("order").getString("status"));
    }

    @Test
    void aPaymentArrivingForACancelledOrderIsRefundedInFull() {
        Booked booked = book("59.00", 13);
        pay(booked);
        assertEquals(200, api.post("/api/v1/orders/" + booked.orderId() + "/cancel", "{}", booked.member().token())
                .status());
        Api.Reply late = notifyPaid(booked, 5900, "4200000006" + System.nanoTime());
        assertEquals(200, late.status(), late.raw());
        assertTrue(awaitRefundRequest("RF" + booked.orderNo()));
        assertEquals(5900, wechat.refunds.get("RF" + booked.orderNo()).get(0).getJsonObject("amount").getInt("refund"));
        JsonObject order = order(booked);
        assertEquals("cancelled", order.getJsonObject("order").getString("status"));
        assertEquals(59.00, order.getJsonObject("refund").getJsonNumber("amount").doubleValue(), 0.001);
    }

    @Test
    void aRefundWechatPayCannotTakeIsSubmittedAgainLater() {
        Booked booked = book("199.00", 15);
        pay(booked);
        assertEquals(200, notifyPaid(booked, 19900, "4200000007" + System.nanoTime()).status());
        String refundNo = "RF" + booked.orderNo();
        wechat.refusing = true;
        try {
            assertEquals(200, api.post("/api/v1/orders/" + booked.orderId() + "/cancel", "{}", booked.member().token())
                    .status(), "a WeChat Pay outage does not fail the member's cancel");
            FakeSmsGateway.sleep(2500);
            assertEquals("requested", order(booked).getJsonObject("refund").getString("status"));
            assertFalse(wechat.refunds.containsKey(refundNo));
        } finally {
            wechat.refusing = false;
        }
        assertTrue(awaitRefundRequest(refundNo), "the sweep submits it once WeChat Pay is back");
        Api.Reply order = api.await("/api/v1/orders/" + booked.orderId(), booked.member().token(),
                r -> "submitted".equals(r.data().getJsonObject("refund").getString("status")), Duration.ofSeconds(10));
        assertEquals("submitted", order.data().getJsonObject("refund").getString("status"));
        assertTrue(wechat.rejectedSignatures.isEmpty(), "every request the server made was properly signed: "
                + wechat.rejectedSignatures);
    }

    @Test
    void aPaymentWhoseNotificationIsLostIsFoundBeforeTheOrderIsCancelled() {
        Booked booked = book("88.00", 14);
        pay(booked);
        assertTrue(wechat.pay(booked.orderNo(), false), "the member pays; WeChat Pay's notification never arrives");

        JsonObject order = awaitStatus(booked, "paid");
        assertEquals("paid", order.getJsonObject("order").getString("status"), "the sweep asked WeChat Pay before"
                + " cancelling, and kept the order: " + order);
        assertTrue(wechat.queries.contains(booked.orderNo()));
        FakeSmsGateway.sleep(3000); // well past the 8 s window, a few more sweeps
        order = order(booked);
        assertEquals("paid", order.getJsonObject("order").getString("status"));
        assertEquals("scheduled", order.getJsonObject("appointment").getString("appointmentStatus"),
                "the member's booking stands: " + order);
        assertFalse(order.containsKey("refund"), "nothing is refunded");
        assertFalse(wechat.closes.contains(booked.orderNo()), "a paid transaction is not closed");

        Api.Reply late = notifyPaid(booked, 8800, wechat.trades.get(booked.orderNo()).transactionId);
        assertEquals(200, late.status(), "the notification arriving at last is acknowledged: " + late.raw());
        assertEquals(order.getJsonArray("history"), order(booked).getJsonArray("history"), "and changes nothing");
    }

    @Test
    void anOrderLeftUnpaidIsClosedAtWechatPayAndCancelledOnce() {
        Booked booked = book("66.00", 16);
        pay(booked);

        JsonObject order = awaitStatus(booked, "cancelled");
        assertEquals("cancelled", order.getJsonObject("order").getString("status"), order.toString());
        assertEquals("CLOSED", wechat.trades.get(booked.orderNo()).state, "closed at WeChat Pay before cancelling");
        assertFalse(wechat.pay(booked.orderNo(), true), "WeChat Pay takes no money for a closed transaction");
        FakeSmsGateway.sleep(2500);
        JsonArray history = order(booked).getJsonArray("history");
        assertEquals(1, history.stream().map(JsonValue::asJsonObject)
                .filter(step -> "cancelled".equals(step.getString("to"))).count(), "cancelled once: " + history);
        assertEquals(1, wechat.closes.stream().filter(booked.orderNo()::equals).count(), "closed once");
        assertFalse(order(booked).containsKey("refund"));
    }

    @Test
    void whileWechatPayCannotBeAskedTheOrderKeepsItsPlaceAndAPaymentMadeMeanwhileStands() {
        Booked booked = book("77.00", 10);
        pay(booked);
        wechat.refusing = true;
        try {
            assertTrue(wechat.pay(booked.orderNo(), false), "paid at WeChat Pay; we hear nothing");
            FakeSmsGateway.sleep(12_000); // past the 8 s window, WeChat Pay answering errors to every question
            assertEquals("pending", order(booked).getJsonObject("order").getString("status"),
                    "not cancelled while WeChat Pay cannot say whether it was paid");
        } finally {
            wechat.refusing = false;
        }
        JsonObject order = awaitStatus(booked, "paid");
        assertEquals("paid", order.getJsonObject("order").getString("status"), order.toString());
        assertFalse(order.containsKey("refund"));
    }

    @Test
    void aRefundWhoseNotificationIsLostCompletesThroughTheQuery() {
        Booked booked = book("120.00", 11);
        pay(booked);
        assertTrue(wechat.pay(booked.orderNo(), true));
        assertEquals("paid", awaitStatus(booked, "paid").getJsonObject("order").getString("status"));
        assertEquals(200, api.post("/api/v1/orders/" + booked.orderId() + "/cancel", "{}", booked.member().token())
                .status());
        String refundNo = "RF" + booked.orderNo();
        assertTrue(awaitRefundRequest(refundNo));
        wechat.completeRefund(refundNo); // the money goes back; the notification is lost

        Api.Reply refunded = api.await("/api/v1/orders/" + booked.orderId(), booked.member().token(),
                r -> "succeeded".equals(r.data().getJsonObject("refund").getString("status")), Duration.ofSeconds(20));
        assertEquals("succeeded", refunded.data().getJsonObject("refund").getString("status"), refunded.raw());
        assertTrue(wechat.queries.contains(refundNo), "found by asking WeChat Pay");
    }

    @Test
    void aDayWhoseBooksMatchTheBillHasNoDifference() throws SQLException {
        LocalDate day = freeBillDay();
        Booked booked = book("50.00", 8);
        pay(booked);
        assertTrue(wechat.pay(booked.orderNo(), true));
        awaitStatus(booked, "paid");
        moveTo(day, "update payments set paid_at = ? where out_trade_no = ?", booked.orderNo());
        wechat.billPaid(day, booked.orderNo(), 5000, wechat.trades.get(booked.orderNo()).transactionId);

        JsonObject report = reconcile(day);
        assertEquals(0, report.getJsonObject("day").getInt("differencesFound"), report.toString());
        assertEquals(1, report.getJsonObject("day").getInt("matched"));
        assertEquals(5000, report.getJsonObject("day").getJsonNumber("billPaidFen").longValue());
        assertEquals(0, report.getJsonArray("differences").size());
    }

    @Test
    void aDayWithAMissedPaymentAnAmountMismatchAndAStaleRefundStateReportsExactlyThoseAndSettlesTwo()
            throws SQLException {
        LocalDate day = freeBillDay();
        // Paid at WeChat Pay in the last moment, after the member had cancelled; the notification was lost.
        Booked missed = book("61.00", 8);
        pay(missed);
        moveTo(day, "update payments set created_at = ? where out_trade_no = ?", missed.orderNo());
        assertTrue(wechat.pay(missed.orderNo(), false));
        assertEquals(200, api.post("/api/v1/orders/" + missed.orderId() + "/cancel", "{}", missed.member().token())
                .status());
        wechat.billPaid(day, missed.orderNo(), 6100, wechat.trades.get(missed.orderNo()).transactionId);
        // Paid with us for 62 yuan; the bill says 60.
        Booked dear = book("62.00", 9);
        pay(dear);
        assertTrue(wechat.pay(dear.orderNo(), true));
        awaitStatus(dear, "paid");
        moveTo(day, "update payments set paid_at = ? where out_trade_no = ?", dear.orderNo());
        wechat.billPaid(day, dear.orderNo(), 6000, wechat.trades.get(dear.orderNo()).transactionId);
        // A refund the bill lists as processing (the bill was made before it finished); it has succeeded since.
        Booked refunded = book("63.00", 10);
        pay(refunded);
        assertTrue(wechat.pay(refunded.orderNo(), true));
        awaitStatus(refunded, "paid");
        assertEquals(200, api.post("/api/v1/orders/" + refunded.orderId() + "/cancel", "{}",
                refunded.member().token()).status());
        String refundNo = "RF" + refunded.orderNo();
        assertTrue(awaitRefundRequest(refundNo));
        wechat.completeRefund(refundNo);
        assertEquals(200, wechat.notify(FakeWechatPay.notificationBody("REFUND.SUCCESS",
                FakeWechatPay.refundResult(refunded.orderNo(), refundNo, 6300, 6300))).status());
        wechat.billRefund(day, refunded.orderNo(), refundNo, 6300, "PROCESSING");

        JsonObject report = reconcile(day);
        assertEquals(List.of("AMOUNT_DIFFERS " + dear.orderNo() + " open",
                "PAID_ONLY_AT_WECHAT " + missed.orderNo() + " settled",
                "REFUND_STATE_DIFFERS " + refunded.orderNo() + " settled"), differences(report), report.toString());
        assertEquals(1, report.getJsonObject("day").getInt("differencesOpen"));
        assertEquals(0, report.getJsonObject("day").getInt("matched"));
        JsonObject settledPayment = order(missed);
        assertEquals(61.00, settledPayment.getJsonObject("refund").getJsonNumber("amount").doubleValue(), 0.001,
                "the payment found for the cancelled order goes back in full: " + settledPayment);
        String metrics = api.get(Api.OPS + "/metrics?scope=application", null).raw();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("payment_reconciliation_open")
                && !line.endsWith(" 0.0")), "the open difference raises the alert metric: " + metrics);

        FakeWecomApi finance = FakeWecomApi.get();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (finance.textsTo("it-finance").stream().noneMatch(text -> text.contains(day.toString()))
                && System.nanoTime() < deadline) {
            FakeSmsGateway.sleep(300);
        }
        assertTrue(finance.textsTo("it-finance").stream().anyMatch(text -> text.contains(day + " 的微信支付对账有 1 项差异")),
                "finance is told in WeCom: " + finance.textsTo("it-finance"));

        JsonObject again = reconcile(day);
        assertEquals(differences(report), differences(again), "running the day again gives the same report");
        assertEquals(report.getJsonObject("day").getInt("matched"), again.getJsonObject("day").getInt("matched"));
        assertEquals(2, again.getJsonObject("day").getInt("runs"));
        Api.Reply days = api.get("/api/v1/admin/reconciliations", care.adminToken());
        assertTrue(days.data().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(d -> day.toString().equals(d.getString("billDate")) && d.getInt("differencesOpen") == 1),
                days.raw());
        Api.Session member = api.login(Api.newPhone());
        assertEquals(403, api.get("/api/v1/admin/reconciliations/" + day, member.token()).status(), "admins only");
    }

    @Test
    void aBillThatDoesNotMatchItsHashIsNotReconciled() {
        LocalDate day = freeBillDay();
        wechat.billPaid(day, "ORDER-NOT-OURS", 100, "4200000000");
        wechat.damagedBills = true;
        try {
            Api.Reply started = api.post("/api/v1/admin/jobs/reconciliation/start", Api.json("date", day.toString()),
                    care.adminToken());
            assertEquals(200, started.status(), started.raw());
            long execution = started.data().getJsonNumber("executionId").longValue();
            Api.Reply done = api.await("/api/v1/admin/jobs/executions/" + execution, care.adminToken(),
                    r -> r.data().getString("status").equals("FAILED"), Duration.ofSeconds(60));
            assertEquals("FAILED", done.data().getString("status"), done.raw());
        } finally {
            wechat.damagedBills = false;
        }
        assertEquals(404, api.get("/api/v1/admin/reconciliations/" + day, care.adminToken()).status(),
                "no report from a damaged bill");
        Api.Reply future = api.post("/api/v1/admin/jobs/reconciliation/start",
                Api.json("date", LocalDate.now(SHANGHAI).plusDays(1).toString()), care.adminToken());
        assertEquals(400, future.status(), future.raw());
    }

    @Test
    void wechatPayNotificationsAreNotRateLimited() {
        String body = FakeWechatPay.notificationBody("TRANSACTION.SUCCESS",
                FakeWechatPay.transaction("ORDER-NONE", 1, "4200000009" + System.nanoTime()));
        for (int i = 0; i < 260; i++) { // above the test server's 240 requests a minute per client
            Api.Reply reply = wechat.notify(body, Instant.now().getEpochSecond(), "forged");
            assertEquals(401, reply.status(), "request " + i + ": " + reply.raw());
        }
    }

    /** A bill day of the last three months that has no reconciliation yet (so its bill and books are the test's). */
    private LocalDate freeBillDay() {
        while (true) {
            LocalDate day = LocalDate.now(SHANGHAI).minusDays(10 + RANDOM.nextInt(75));
            if (!wechat.billLines.containsKey(day)
                    && api.get("/api/v1/admin/reconciliations/" + day, care.adminToken()).status() == 404) {
                return day;
            }
        }
    }

    private JsonObject reconcile(LocalDate day) {
        care.runJob("reconciliation", Api.json("date", day.toString()));
        Api.Reply report = api.get("/api/v1/admin/reconciliations/" + day, care.adminToken());
        assertEquals(200, report.status(), report.raw());
        return report.data();
    }

    private static List<String> differences(JsonObject report) {
        return report.getJsonArray("differences").stream().map(JsonValue::asJsonObject)
                .map(d -> d.getString("kind") + " " + d.getString("orderNo") + (d.getBoolean("settled") ? " settled" : " open"))
                .sorted().toList();
    }

    /** Moves a time of our books to noon of a bill day, as if it had happened then. */
    private static void moveTo(LocalDate day, String sql, String orderNo) throws SQLException {
        try (Connection db = DriverManager.getConnection(System.getProperty("leiming.it.db-url"),
                System.getProperty("leiming.it.db-user"), System.getProperty("leiming.it.db-password", ""));
                PreparedStatement update = db.prepareStatement(sql)) {
            update.setTimestamp(1, Timestamp.from(day.atTime(12, 0).atZone(SHANGHAI).toInstant()));
            update.setString(2, orderNo);
            assertEquals(1, update.executeUpdate(), sql);
        }
    }

    private JsonObject awaitStatus(Booked booked, String status) {
        return api.await("/api/v1/orders/" + booked.orderId(), booked.member().token(),
                r -> status.equals(r.data().getJsonObject("order").getString("status")), Duration.ofSeconds(30)).data();
    }

    private boolean awaitRefundRequest(String refundNo) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonObject> requests = wechat.refunds.get(refundNo);
            if (requests != null && !requests.isEmpty()) {
                return true;
            }
            FakeSmsGateway.sleep(200);
        }
        return false;
    }
}
