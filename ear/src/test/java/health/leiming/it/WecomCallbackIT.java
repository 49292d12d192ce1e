package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WeCom's callback URL over HTTP: verification, messages and events, and everything forged refused. */
class WecomCallbackIT extends DeployedEar {

    private final Api api = new Api();
    private final FakeWecom wecom = new FakeWecom(api);
    private final Care care = new Care(api);
    private final FakeWechatPay wechat = FakeWechatPay.get();

    @Test
    void theUrlIsVerifiedWithTheDecryptedEchostr() {
        String echo = "1616140317555161061";
        Api.Reply verified = wecom.verify(FakeWecom.encrypt(echo, FakeWecom.CORP_ID), Instant.now().getEpochSecond(), null);
        assertEquals(200, verified.status(), verified.raw());
        assertEquals(echo, verified.raw(), "the plain echostr, nothing else");

        long now = Instant.now().getEpochSecond();
        assertEquals(400, wecom.verify(FakeWecom.encrypt(echo, FakeWecom.CORP_ID), now, "0".repeat(40)).status(),
                "bad signature");
        assertEquals(400, wecom.verify(FakeWecom.encrypt(echo, FakeWecom.CORP_ID), now - 3600, null).status(),
                "stale timestamp");
        assertEquals(400, wecom.verify(FakeWecom.encrypt(echo, "ww-another-corp"), now, null).status(),
                "sent to another corp");
    }

    @Test
    void forgedMalformedOrHostileMessagesAreRefused() {
        long now = Instant.now().getEpochSecond();
        String message = FakeWecom.text("nobody", "hello", "1" + System.nanoTime());
        assertEquals(400, wecom.postEncrypted(FakeWecom.encrypt(message, FakeWecom.CORP_ID), now, "f".repeat(40))
                .status());
        assertEquals(400, wecom.postEncrypted(FakeWecom.encrypt(message, "ww-another-corp"), now, null).status());
        assertEquals(400, wecom.postEncrypted(FakeWecom.encrypt(message, FakeWecom.CORP_ID), now - 3600, null)
                .status());
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><Encrypt>&e;</Encrypt></xml>";
        assertEquals(400, wecom.postRaw(xxe, now, null, "&e;").status(), "document types are refused");
        assertEquals(400, wecom.postRaw("<xml><Encrypt>", now, null, "").status(), "malformed XML");
    }

    @Test
    void aCompanionAcceptsATaskByReplyingInWecomOnceEvenWhenWecomRetries() {
        String serviceId = care.service("陪诊" + System.nanoTime(), "299.00", 60).getString("id");
        String wecomUser = "zhang" + System.nanoTime();
        Api.Reply staff = api.post("/api/v1/admin/staff", jakarta.json.Json.createObjectBuilder().add("name", "张护工")
                .add("wecomUserId", wecomUser).add("serviceIds", jakarta.json.Json.createArrayBuilder().add(serviceId))
                .build().toString(), care.adminToken());
        assertEquals(200, staff.status(), staff.raw());
        Api.Session member = api.login(Api.newPhone());
        Api.Reply booked = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(8), null), member.token());
        String orderId = booked.data().getString("orderId");
        String orderNo = booked.data().getString("orderNo");
        api.post("/api/v1/orders/" + orderId + "/pay", Api.json("openid", "o-wecom"), member.token());
        assertEquals(200, wechat.notify(FakeWechatPay.notificationBody("TRANSACTION.SUCCESS",
                FakeWechatPay.transaction(orderNo, 29900, "4200000020" + System.nanoTime()))).status());

        String reply = FakeWecom.text(wecomUser, "接单 " + orderNo, "7" + System.nanoTime());
        Api.Reply first = wecom.post(reply);
        assertEquals(200, first.status(), first.raw());
        assertEquals("", first.raw(), "answered at once, empty");
        assertEquals(200, wecom.post(reply).status(), "WeCom's retry of the same MsgId");

        Api.Reply order = api.await("/api/v1/orders/" + orderId, member.token(),
                r -> "confirmed".equals(r.data().getJsonObject("order").getString("status")), Duration.ofSeconds(20));
        JsonObject detail = order.data();
        assertEquals("confirmed", detail.getJsonObject("order").getString("status"), detail.toString());
        FakeSmsGateway.sleep(1500); // give a second processing the chance to happen, were it to
        List<String> steps = api.get("/api/v1/orders/" + orderId, member.token()).data().getJsonArray("history")
                .getValuesAs(JsonObject.class).stream().map(t -> t.getString("to")).toList();
        assertEquals(List.of("pending", "paid", "confirmed"), steps, "accepted once");
    }

    @Test
    void contactChangesKeepTheStaffDirectoryInStep() {
        String userId = "li" + System.nanoTime();
        long createTime = Instant.now().getEpochSecond();
        assertEquals(200, wecom.post(FakeWecom.contactChange("create_user", userId, "李新人", createTime)).status());
        Api.Reply listed = api.await("/api/v1/admin/staff", care.adminToken(), r -> r.raw().contains(userId),
                Duration.ofSeconds(20));
        assertTrue(listed.raw().contains(userId), "the new colleague is a staff member");
        JsonObject created = listed.dataArray().getValuesAs(JsonObject.class).stream()
                .filter(s -> userId.equals(s.getString("wecomUserId", ""))).findFirst().orElseThrow();
        assertEquals("李新人", created.getString("name"));
        assertEquals("pending", created.getString("status"), "whoever edits WeCom's contacts is not thereby a companion");
        String staffToken = Tokens.signed(Tokens.claims(created.getString("id"), "staff", Instant.now(),
                Instant.now().plus(1, ChronoUnit.HOURS)), Tokens.serverKey());
        assertEquals(403, api.get("/api/v1/staff/tasks", staffToken).status(), "no staff access before approval");
        Api.Reply approved = api.put("/api/v1/admin/staff/" + created.getString("id"), Json.createObjectBuilder()
                .add("name", "李新人").add("wecomUserId", userId).add("active", true).build().toString(), care.adminToken());
        assertEquals(200, approved.status(), approved.raw());
        assertEquals("active", approved.data().getString("status"));
        assertEquals(200, api.get("/api/v1/staff/tasks", staffToken).status(), "approved: in");

        assertEquals(200, wecom.post(FakeWecom.contactChange("delete_user", userId, "李新人",
                Instant.now().plus(1, ChronoUnit.SECONDS).getEpochSecond())).status());
        Api.Reply left = api.await("/api/v1/admin/staff", care.adminToken(),
                r -> r.dataArray().getValuesAs(JsonObject.class).stream()
                        .anyMatch(s -> userId.equals(s.getString("wecomUserId", "")) && "left".equals(s.getString("status"))),
                Duration.ofSeconds(20));
        assertFalse(left.dataArray().getValuesAs(JsonObject.class).stream()
                .anyMatch(s -> userId.equals(s.getString("wecomUserId", "")) && "active".equals(s.getString("status"))),
                "who left is no longer active");
    }
}
