package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The companions' page on a phone-sized headless Chromium: signed in through WeCom's OAuth (the fake
 * WeCom's authorize page), a companion accepts a task, checks in with the member's code (a wrong code
 * is refused) and completes it; the member's order follows. Strangers and forged sign-ins get nowhere.
 */
class StaffPageIT extends DeployedEar {

    private final Api api = new Api();
    private final Care care = new Care(api);
    private final FakeWecomApi wecom = FakeWecomApi.get();
    private final FakeWechatPay wechat = FakeWechatPay.get();

    @Test
    void aCompanionAcceptsChecksInAndCompletesATaskFromWecom() throws Exception {
        String wecomUser = "staffpage" + System.nanoTime();
        String serviceId = care.service("门诊陪诊" + System.nanoTime(), "199.00", 60).getString("id");
        Api.Reply staff = api.post("/api/v1/admin/staff", Json.createObjectBuilder().add("name", "周陪诊")
                .add("wecomUserId", wecomUser).add("serviceIds", Json.createArrayBuilder().add(serviceId)).build()
                .toString(), care.adminToken());
        assertEquals(200, staff.status(), staff.raw());
        Api.Session member = api.login(Api.newPhone());
        Api.Reply booked = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(14), null), member.token());
        assertEquals(200, booked.status(), booked.raw());
        String orderId = booked.data().getString("orderId");
        String orderNo = booked.data().getString("orderNo");
        assertEquals(200, api.post("/api/v1/orders/" + orderId + "/pay", Api.json("openid", "o-staffpage"),
                member.token()).status());
        assertEquals(200, wechat.notify(FakeWechatPay.notificationBody("TRANSACTION.SUCCESS", FakeWechatPay.transaction(
                orderNo, 19900, "4200000030" + System.nanoTime()))).status());
        String code = api.get("/api/v1/orders/" + orderId, member.token()).data().getJsonObject("appointment")
                .getString("checkInCode");

        wecom.signInAs(wecomUser);
        try (Browser phone = Browser.open(375, 812)) {
            phone.go("/staff/");
            String card = "#task-" + orderNo;
            phone.find(card);
            assertEquals("/staff/index.xhtml", phone.path());
            Map<String, String> asked = wecom.authorizeRequests.get(wecom.authorizeRequests.size() - 1);
            assertEquals("snsapi_base", asked.get("scope"));
            assertTrue(asked.get("redirect_uri").endsWith("/staff/login"), asked.toString());
            assertTrue(phone.text("#who").contains("周陪诊"));
            assertTrue(phone.text(card).contains("138****8000"), "the member's phone is masked on screen");
            assertEquals("tel:13800138000", phone.find(card + " a.call").getAttribute("href"), "and a tap calls it");
            assertTrue(phone.text(card).contains("需要轮椅辅助"));
            phone.screenshot("staff-tasks");

            phone.submit(card + " input.confirm");
            assertTrue(phone.text("#flash").contains("已接单"), phone.page());
            phone.submit(card + " a.chat-link");
            org.openqa.selenium.support.ui.WebDriverWait live = new org.openqa.selenium.support.ui.WebDriverWait(
                    phone.driver(), Duration.ofSeconds(15));
            live.until(d -> phone.text("#chat-state").contains("已连接"));
            phone.type("#say-text", "您好，我是今天的陪诊员，已到医院门口");
            phone.find("#say-send").click();
            live.until(d -> phone.text("#messages").contains("已到医院门口"));
            Api.Reply history = api.get("/api/v1/orders/" + orderId + "/chat", member.token());
            assertTrue(history.raw().contains("已到医院门口"), "the member has it: " + history.raw());
            assertEquals(200, api.post("/api/v1/orders/" + orderId + "/chat", Api.json("content", "好的，我穿红色外套"),
                    member.token()).status());
            live.until(d -> phone.text("#messages").contains("我穿红色外套"));
            phone.screenshot("staff-chat");
            String cookie = "LEIMING_SESSION=" + phone.driver().manage().getCookieNamed("LEIMING_SESSION").getValue();
            ChatIT.Client elsewhere = ChatIT.Client.connectWith(orderId, Map.of("Cookie", cookie, "Origin", "https://evil.example"));
            assertEquals("1008 UNAUTHENTICATED", elsewhere.closeReason(), "another site's page cannot use the session");
            ChatIT.Client ours = ChatIT.Client.connectWith(orderId, Map.of("Cookie", cookie, "Origin", "http://localhost:9080"));
            assertFalse(ours.closed.isDone(), "a page of ours can");
            ours.close();
            phone.go("/staff/chat.xhtml?order=" + someoneElsesOrder());
            assertTrue(phone.text("#not-found").contains("没有找到"), "another order's chat is not found: " + phone.page());
            phone.go("/staff/");

            phone.type(card + " input.code", "000000");
            phone.submit(card + " input.start");
            assertTrue(phone.text("#flash").contains("签到码不正确"), phone.page());
            assertEquals("已确认", phone.text(card + " .tag"), "a wrong code starts nothing");
            phone.type(card + " input.code", code);
            phone.submit(card + " input.start");
            assertTrue(phone.text("#flash").contains("签到成功"), phone.page());
            phone.screenshot("staff-in-progress");
            phone.go("/staff/");
            assertEquals("/staff/index.xhtml", phone.path(), "the workbench's link opens the tasks again");
            phone.submit(card + " input.complete");
            assertTrue(phone.text("#flash").contains("服务已完成"), phone.page());
            assertEquals("已完成", phone.text(card + " .tag"));
        }
        assertEquals("completed", api.get("/api/v1/orders/" + orderId, member.token()).data().getJsonObject("order")
                .getString("status"));
        Api.Reply messages = api.await("/api/v1/messages?size=20", member.token(),
                r -> r.raw().contains("服务已完成"), Duration.ofSeconds(20));
        assertTrue(messages.raw().contains("服务人员已接单"), messages.raw());
    }

    /** Another member's order, which this companion does not have. */
    private String someoneElsesOrder() {
        String serviceId = care.service("陪诊他人" + System.nanoTime(), "99.00", 60).getString("id");
        care.staff("吴陪诊", serviceId);
        Api.Session other = api.login(Api.newPhone());
        Api.Reply booked = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(9), null), other.token());
        assertEquals(200, booked.status(), booked.raw());
        return booked.data().getString("orderId");
    }

    @Test
    void strangersAndForgedSignInsGetNowhere() throws Exception {
        wecom.signInAs("not-staff-" + System.nanoTime());
        try (Browser phone = Browser.open(375, 812)) {
            phone.go("/staff/");
            assertTrue(phone.text("#refused").contains("无法访问"), phone.page());
            assertTrue(phone.page().contains("您还不是服务人员"));
            assertFalse(phone.page().contains("我的陪诊任务"));

            // a code obtained elsewhere, without the state this browser was given
            phone.go("/staff/login?code=" + wecom.codeFor("anyone") + "&state=forged");
            assertTrue(phone.page().contains("登录链接已失效"), phone.page());
            phone.go("/staff/index.xhtml");
            assertFalse(phone.path().startsWith("/staff/index"), "still not signed in");
        }
    }
}
