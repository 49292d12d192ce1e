package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Events reach people through every channel they should, once: the message centre, WeChat
 * subscribe messages (only when accepted and wanted), WeCom messages to the companion, SMS for
 * urgent alerts; outages are retried and what keeps failing waits for an admin.
 */
class NotificationIT extends DeployedEar {

    private final Api api = new Api();
    private final Care care = new Care(api);
    private final FakeWechatPay wechatPay = FakeWechatPay.get();
    private final FakeWechatApi wechat = FakeWechatApi.get();
    private final FakeWecomApi wecom = FakeWecomApi.get();
    private final FakeSmsGateway sms = FakeSmsGateway.get();

    private record WechatMember(String openid, Api.Session session) {
    }

    /** A member who logged in from the mini-program (so has an openid for subscribe messages). */
    private WechatMember wechatMember() {
        String openid = "o-notify-" + System.nanoTime();
        String phone = Api.newPhone();
        Api.Reply first = api.post("/api/v1/auth/wechat-login", Api.json("code", wechat.loginCode(openid)), null);
        Api.Reply bound = api.post("/api/v1/auth/wechat-phone", Api.json("ticket", first.data().getString("ticket"),
                "phoneCode", wechat.phoneCode(phone)), null);
        assertEquals(200, bound.status(), bound.raw());
        JsonObject user = bound.data().getJsonObject("user");
        new Api().acceptAll(bound.data().getString("token")); // as the mini-program asks at registration
        return new WechatMember(openid, new Api.Session(phone, bound.data().getString("token"),
                bound.data().getString("refreshToken"), user.getString("id")));
    }

    private record Booked(String orderId, String orderNo, String staffId, String wecomUser) {
    }

    private Booked bookAndPay(Api.Session member, int hour) {
        String serviceId = care.service("全程陪诊" + System.nanoTime(), "299.00", 60).getString("id");
        String wecomUser = "wecom-" + System.nanoTime();
        String staffId = care.staffInWecom("王护工", wecomUser, serviceId).getString("id");
        Api.Reply booked = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(hour), null), member.token());
        assertEquals(200, booked.status(), booked.raw());
        String orderId = booked.data().getString("orderId");
        String orderNo = booked.data().getString("orderNo");
        assertEquals(200, api.post("/api/v1/orders/" + orderId + "/pay", Api.json("openid", "o-pay"), member.token()).status());
        assertEquals(200, wechatPay.notify(FakeWechatPay.notificationBody("TRANSACTION.SUCCESS",
                FakeWechatPay.transaction(orderNo, 29900, "4200000020" + System.nanoTime()))).status());
        return new Booked(orderId, orderNo, staffId, wecomUser);
    }

    private static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done, String what) {
        Instant deadline = Instant.now().plusSeconds(30);
        T value = read.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what + "; last: " + value);
            }
            FakeSmsGateway.sleep(200);
            value = read.get();
        }
        return value;
    }

    @Test
    void anOrderReachesTheMemberTheSubscribeMessageTheyAcceptedAndTheCompanionInWecom() {
        WechatMember member = wechatMember();
        String token = member.session().token();
        JsonObject subscriptions = api.get("/api/v1/messages/subscriptions", token).data();
        assertTrue(subscriptions.toString().contains("it-tpl-order-paid"), subscriptions.toString());
        Api.Reply accepted = api.post("/api/v1/messages/subscriptions",
                "{\"templateIds\":[\"it-tpl-order-paid\"]}", token);
        assertEquals(200, accepted.status(), accepted.raw());

        Booked order = bookAndPay(member.session(), 9);

        List<JsonObject> subscribe = eventually(() -> wechat.subscribeMessagesTo(member.openid()), l -> !l.isEmpty(),
                "the subscribe message");
        assertEquals("it-tpl-order-paid", subscribe.get(0).getString("template_id"));
        JsonObject data = subscribe.get(0).getJsonObject("data");
        assertEquals(order.orderNo(), data.getJsonObject("character_string1").getString("value"));
        assertEquals("pages/order/detail?id=" + order.orderId(), subscribe.get(0).getString("page"));
        List<String> texts = eventually(() -> wecom.textsTo(order.wecomUser()), l -> !l.isEmpty(), "the WeCom task message");
        assertTrue(texts.get(0).contains("接单 " + order.orderNo()), texts.get(0));

        JsonObject inbox = api.await("/api/v1/messages?kind=order", token,
                r -> r.data().getJsonArray("items").toString().contains("支付成功"), Duration.ofSeconds(30)).data();
        assertTrue(inbox.getJsonArray("items").stream().allMatch(m -> m.asJsonObject().getString("category").equals("order")),
                inbox.toString());

        // The companion confirms: the member had accepted no "confirmed" template, so only the message centre.
        assertEquals(200, api.post("/api/v1/staff/tasks/" + order.orderId() + "/confirm", "", Tokens.staff(order.staffId()))
                .status());
        api.await("/api/v1/messages?kind=order", token,
                r -> r.data().getJsonArray("items").toString().contains("服务人员已接单"), Duration.ofSeconds(30));
        FakeSmsGateway.sleep(2500);
        assertEquals(1, wechat.subscribeMessagesTo(member.openid()).size(), "one acceptance, one message");
        assertEquals(1, wecom.textsTo(order.wecomUser()).size(), "the companion is told once about a new task");
        assertEquals(0, remaining(api.get("/api/v1/messages/subscriptions", token).data(), "it-tpl-order-paid"),
                "the acceptance was used");
    }

    @Test
    void aWecomOutageEndsWithExactlyOneMessageAndRefusalsWaitForAnAdmin() {
        wecom.failNextSends(3);
        Api.Session member = api.login(Api.newPhone());
        Booked order = bookAndPay(member, 10);
        List<String> texts = eventually(() -> wecom.textsTo(order.wecomUser()), l -> !l.isEmpty(),
                "the WeCom message after the outage");
        FakeSmsGateway.sleep(3000);
        assertEquals(1, wecom.textsTo(order.wecomUser()).size(), "delivered once: " + texts);

        // A companion WeCom does not know: refused, parked as a dead letter, sent when an admin replays it.
        String serviceId = care.service("代取报告" + System.nanoTime(), "39.00", 60).getString("id");
        String unknown = "wecom-gone-" + System.nanoTime();
        wecom.refuse(unknown);
        String goneStaff = care.staffInWecom("离职护工", unknown, serviceId).getString("id");
        Api.Reply booked = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(15), null), member.token());
        String orderNo = booked.data().getString("orderNo");
        api.post("/api/v1/orders/" + booked.data().getString("orderId") + "/pay", Api.json("openid", "o-pay"), member.token());
        wechatPay.notify(FakeWechatPay.notificationBody("TRANSACTION.SUCCESS",
                FakeWechatPay.transaction(orderNo, 3900, "4200000021" + System.nanoTime())));

        String admin = care.adminToken();
        assertEquals(403, api.get("/api/v1/admin/notifications", member.token()).status());
        JsonObject dead = eventually(() -> api.get("/api/v1/admin/notifications?status=dead&size=200", admin).data(),
                d -> deadFor(d, goneStaff) != null, "the dead letter");
        JsonObject letter = deadFor(dead, goneStaff);
        assertEquals("wecom", letter.getString("channel"));
        assertTrue(letter.getString("lastError").contains("81013"), letter.toString());
        assertTrue(!dead.toString().contains(unknown), "the WeCom account itself is not shown");
        assertEquals(0, wecom.textsTo(unknown).size());

        wecom.accept(unknown);
        Api.Reply replayed = api.post("/api/v1/admin/notifications/" + letter.getString("id") + "/replay", "", admin);
        assertEquals(200, replayed.status(), replayed.raw());
        eventually(() -> wecom.textsTo(unknown), l -> l.size() == 1, "the replayed message");
        Api.Reply again = api.post("/api/v1/admin/notifications/" + letter.getString("id") + "/replay", "", admin);
        assertEquals(409, again.status(), "a sent message is not replayed: " + again.raw());
        assertEquals(404, api.post("/api/v1/admin/notifications/nope/replay", "", admin).status());
    }

    private static JsonObject deadFor(JsonObject page, String staffId) {
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(d -> d.getString("recipient").equals("staff:" + staffId)).findFirst().orElse(null);
    }

    @Test
    void membersChooseWhatIsPushedAndWhenButUrgentAlertsAlwaysGo() {
        WechatMember member = wechatMember();
        String token = member.session().token();
        api.post("/api/v1/messages/subscriptions", "{\"templateIds\":[\"it-tpl-order-paid\",\"it-tpl-risk-alert\"]}", token);

        Api.Reply refused = api.put("/api/v1/messages/preferences", "{\"kinds\":{\"health_alert\":false}}", token);
        assertEquals(400, refused.status());
        assertEquals("URGENT_ALERTS_REQUIRED", refused.body().getString("errorCode"));
        Api.Reply badHours = api.put("/api/v1/messages/preferences",
                "{\"kinds\":{\"order\":false},\"quietHours\":{\"start\":\"22:00\",\"end\":\"22:00\"}}", token);
        assertEquals(400, badHours.status());
        assertTrue(enabled(api.get("/api/v1/messages/preferences", token).data(), "order"),
                "a refused change changes nothing");
        assertEquals(400, api.put("/api/v1/messages/preferences", "{\"kinds\":{\"spam\":true}}", token).status());

        // Orders off, and quiet hours around now: the urgent alert still goes at once.
        LocalTime now = LocalTime.now(Care.SHANGHAI);
        String quiet = "{\"start\":\"" + hhmm(now.minusMinutes(30)) + "\",\"end\":\"" + hhmm(now.plusMinutes(60)) + "\"}";
        Api.Reply changed = api.put("/api/v1/messages/preferences", "{\"kinds\":{\"order\":false},\"quietHours\":" + quiet + "}",
                token);
        assertEquals(200, changed.status(), changed.raw());
        assertTrue(!enabled(changed.data(), "order") && enabled(changed.data(), "appointment"), changed.raw());
        assertEquals(hhmm(now.minusMinutes(30)), changed.data().getJsonObject("quietHours").getString("start"));

        bookAndPay(member.session(), 11);
        api.await("/api/v1/messages?kind=order", token, r -> r.raw().contains("支付成功"), Duration.ofSeconds(30));

        String profile = Json.createObjectBuilder().add("emergencyContact", Json.createObjectBuilder().add("name", "王芳")
                .add("phone", emergencyPhone).add("relation", "女儿")).build().toString();
        assertEquals(200, api.put("/api/v1/health/profile", profile, token).status());
        // Alerts reach the contact only after the contact's phone confirmed a code (AbuseIT tests the refusals).
        assertEquals(200, api.post("/api/v1/health/profile/emergency-contact/verification-code", "", token).status());
        Api.Reply verified = api.post("/api/v1/health/profile/emergency-contact/verify",
                Api.json("code", sms.latestCode(emergencyPhone)), token);
        assertEquals(200, verified.status(), verified.raw());
        String reading = Json.createObjectBuilder().add("type", "blood_oxygen").add("value", 85).add("unit", "%")
                .add("recordedAt", Instant.now().minusSeconds(60).toString()).build().toString();
        Api.Reply recorded = api.post("/api/v1/health/records", reading, token);
        assertEquals(200, recorded.status(), recorded.raw());

        List<String> toContact = eventually(() -> sms.notices(emergencyPhone), l -> !l.isEmpty(), "the SMS to the emergency contact");
        assertTrue(toContact.get(0).contains("血氧"), toContact.get(0));
        assertTrue(toContact.get(0).contains("紧急联系人") && toContact.get(0).contains(
                member.session().phone().substring(0, 3) + "****"), "the contact learns whose family: " + toContact.get(0));
        eventually(() -> sms.notices(member.session().phone()), l -> l.size() == 1, "the SMS to the member");
        List<JsonObject> pushed = eventually(() -> wechat.subscribeMessagesTo(member.openid()), l -> !l.isEmpty(),
                "the urgent subscribe message");
        assertEquals(List.of("it-tpl-risk-alert"), pushed.stream().map(m -> m.getString("template_id")).toList(),
                "the order message is not pushed (turned off); the alert is, in quiet hours too");
        assertEquals(1, remaining(api.get("/api/v1/messages/subscriptions", token).data(), "it-tpl-order-paid"),
                "an unwanted message uses no acceptance");
    }

    private final String emergencyPhone = Api.newPhone();

    private static boolean enabled(JsonObject preferences, String kind) {
        return preferences.getJsonArray("kinds").stream().map(v -> v.asJsonObject())
                .filter(k -> k.getString("kind").equals(kind)).findFirst().orElseThrow().getBoolean("enabled");
    }

    private static int remaining(JsonObject subscriptions, String templateId) {
        return subscriptions.getJsonArray("templates").stream().map(v -> v.asJsonObject())
                .filter(t -> t.getString("templateId").equals(templateId)).findFirst().orElseThrow().getInt("remaining");
    }

    private static String hhmm(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }

    @Test
    void aRedeliveredEventNotifiesNobodyTwice() {
        Api.Session member = api.login(Api.newPhone());
        String serviceId = care.service("陪诊" + System.nanoTime(), "99.00", 60).getString("id");
        String wecomUser = "wecom-redeliver-" + System.nanoTime();
        String staffId = care.staffInWecom("孙护工", wecomUser, serviceId).getString("id");
        Api.Reply booked = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(14), null), member.token());
        assertEquals(200, booked.status(), booked.raw());

        // The broker hands the same event over twice (a redelivery after a lost acknowledgement, say). The
        // payload is order.paid's as it travels: the order's facts (OrderEvents.OrderPaid), ids and no names.
        String event = Json.createObjectBuilder().add("order", Json.createObjectBuilder()
                .add("orderId", booked.data().getString("orderId")).add("orderNo", booked.data().getString("orderNo"))
                .add("memberId", member.memberId()).add("personId", member.memberId()).add("staffId", staffId)
                .add("serviceName", "陪诊").add("scheduledTime", booked.data().getString("scheduledTime")))
                .build().toString();
        String eventId = java.util.UUID.randomUUID().toString();
        try (var factory = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory("tcp://127.0.0.1:61616",
                "leiming", "leiming-dev-only"); var context = factory.createContext()) {
            for (int i = 0; i < 2; i++) {
                context.createProducer().setProperty("eventId", eventId).setProperty("eventType", "order.paid")
                        .send(context.createQueue("leiming.events"), event);
            }
        }
        eventually(() -> wecom.textsTo(wecomUser), l -> !l.isEmpty(), "the WeCom message");
        api.await("/api/v1/messages?kind=order", member.token(), r -> r.raw().contains("支付成功"), Duration.ofSeconds(30));
        FakeSmsGateway.sleep(3000);
        assertEquals(1, wecom.textsTo(wecomUser).size());
        JsonObject orders = api.get("/api/v1/messages?kind=order", member.token()).data();
        assertEquals(1, orders.getJsonArray("items").stream()
                .filter(m -> m.asJsonObject().getString("title").equals("支付成功")).count(), orders.toString());
        List<JsonObject> deliveries = api.get("/api/v1/admin/notifications/events/" + eventId, care.adminToken())
                .dataArray().getValuesAs(JsonObject.class);
        assertEquals(1, deliveries.size(), deliveries.toString());
        assertEquals("sent", deliveries.get(0).getString("status"));
    }

    @Test
    void theMessageCentreFiltersByKindAndMarksAllRead() {
        Api.Session member = api.login(Api.newPhone());
        bookAndPay(member, 16);
        String reading = Json.createObjectBuilder().add("type", "blood_oxygen").add("value", 86).add("unit", "%")
                .add("recordedAt", Instant.now().minusSeconds(60).toString()).build().toString();
        api.post("/api/v1/health/records", reading, member.token());
        api.await("/api/v1/messages", member.token(), r -> r.data().getInt("total") >= 4
                && r.raw().contains("健康风险提醒") && r.raw().contains("支付成功"), Duration.ofSeconds(30));

        JsonObject health = api.get("/api/v1/messages?kind=health", member.token()).data();
        assertEquals(1, health.getInt("total"), health.toString());
        JsonObject system = api.get("/api/v1/messages?kind=system", member.token()).data();
        assertEquals(1, system.getInt("total"), "the welcome message");
        Api.Reply bad = api.get("/api/v1/messages?kind=spam", member.token());
        assertEquals(400, bad.status());
        assertEquals("MESSAGE_KIND_UNKNOWN", bad.body().getString("errorCode"));

        long unread = api.get("/api/v1/messages/unread-count", member.token()).data().getJsonNumber("count").longValue();
        assertTrue(unread >= 4, "unread " + unread);
        Api.Reply all = api.put("/api/v1/messages/read-all", "", member.token());
        assertEquals(unread, all.data().getInt("updated"));
        assertEquals(0, api.get("/api/v1/messages/unread-count", member.token()).data().getInt("count"));
        assertEquals(0, api.put("/api/v1/messages/read-all", "", member.token()).data().getInt("updated"));
    }
}
