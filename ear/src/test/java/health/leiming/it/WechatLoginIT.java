package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Mini-program login with wx.login and the phone-number button, against the fake WeChat API. */
class WechatLoginIT extends DeployedEar {

    private final Api api = new Api();
    private final FakeWechatApi wechat = FakeWechatApi.get();
    private final FakeWechatPay wechatPay = FakeWechatPay.get();

    private Api.Reply wechatLogin(String openid) {
        return api.post("/api/v1/auth/wechat-login", Api.json("code", wechat.loginCode(openid)), null);
    }

    @Test
    void aNewWechatUserProvesTheirPhoneOnceAndIsThenRecognised() {
        String openid = "o-new-" + System.nanoTime();
        String phone = Api.newPhone();
        Api.Reply first = wechatLogin(openid);
        assertEquals(200, first.status(), first.raw());
        assertTrue(first.data().getBoolean("needPhone"));
        assertFalse(first.raw().contains(FakeWechatApi.SESSION_KEY), "the session key never leaves the server");
        assertFalse(first.raw().contains(openid), "nor does the openid, in clear");

        Api.Reply bound = api.post("/api/v1/auth/wechat-phone", Api.json("ticket", first.data().getString("ticket"),
                "phoneCode", wechat.phoneCode(phone)), null);
        assertEquals(200, bound.status(), bound.raw());
        assertTrue(bound.data().getBoolean("newMember"));
        assertEquals(phone.substring(0, 3) + "****" + phone.substring(7),
                bound.data().getJsonObject("user").getString("phone"));

        Api.Reply again = wechatLogin(openid);
        assertEquals(200, again.status(), again.raw());
        assertFalse(again.data().getBoolean("needPhone"));
        JsonObject session = again.data().getJsonObject("session");
        assertFalse(session.getBoolean("newMember"));
        assertEquals(bound.data().getJsonObject("user").getString("id"), session.getJsonObject("user").getString("id"));
        assertEquals(200, api.get("/api/v1/users/me", session.getString("token")).status());
    }

    @Test
    void anSmsMemberLinksWechatAndPaysWithIt() {
        Api.Session member = api.login(Api.newPhone());
        String openid = "o-link-" + System.nanoTime();
        Api.Reply first = wechatLogin(openid);
        Api.Reply bound = api.post("/api/v1/auth/wechat-phone", Api.json("ticket", first.data().getString("ticket"),
                "phoneCode", wechat.phoneCode(member.phone())), null);
        assertEquals(200, bound.status(), bound.raw());
        assertFalse(bound.data().getBoolean("newMember"), "the same member, now with WeChat");
        assertEquals(member.memberId(), bound.data().getJsonObject("user").getString("id"));

        Care care = new Care(api);
        String serviceId = care.service("代取报告" + System.nanoTime(), "39.00", 60).getString("id");
        care.staff("甲", serviceId);
        Api.Reply booked = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(17), null), member.token());
        assertEquals(200, api.post("/api/v1/orders/" + booked.data().getString("orderId") + "/pay", "{}",
                member.token()).status(), "no openid needed in the request any more");
        assertEquals(openid, wechatPay.prepays.get(booked.data().getString("orderNo")).get(0)
                .getJsonObject("payer").getString("openid"));

        Api.Reply other = wechatLogin("o-other-" + System.nanoTime());
        Api.Reply stolen = api.post("/api/v1/auth/wechat-phone", Api.json("ticket", other.data().getString("ticket"),
                "phoneCode", wechat.phoneCode(member.phone())), null);
        assertEquals(409, stolen.status(), "a phone already linked to another WeChat account");
        assertEquals("WECHAT_ALREADY_LINKED", stolen.body().getString("errorCode"));
    }

    @Test
    void badCodesAndTicketsAreRefused() {
        Api.Reply badCode = api.post("/api/v1/auth/wechat-login", Api.json("code", "made-up"), null);
        assertEquals(401, badCode.status());
        assertEquals("WECHAT_CODE_INVALID", badCode.body().getString("errorCode"));
        String ticket = wechatLogin("o-t-" + System.nanoTime()).data().getString("ticket");
        Api.Reply forged = api.post("/api/v1/auth/wechat-phone", Api.json("ticket", ticket.substring(0, ticket.length() - 4)
                + "AAAA", "phoneCode", wechat.phoneCode(Api.newPhone())), null);
        assertEquals(400, forged.status());
        assertEquals("WECHAT_TICKET_INVALID", forged.body().getString("errorCode"));
        Api.Reply badPhoneCode = api.post("/api/v1/auth/wechat-phone", Api.json("ticket", ticket, "phoneCode", "nope"),
                null);
        assertEquals(400, badPhoneCode.status());
        assertEquals("PHONE_CODE_INVALID", badPhoneCode.body().getString("errorCode"));
    }
}
