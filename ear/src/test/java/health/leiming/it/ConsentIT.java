package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Consent under PIPL: health data, family members and ID card numbers wait for the member's separate
 * consents; a withdrawal stops the processing (readings refused, no report); a new version of a document
 * needs a new acceptance; every answer is recorded and listed to the member; the AI model is asked only
 * with its own consent.
 */
class ConsentIT extends DeployedEar {

    private static final String READING = "{\"type\":\"blood_pressure\",\"value\":128,\"metadata\":{\"diastolic\":82}}";

    private final Api api = new Api();

    /** The current version of each kind of document. */
    private Map<String, Integer> current() {
        return api.get("/api/v1/privacy/documents", null).dataArray().getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(d -> d.getString("kind"), d -> d.getInt("version")));
    }

    private Api.Reply accept(Api.Session member, String... kinds) {
        Map<String, Integer> versions = current();
        var items = Json.createArrayBuilder();
        for (String kind : kinds) {
            items.add(Json.createObjectBuilder().add("kind", kind).add("version", versions.get(kind)));
        }
        return api.post("/api/v1/privacy/consents", Json.createObjectBuilder().add("consents", items).build().toString(),
                member.token());
    }

    private Api.Reply withdraw(Api.Session member, String kind) {
        return api.send(api.request("/api/v1/privacy/consents/" + kind, member.token()).DELETE());
    }

    private static List<String> missing(Api.Reply refused) {
        assertEquals(403, refused.status(), refused.raw());
        assertEquals("CONSENT_REQUIRED", refused.errorCode(), refused.raw());
        return refused.body().getJsonObject("data").getJsonArray("missing").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("kind")).toList();
    }

    @Test
    void healthDataWaitsForThePrivacyPolicyAndTheHealthDataConsent() {
        Api.Session member = api.loginWithoutConsent(Api.newPhone());
        JsonObject documents = api.get("/api/v1/privacy/documents", null).body();
        assertEquals(5, documents.getJsonArray("data").size(), "the policy and four separate consents, readable before login");

        Api.Reply refused = api.post("/api/v1/health/records", READING, member.token());
        assertEquals(List.of("privacy_policy", "health_data"), missing(refused));
        assertTrue(refused.body().getString("message").contains("《隐私政策》"), refused.raw());
        JsonObject first = refused.body().getJsonObject("data").getJsonArray("missing").getJsonObject(0);
        assertEquals(current().get("privacy_policy"), first.getInt("version"));
        assertEquals(List.of("privacy_policy", "health_data"), missing(api.get("/api/v1/health/records", member.token())));
        assertEquals(List.of("privacy_policy", "health_data"),
                missing(api.get("/api/v1/health/trends?type=blood_pressure", member.token())));
        assertEquals(List.of("privacy_policy", "health_data"), missing(api.get("/api/v1/health/profile", member.token())));

        JsonObject state = api.get("/api/v1/privacy/consents", member.token()).data();
        assertEquals(List.of("privacy_policy", "health_data"),
                state.getJsonArray("toAccept").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList());
        assertTrue(state.getJsonArray("documents").getValuesAs(JsonObject.class).stream()
                .allMatch(item -> item.getString("status").equals("not_given")), state.toString());

        assertEquals(200, accept(member, "privacy_policy").status());
        assertEquals(List.of("health_data"), missing(api.post("/api/v1/health/records", READING, member.token())));
        assertEquals(200, accept(member, "health_data").status());
        assertEquals(0, api.get("/api/v1/health/records", member.token()).data().getInt("total"),
                "the refused readings left nothing behind");
        assertEquals(200, api.post("/api/v1/health/records", READING, member.token()).status());

        // Accepting again records nothing new; the record lists each acceptance with its request.
        assertEquals(200, accept(member, "privacy_policy", "health_data").status());
        JsonObject history = api.get("/api/v1/privacy/consents/history", member.token()).data();
        assertEquals(2, history.getInt("total"), history.toString());
        JsonObject latest = history.getJsonArray("items").getJsonObject(0);
        assertEquals("health_data", latest.getString("kind"));
        assertEquals("accepted", latest.getString("action"));
        assertTrue(latest.getString("requestId").startsWith("req_"), latest.toString());
        assertEquals(api.clientAddress, latest.getString("clientAddress"));
    }

    @Test
    void onlyTheCurrentVersionOfAKnownDocumentCanBeAccepted() {
        Api.Session member = api.loginWithoutConsent(Api.newPhone());
        int version = current().get("health_data");
        Api.Reply stale = api.post("/api/v1/privacy/consents", "{\"consents\":[{\"kind\":\"health_data\",\"version\":"
                + (version + 1) + "}]}", member.token());
        assertEquals(409, stale.status(), stale.raw());
        assertEquals("CONSENT_VERSION_OUTDATED", stale.errorCode());
        Api.Reply unknown = api.post("/api/v1/privacy/consents", "{\"consents\":[{\"kind\":\"marketing\",\"version\":1}]}",
                member.token());
        assertEquals(400, unknown.status());
        assertEquals("CONSENT_KIND_UNKNOWN", unknown.errorCode());
        assertEquals(400, api.post("/api/v1/privacy/consents", "{\"consents\":[]}", member.token()).status());
        assertEquals(400, api.post("/api/v1/privacy/consents", "{\"consents\":[null]}", member.token()).status());
        assertEquals(400, withdraw(member, "everything").status());
        assertEquals(401, api.post("/api/v1/privacy/consents", "{\"consents\":[{\"kind\":\"health_data\",\"version\":"
                + version + "}]}", null).status());
        // A stale item in a list refuses the whole list: nothing of it is recorded.
        Api.Reply mixed = api.post("/api/v1/privacy/consents", "{\"consents\":[{\"kind\":\"privacy_policy\",\"version\":"
                + current().get("privacy_policy") + "},{\"kind\":\"health_data\",\"version\":" + (version + 1) + "}]}",
                member.token());
        assertEquals(409, mixed.status());
        assertEquals(0, api.get("/api/v1/privacy/consents/history", member.token()).data().getInt("total"));
    }

    @Test
    void withdrawingTheHealthDataConsentStopsReadingsAndReports() {
        LocalDate monday = LocalDate.now(Care.SHANGHAI).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        Api.Session staying = api.login(Api.newPhone());
        Api.Session leaving = api.login(Api.newPhone());
        for (Api.Session member : List.of(staying, leaving)) {
            for (int day = 0; day < 2; day++) {
                String at = monday.plusDays(day).atTime(8, 0).atZone(Care.SHANGHAI).toInstant().toString();
                assertEquals(200, api.post("/api/v1/health/records", "{\"type\":\"blood_pressure\",\"value\":150,"
                        + "\"recordedAt\":\"" + at + "\",\"metadata\":{\"diastolic\":95}}", member.token()).status());
            }
        }
        JsonObject state = withdraw(leaving, "health_data").data();
        assertEquals(List.of("health_data"), state.getJsonArray("toAccept").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertTrue(state.getJsonArray("documents").getValuesAs(JsonObject.class).stream()
                .anyMatch(i -> i.getJsonObject("document").getString("kind").equals("health_data")
                        && i.getString("status").equals("withdrawn")), state.toString());
        assertEquals(List.of("health_data"), missing(api.post("/api/v1/health/records", READING, leaving.token())));
        JsonObject withdrawal = api.get("/api/v1/privacy/consents/history", leaving.token()).data().getJsonArray("items")
                .getJsonObject(0);
        assertEquals("withdrawn", withdrawal.getString("action"));

        new Care(api).runJob("health-report", "{\"period\":\"week\",\"date\":\"" + monday + "\"}");
        assertEquals(1, api.get("/api/v1/health/reports", staying.token()).data().getInt("total"));
        assertEquals(200, accept(leaving, "health_data").status());
        assertEquals(0, api.get("/api/v1/health/reports", leaving.token()).data().getInt("total"),
                "no report was made while the consent was withdrawn");
        assertEquals(2, api.get("/api/v1/health/records", leaving.token()).data().getInt("total"),
                "the readings from before are kept (deletion is the member's separate request)");
    }

    @Test
    void aNewVersionOfADocumentMustBeAcceptedAgain() {
        Api.Session member = api.login(Api.newPhone());
        assertEquals(200, api.get("/api/v1/health/records", member.token()).status());
        Care care = new Care(api);
        int before = current().get("health_data");
        String body = "健康数据处理单独同意（修订" + Instant.now().toEpochMilli() + "）：新增说明。";
        Api.Reply published = api.post("/api/v1/admin/consent-documents", Json.createObjectBuilder().add("kind", "health_data")
                .add("title", "健康数据处理单独同意").add("body", body).build().toString(), care.adminToken());
        assertEquals(200, published.status(), published.raw());
        assertEquals(before + 1, published.data().getInt("version"));

        List<String> refused = missing(api.get("/api/v1/health/records", member.token()));
        assertEquals(List.of("health_data"), refused, "the version the member accepted is no longer current");
        JsonObject item = api.get("/api/v1/privacy/consents", member.token()).data().getJsonArray("documents")
                .getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getJsonObject("document").getString("kind").equals("health_data")).findFirst().orElseThrow();
        assertEquals("outdated", item.getString("status"));
        assertEquals(before, item.getInt("acceptedVersion"));
        assertEquals(body, item.getJsonObject("document").getString("body"));
        assertEquals(200, accept(member, "health_data").status());
        assertEquals(200, api.get("/api/v1/health/records", member.token()).status());

        // Earlier versions keep their text; members and operators cannot publish; a blank text is refused.
        var versions = api.get("/api/v1/admin/consent-documents?kind=health_data", care.adminToken()).dataArray();
        assertEquals(before + 1, versions.size());
        assertFalse(versions.getJsonObject(1).getString("body").equals(body));
        assertEquals(403, api.post("/api/v1/admin/consent-documents", "{\"kind\":\"health_data\",\"title\":\"x\",\"body\":\"y\"}",
                member.token()).status());
        Api.Reply blank = api.post("/api/v1/admin/consent-documents", "{\"kind\":\"health_data\",\"title\":\"x\",\"body\":\" \"}",
                care.adminToken());
        assertEquals(400, blank.status());
        assertEquals(before + 1, current().get("health_data"), "nothing was published by the refused requests");
    }

    @Test
    void familyMembersAndIdCardNumbersNeedTheirOwnConsents() {
        Api.Session member = api.loginWithoutConsent(Api.newPhone());
        assertEquals(200, accept(member, "privacy_policy", "health_data").status());
        String child = "{\"name\":\"李小宝\",\"relation\":\"child\"}";
        assertEquals(List.of("family_data"), missing(api.post("/api/v1/persons", child, member.token())));
        assertEquals(1, api.get("/api/v1/persons", member.token()).dataArray().size(), "only the member themselves");
        assertEquals(200, accept(member, "family_data").status());
        assertEquals(200, api.post("/api/v1/persons", child, member.token()).status());

        String withIdCard = "{\"name\":\"李大山\",\"relation\":\"parent\",\"idCard\":\"11010519491231002X\"}";
        assertEquals(List.of("id_card"), missing(api.post("/api/v1/persons", withIdCard, member.token())));
        // The member's own record needs no family consent, but an ID card number still needs its own.
        assertEquals(List.of("id_card"), missing(api.put("/api/v1/persons/" + member.memberId(),
                "{\"name\":\"李明\",\"relation\":\"self\",\"idCard\":\"11010519491231002X\"}", member.token())));
        assertEquals(200, accept(member, "id_card").status());
        assertEquals(200, api.post("/api/v1/persons", withIdCard, member.token()).status());

        // A child under 14 only with the member's declaration that they are the guardian and consent.
        String young = "{\"name\":\"李小小\",\"relation\":\"grandchild\",\"birthDate\":\""
                + LocalDate.now(Care.SHANGHAI).minusYears(13).minusDays(300) + "\"";
        Api.Reply undeclared = api.post("/api/v1/persons", young + "}", member.token());
        assertEquals(400, undeclared.status(), undeclared.raw());
        assertEquals("GUARDIAN_CONSENT_REQUIRED", undeclared.errorCode());
        assertEquals(3, api.get("/api/v1/persons", member.token()).dataArray().size(), "nothing added");
        assertEquals(200, api.post("/api/v1/persons", young + ",\"guardianConsent\":true}", member.token()).status());
        assertEquals(4, api.get("/api/v1/persons", member.token()).dataArray().size());
    }

    @Test
    void theModelIsAskedOnlyWithTheMembersConsent() {
        FakeModel model = FakeModel.get();
        model.mode(FakeModel.Mode.ANSWER);
        String lab = "{\"kind\":\"lab\",\"items\":[{\"name\":\"空腹血糖\",\"value\":6.8,\"unit\":\"mmol/L\","
                + "\"referenceRange\":\"3.9-6.1\"}]}";
        Api.Session consenting = api.login(Api.newPhone());
        Instant deadline = Instant.now().plusSeconds(10); // a breaker opened by another test closes within a second
        while (!api.post("/api/v1/ai/interpretations", lab, consenting.token()).data().getString("interpreter")
                .startsWith("model:")) {
            assertTrue(Instant.now().isBefore(deadline), "the model never answered");
            FakeSmsGateway.sleep(500);
        }
        Api.Session declining = api.loginWithoutConsent(Api.newPhone());
        assertEquals(200, accept(declining, "privacy_policy", "health_data").status());
        int asked = model.requests.size();
        JsonObject answer = api.post("/api/v1/ai/interpretations", lab, declining.token()).data();
        assertFalse(answer.getString("interpreter").startsWith("model:"), answer.toString());
        assertEquals(asked, model.requests.size(), "nothing was sent to the model");
        assertEquals(200, accept(declining, "ai_model").status());
        assertTrue(api.post("/api/v1/ai/interpretations", lab, declining.token()).data().getString("interpreter")
                .startsWith("model:"));
    }
}
