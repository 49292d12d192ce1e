package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

/** Staff log in through WeCom OAuth: the code names a WeCom user who must be active staff. */
class StaffLoginIT extends DeployedEar {

    private final Api api = new Api();
    private final Care care = new Care(api);
    private final FakeWecomApi wecom = FakeWecomApi.get();

    private String staffWithWecomId(String wecomUser) {
        String serviceId = care.service("陪诊" + System.nanoTime(), "99.00", 60).getString("id");
        Api.Reply staff = api.post("/api/v1/admin/staff", Json.createObjectBuilder().add("name", "孙护工")
                .add("wecomUserId", wecomUser).add("serviceIds", Json.createArrayBuilder().add(serviceId)).build()
                .toString(), care.adminToken());
        assertEquals(200, staff.status(), staff.raw());
        return staff.data().getString("id");
    }

    private Api.Reply login(String code) {
        return api.post("/api/v1/staff/login", Api.json("code", code), null);
    }

    @Test
    void aCompanionLogsInFromWecomAndSeesTheirTasks() {
        String wecomUser = "sun" + System.nanoTime();
        String staffId = staffWithWecomId(wecomUser);
        String code = wecom.codeFor(wecomUser);
        Api.Reply login = login(code);
        assertEquals(200, login.status(), login.raw());
        assertEquals(staffId, login.data().getString("staffId"));
        String token = login.data().getString("token");
        assertEquals(200, api.get("/api/v1/staff/tasks", token).status(), "a staff token");
        assertEquals(403, api.get("/api/v1/users/me", token).status(), "not a member token");

        Api.Reply reused = login(code);
        assertEquals(401, reused.status(), "a code is good for one use");
        assertEquals("WECOM_CODE_INVALID", reused.body().getString("errorCode"));
    }

    @Test
    void strangersAndFormerStaffAreRefused() {
        Api.Reply stranger = login(wecom.codeFor("not-staff-" + System.nanoTime()));
        assertEquals(403, stranger.status());
        assertEquals("NOT_STAFF", stranger.body().getString("errorCode"));
        assertEquals(400, api.post("/api/v1/staff/login", "{}", null).status());

        String wecomUser = "qian" + System.nanoTime();
        String staffId = staffWithWecomId(wecomUser);
        Api.Reply left = api.put("/api/v1/admin/staff/" + staffId, Json.createObjectBuilder().add("name", "钱护工")
                .add("wecomUserId", wecomUser).add("active", false).build().toString(), care.adminToken());
        assertEquals(200, left.status(), left.raw());
        assertEquals(403, login(wecom.codeFor(wecomUser)).status(), "who left cannot log in");
    }

    @Test
    void theAccessTokenIsCachedAndFetchedAgainOnceWhenWecomRejectsIt() {
        String wecomUser = "zhou" + System.nanoTime();
        staffWithWecomId(wecomUser);
        assertEquals(200, login(wecom.codeFor(wecomUser)).status());
        int issued = wecom.tokensIssued.get();
        assertEquals(200, login(wecom.codeFor(wecomUser)).status());
        assertEquals(issued, wecom.tokensIssued.get(), "the cached token serves the second login");

        wecom.invalidateTokens();
        Api.Reply afterRevocation = login(wecom.codeFor(wecomUser));
        assertEquals(200, afterRevocation.status(), afterRevocation.raw());
        assertEquals(issued + 1, wecom.tokensIssued.get(), "exactly one new token");
    }
}
