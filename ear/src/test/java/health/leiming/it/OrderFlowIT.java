package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole life of an order: book, pay, the companion confirms, checks in, completes; the member reviews. */
class OrderFlowIT extends DeployedEar {

    private final Api api = new Api();
    private final Care care = new Care(api);
    private final FakeWechatPay wechat = FakeWechatPay.get();

    private record Paid(Api.Session member, String orderId, String staffId, String serviceId) {
    }

    private Paid bookAndPay(Instant at) {
        String serviceId = care.service("全程陪诊" + System.nanoTime(), "299.00", 60).getString("id");
        String staffId = care.staff("王护工", serviceId).getString("id");
        Api.Session member = api.login(Api.newPhone());
        Api.Reply booked = api.post("/api/v1/appointments", Care.booking(serviceId, at, null), member.token());
        assertEquals(200, booked.status(), booked.raw());
        String orderId = booked.data().getString("orderId");
        assertEquals(200, api.post("/api/v1/orders/" + orderId + "/pay", Api.json("openid", "o-flow"), member.token())
                .status());
        Api.Reply paid = wechat.notify(FakeWechatPay.notificationBody("TRANSACTION.SUCCESS", FakeWechatPay.transaction(
                booked.data().getString("orderNo"), 29900, "4200000010" + System.nanoTime())));
        assertEquals(200, paid.status(), paid.raw());
        return new Paid(member, orderId, staffId, serviceId);
    }

    /** The contact as stored: encrypted, without the name or number in it. */
    private static String storedContact(String orderId) throws java.sql.SQLException {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(System.getProperty("leiming.it.db-url"),
                System.getProperty("leiming.it.db-user"), System.getProperty("leiming.it.db-password", ""));
             java.sql.PreparedStatement read = db.prepareStatement("SELECT contact_info FROM orders WHERE id = ?")) {
            read.setString(1, orderId);
            try (java.sql.ResultSet row = read.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    @Test
    void theCompanionCarriesOutThePaidServiceAndTheMemberReviewsIt() throws Exception {
        Paid order = bookAndPay(Care.slot(9));
        String staff = Tokens.staff(order.staffId());

        Api.Reply today = api.get("/api/v1/staff/tasks?date=" + Care.slotDay(), staff);
        assertEquals(200, today.status(), today.raw());
        assertEquals(1, today.dataArray().size());
        JsonObject task = today.dataArray().getJsonObject(0);
        assertEquals(order.orderId(), task.getString("orderId"));
        assertEquals("13800138000", task.getJsonObject("contact").getString("phone"),
                "the assigned companion sees the number to call");
        String stored = storedContact(order.orderId());
        assertTrue(stored.startsWith("v2:") && !stored.contains("13800138000") && !stored.contains("张三"),
                "the contact is encrypted at rest: " + stored);
        assertEquals("paid", task.getString("status"));

        String other = Tokens.staff(care.staff("李护工", order.serviceId()).getString("id"));
        assertEquals(404, api.post("/api/v1/staff/tasks/" + order.orderId() + "/confirm", "", other).status(),
                "another companion's task is not found");
        assertEquals(403, api.post("/api/v1/staff/tasks/" + order.orderId() + "/confirm", "", order.member().token())
                .status(), "members are not staff");

        assertEquals(200, api.post("/api/v1/staff/tasks/" + order.orderId() + "/confirm", "", staff).status());
        Api.Reply wrongCode = api.post("/api/v1/staff/tasks/" + order.orderId() + "/start",
                Api.json("checkInCode", "000000x"), staff);
        assertEquals(400, wrongCode.status());
        assertEquals("CHECK_IN_CODE_WRONG", wrongCode.body().getString("errorCode"));
        String code = api.get("/api/v1/orders/" + order.orderId(), order.member().token()).data()
                .getJsonObject("appointment").getString("checkInCode");
        Api.Reply started = api.post("/api/v1/staff/tasks/" + order.orderId() + "/start", Api.json("checkInCode", code),
                staff);
        assertEquals(200, started.status(), started.raw());
        assertEquals("in_progress", started.data().getString("status"));
        Api.Reply early = api.post("/api/v1/orders/" + order.orderId() + "/cancel", "{}", order.member().token());
        assertEquals(409, early.status(), "a started service can no longer be cancelled");
        assertEquals(200, api.post("/api/v1/staff/tasks/" + order.orderId() + "/complete", "", staff).status());

        JsonObject detail = api.get("/api/v1/orders/" + order.orderId(), order.member().token()).data();
        assertEquals("completed", detail.getJsonObject("order").getString("status"));
        List<String> steps = detail.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("to")).toList();
        assertEquals(List.of("pending", "paid", "confirmed", "in_progress", "completed"), steps);
        assertEquals("staff", detail.getJsonArray("history").getJsonObject(2).getString("by"));

        String review = Json.createObjectBuilder().add("rating", 5).add("content", "非常耐心")
                .add("tags", Json.createArrayBuilder().add("准时").add("耐心")).build().toString();
        Api.Session stranger = api.login(Api.newPhone());
        assertEquals(404, api.post("/api/v1/orders/" + order.orderId() + "/review", review, stranger.token()).status());
        Api.Reply reviewed = api.post("/api/v1/orders/" + order.orderId() + "/review", review, order.member().token());
        assertEquals(200, reviewed.status(), reviewed.raw());
        Api.Reply twice = api.post("/api/v1/orders/" + order.orderId() + "/review", review, order.member().token());
        assertEquals(409, twice.status());
        assertEquals("REVIEW_EXISTS", twice.body().getString("errorCode"));

        JsonObject service = api.get("/api/v1/services/" + order.serviceId(), null).data();
        assertEquals(5.0, service.getJsonNumber("rating").doubleValue(), 0.001);
        assertEquals(1, service.getInt("ratingCount"));
        assertTrue(api.get("/api/v1/services/" + order.serviceId() + "/reviews", null).raw().contains("非常耐心"));
        assertTrue(api.get("/api/v1/admin/staff", care.adminToken()).raw().contains("\"ratingCount\":1"));

        // After-sales: customer service refunds part of the completed order through WeChat Pay.
        Api.Reply refund = api.post("/api/v1/admin/orders/" + order.orderId() + "/refund",
                Json.createObjectBuilder().add("amount", 100).add("reason", "等候时间较长").build().toString(),
                care.adminToken());
        assertEquals(200, refund.status(), refund.raw());
        assertEquals(409, api.post("/api/v1/admin/orders/" + order.orderId() + "/refund",
                Json.createObjectBuilder().add("amount", 1).add("reason", "再退").build().toString(),
                care.adminToken()).status(), "one refund per order");
        String orderNo = detail.getJsonObject("order").getString("orderNo");
        Api.Reply submitted = api.await("/api/v1/orders/" + order.orderId(), order.member().token(),
                r -> "submitted".equals(r.data().getJsonObject("refund").getString("status")), Duration.ofSeconds(15));
        assertEquals("submitted", submitted.data().getJsonObject("refund").getString("status"));
        assertEquals(10000, wechat.refunds.get("RF" + orderNo).get(0).getJsonObject("amount").getInt("refund"));
        assertEquals(200, wechat.notify(FakeWechatPay.notificationBody("REFUND.SUCCESS",
                FakeWechatPay.refundResult(orderNo, "RF" + orderNo, 10000, 29900))).status());
        assertEquals("refunded", api.get("/api/v1/orders/" + order.orderId(), order.member().token()).data()
                .getJsonObject("order").getString("status"));

        // Every step reached the member's message centre through the broker.
        Api.Reply messages = api.await("/api/v1/messages?size=20", order.member().token(),
                r -> r.raw().contains("退款成功"), Duration.ofSeconds(20));
        for (String title : List.of("支付成功", "服务人员已接单", "服务已开始", "服务已完成", "退款成功")) {
            assertTrue(messages.raw().contains(title), title + " in " + messages.raw());
        }
    }

    @Test
    void ordersMoveOnlyAlongTheirLifeAndReviewsWaitForCompletion() {
        Paid order = bookAndPay(Care.slot(10));
        String staff = Tokens.staff(order.staffId());
        Api.Reply completeTooSoon = api.post("/api/v1/staff/tasks/" + order.orderId() + "/complete", "", staff);
        assertEquals(409, completeTooSoon.status());
        assertEquals("ORDER_STATE_INVALID", completeTooSoon.body().getString("errorCode"));
        Api.Reply reviewTooSoon = api.post("/api/v1/orders/" + order.orderId() + "/review",
                Json.createObjectBuilder().add("rating", 4).build().toString(), order.member().token());
        assertEquals(409, reviewTooSoon.status());
        assertEquals(400, api.post("/api/v1/orders/" + order.orderId() + "/review",
                Json.createObjectBuilder().add("rating", 6).build().toString(), order.member().token()).status());

        Paid later = bookAndPay(Care.slot(11).plus(3, ChronoUnit.DAYS));
        String laterStaff = Tokens.staff(later.staffId());
        assertEquals(200, api.post("/api/v1/staff/tasks/" + later.orderId() + "/confirm", "", laterStaff).status());
        Api.Reply tooEarly = api.post("/api/v1/staff/tasks/" + later.orderId() + "/start",
                Api.json("checkInCode", "123456"), laterStaff);
        assertEquals(409, tooEarly.status());
        assertEquals("TOO_EARLY", tooEarly.body().getString("errorCode"));
    }
}
