package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Family members: the member is a person of their own; ID cards validated, masked, never returned in full. */
class FamilyIT extends DeployedEar {

    /** The example number of GB 11643-1999 itself: born 1949-12-31, female, check character X. */
    static final String ID_CARD = "11010519491231002X";

    private final Api api = new Api();

    @Test
    void aNewMemberIsTheirOwnFirstPerson() {
        Api.Session member = api.login(Api.newPhone());
        JsonArray persons = api.get("/api/v1/persons", member.token()).body().getJsonArray("data");
        assertEquals(1, persons.size());
        assertEquals(member.memberId(), persons.getJsonObject(0).getString("id"));
        assertEquals("self", persons.getJsonObject(0).getString("relation"));
    }

    @Test
    void aFamilyMemberWithAnIdCardGetsBirthDateAndGenderFromItAndIsShownMasked() {
        Api.Session member = api.login(Api.newPhone());
        String body = Json.createObjectBuilder().add("name", "王建国").add("relation", "parent").add("idCard", ID_CARD)
                .add("phone", "13912345678").build().toString();
        Api.Reply added = api.post("/api/v1/persons", body, member.token());
        assertEquals(200, added.status(), added.raw());
        JsonObject person = added.data();
        assertEquals("1949-12-31", person.getString("birthDate"));
        assertEquals("female", person.getString("gender"));
        assertEquals("110105********002X", person.getString("idCard"));
        assertEquals("139****5678", person.getString("phone"));
        assertFalse(added.raw().contains(ID_CARD), "the full ID card number never leaves the server");
        assertFalse(api.get("/api/v1/persons", member.token()).raw().contains(ID_CARD));
        assertEquals(2, api.get("/api/v1/persons", member.token()).body().getJsonArray("data").size());
    }

    @Test
    void aWrongCheckDigitIsRefusedAndNothingIsAdded() {
        Api.Session member = api.login(Api.newPhone());
        String body = Json.createObjectBuilder().add("name", "李四").add("relation", "spouse")
                .add("idCard", "110105194910010010").build().toString();
        Api.Reply refused = api.post("/api/v1/persons", body, member.token());
        assertEquals(400, refused.status());
        assertEquals("ID_CARD_INVALID", refused.errorCode());
        assertEquals(1, api.get("/api/v1/persons", member.token()).body().getJsonArray("data").size());
    }

    @Test
    void theSameIdCardCannotBeAddedTwice() {
        Api.Session member = api.login(Api.newPhone());
        String body = Json.createObjectBuilder().add("name", "王建国").add("relation", "parent").add("idCard", ID_CARD)
                .build().toString();
        assertEquals(200, api.post("/api/v1/persons", body, member.token()).status());
        Api.Reply again = api.post("/api/v1/persons", body, member.token());
        assertEquals(409, again.status());
        assertEquals("PERSON_DUPLICATE", again.errorCode());
    }

    @Test
    void anotherMembersPersonIsNotFoundForEveryOperation() {
        Api.Session owner = api.login(Api.newPhone());
        Api.Session other = api.login(Api.newPhone());
        String id = api.post("/api/v1/persons", Json.createObjectBuilder().add("name", "王芳").add("relation", "child")
                .build().toString(), owner.token()).data().getString("id");

        assertEquals(404, api.get("/api/v1/persons/" + id, other.token()).status());
        assertEquals(404, api.put("/api/v1/persons/" + id, Json.createObjectBuilder().add("name", "x").build().toString(),
                other.token()).status());
        assertEquals(404, api.send(api.request("/api/v1/persons/" + id, other.token()).DELETE()).status());
        assertEquals(404, api.get("/api/v1/persons/" + owner.memberId(), other.token()).status());
        assertEquals("王芳", api.get("/api/v1/persons/" + id, owner.token()).data().getString("name"));
    }

    @Test
    void theMemberThemselvesCannotBeDeleted() {
        Api.Session member = api.login(Api.newPhone());
        Api.Reply refused = api.send(api.request("/api/v1/persons/" + member.memberId(), member.token()).DELETE());
        assertEquals(409, refused.status());
        assertEquals("PERSON_IS_SELF", refused.errorCode());
        assertTrue(api.get("/api/v1/persons/" + member.memberId(), member.token()).success());
    }
}
