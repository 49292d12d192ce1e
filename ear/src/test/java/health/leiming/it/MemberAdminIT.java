package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Member management by admins: masked search, membership level, suspension, order search. */
class MemberAdminIT extends DeployedEar {

    private final Api api = new Api();
    private final Care care = new Care(api);

    @Test
    void adminsFindMembersMaskedAndSetTheirLevel() {
        Api.Session member = api.login(Api.newPhone());
        Api.Reply found = api.get("/api/v1/admin/members?q=" + member.phone(), care.adminToken());
        assertEquals(200, found.status(), found.raw());
        assertEquals(1, found.data().getInt("total"));
        JsonObject row = found.data().getJsonArray("items").getJsonObject(0);
        assertEquals(member.memberId(), row.getString("id"));
        assertEquals(member.phone().substring(0, 3) + "****" + member.phone().substring(7), row.getString("phone"));
        assertTrue(!found.raw().contains(member.phone()), "the full phone number never leaves");

        Api.Reply premium = api.put("/api/v1/admin/members/" + member.memberId() + "/membership",
                Api.json("level", "premium"), care.adminToken());
        assertEquals(200, premium.status(), premium.raw());
        assertEquals("premium", api.get("/api/v1/users/me", member.token()).data().getString("membershipLevel"));
        assertEquals(400, api.put("/api/v1/admin/members/" + member.memberId() + "/membership",
                Api.json("level", "gold"), care.adminToken()).status());
        assertEquals(403, api.get("/api/v1/admin/members", member.token()).status(), "members are not admins");
        assertEquals(404, api.post("/api/v1/admin/members/nobody/suspend", "", care.adminToken()).status());
    }

    @Test
    void aSuspendedMembersTokensStopWorkingUntilReactivated() {
        Api.Session member = api.login(Api.newPhone());
        assertEquals(200, api.get("/api/v1/users/me", member.token()).status());
        assertEquals(200, api.post("/api/v1/admin/members/" + member.memberId() + "/suspend", "", care.adminToken())
                .status());

        Api.Reply refused = api.get("/api/v1/users/me", member.token());
        assertEquals(403, refused.status());
        assertEquals("ACCOUNT_DISABLED", refused.body().getString("errorCode"));
        assertEquals(401, api.post("/api/v1/auth/refresh", Api.json("refreshToken", member.refreshToken()), null)
                .status(), "their sessions are ended");
        FakeSmsGateway.sleep(2100); // the test server's minimum interval between codes
        assertEquals(200, api.post("/api/v1/auth/sms-code", Api.json("phone", member.phone(), "scene", "login"), null)
                .status());
        Api.Reply login = api.post("/api/v1/auth/login", Api.json("phone", member.phone(), "code",
                FakeSmsGateway.get().latestCode(member.phone())), null);
        assertEquals(403, login.status(), "and they cannot log in");
        assertEquals("ACCOUNT_DISABLED", login.body().getString("errorCode"));

        assertEquals(200, api.post("/api/v1/admin/members/" + member.memberId() + "/reactivate", "",
                care.adminToken()).status());
        assertEquals(200, api.get("/api/v1/users/me", member.token()).status());
        Api.Reply suspendedList = api.get("/api/v1/admin/members?status=suspended&q=" + member.phone(),
                care.adminToken());
        assertEquals(0, suspendedList.data().getInt("total"));
    }

    @Test
    void adminsSearchOrdersByPhoneStatusAndService() {
        String serviceId = care.service("陪诊" + System.nanoTime(), "88.00", 60).getString("id");
        care.staff("甲", serviceId);
        Api.Session member = api.login(Api.newPhone());
        assertEquals(200, api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(12), null), member.token())
                .status());

        Api.Reply byPhone = api.get("/api/v1/admin/orders?phone=" + member.phone(), care.adminToken());
        assertEquals(200, byPhone.status(), byPhone.raw());
        assertEquals(1, byPhone.data().getInt("total"));
        assertEquals(1, api.get("/api/v1/admin/orders?serviceId=" + serviceId + "&date=" + Care.slotDay(),
                care.adminToken()).data().getInt("total"));
        assertEquals(0, api.get("/api/v1/admin/orders?serviceId=" + serviceId + "&status=completed",
                care.adminToken()).data().getInt("total"));
        assertEquals(1, api.get("/api/v1/admin/members/" + member.memberId() + "/orders", care.adminToken()).data()
                .getInt("total"));
        assertEquals(400, api.get("/api/v1/admin/orders?status=lost", care.adminToken()).status());
    }
}
