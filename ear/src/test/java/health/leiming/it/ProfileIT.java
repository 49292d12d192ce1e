package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Reading and editing one's own profile. */
class ProfileIT extends DeployedEar {

    private final Api api = new Api();

    @Test
    void aMemberEditsTheirProfile() {
        Api.Session member = api.login(Api.newPhone());
        String edit = Json.createObjectBuilder().add("name", "欧阳娜娜").add("avatar", "https://cdn.example.com/a.png")
                .add("gender", "female").add("birthDate", "1956-03-08").build().toString();
        Api.Reply updated = api.put("/api/v1/users/me", edit, member.token());
        assertEquals(200, updated.status(), updated.raw());

        JsonObject me = api.get("/api/v1/users/me", member.token()).data();
        assertEquals("欧阳娜娜", me.getString("name"));
        assertEquals("female", me.getString("gender"));
        assertEquals("1956-03-08", me.getString("birthDate"));
        assertEquals("https://cdn.example.com/a.png", me.getString("avatar"));
    }

    @Test
    void textThatLooksLikeSqlIsStoredAndReturnedIntact() {
        Api.Session member = api.login(Api.newPhone());
        String name = "O'Brien; select 1 --";
        Api.Reply updated = api.put("/api/v1/users/me", Json.createObjectBuilder().add("name", name).build().toString(),
                member.token());
        assertEquals(200, updated.status(), updated.raw());
        assertEquals(name, api.get("/api/v1/users/me", member.token()).data().getString("name"));
    }

    @Test
    void invalidFieldsAreListedAndNothingChanges() {
        Api.Session member = api.login(Api.newPhone());
        api.put("/api/v1/users/me", Json.createObjectBuilder().add("name", "张三").build().toString(), member.token());

        String bad = Json.createObjectBuilder().add("name", "x".repeat(51)).add("avatar", "javascript:alert(1)")
                .add("gender", "robot").build().toString();
        Api.Reply refused = api.put("/api/v1/users/me", bad, member.token());
        assertEquals(400, refused.status());
        assertEquals("VALIDATION_FAILED", refused.errorCode());
        assertEquals(3, refused.data().getJsonArray("fields").size(), refused.raw());
        assertTrue(refused.raw().contains("\"field\":\"gender\""));

        assertEquals("张三", api.get("/api/v1/users/me", member.token()).data().getString("name"));
    }

    @Test
    void aBirthDateInTheFutureIsRefused() {
        Api.Session member = api.login(Api.newPhone());
        Api.Reply refused = api.put("/api/v1/users/me",
                Json.createObjectBuilder().add("birthDate", "2999-01-01").build().toString(), member.token());
        assertEquals(400, refused.status());
        assertEquals("BIRTH_DATE_INVALID", refused.errorCode());
    }

    @Test
    void malformedJsonIsA400WithoutInternals() {
        Api.Session member = api.login(Api.newPhone());
        Api.Reply refused = api.put("/api/v1/users/me", "{\"name\": ", member.token());
        assertEquals(400, refused.status(), refused.raw());
        assertEquals("BAD_REQUEST", refused.errorCode());
        assertTrue(!refused.raw().contains("Exception") && !refused.raw().contains("at health."), refused.raw());
    }
}
