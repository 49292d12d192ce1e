package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The knowledge base: editing (sanitised), publishing, reading with ETags, search, likes, recommendations. */
class KnowledgeIT extends DeployedEar {

    private final Api api = new Api();
    private final Care care = new Care(api);

    private String article(String title, String content, String category, boolean recommended, String... tags) {
        var tagArray = Json.createArrayBuilder();
        for (String t : tags) {
            tagArray.add(t);
        }
        Api.Reply created = api.post("/api/v1/admin/knowledge", Json.createObjectBuilder().add("title", title)
                .add("content", content).add("category", category).add("tags", tagArray).add("source", "雷鸣健康")
                .add("author", "编辑部").add("recommended", recommended).build().toString(), care.adminToken());
        assertEquals(200, created.status(), created.raw());
        String id = created.data().getString("id");
        assertEquals(200, api.post("/api/v1/admin/knowledge/" + id + "/publish", "", care.adminToken()).status());
        return id;
    }

    private static List<String> titles(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(a -> a.getString("title")).toList();
    }

    @Test
    void editorsWriteSafeArticlesAndMembersReadOnlyPublishedOnes() {
        String unique = "k" + System.nanoTime();
        Api.Reply created = api.post("/api/v1/admin/knowledge", Json.createObjectBuilder().add("title", "控盐" + unique)
                .add("content", "<p onclick=\"steal()\">每天盐不超过5克<script>alert(1)</script></p>"
                        + "<a href=\"javascript:alert(1)\">链接</a><img src=x onerror=alert(1)>")
                .add("category", "饮食").build().toString(), care.adminToken());
        assertEquals(200, created.status(), created.raw());
        String content = created.data().getString("content");
        assertFalse(content.contains("script") || content.contains("onclick") || content.contains("javascript:")
                || content.contains("onerror"), content);
        assertTrue(content.contains("每天盐不超过5克"), content);
        String id = created.data().getString("id");

        Api.Session member = api.login(Api.newPhone());
        assertEquals(404, api.get("/api/v1/knowledge/" + id, member.token()).status(), "a draft is not readable");
        assertEquals(403, api.post("/api/v1/admin/knowledge", "{}", member.token()).status());
        Api.Reply invalid = api.post("/api/v1/admin/knowledge", "{\"title\":\"\",\"content\":\"x\",\"category\":\"饮食\"}",
                care.adminToken());
        assertEquals(400, invalid.status(), invalid.raw());

        assertEquals(java.util.List.of(id), editorsList("status=draft&q=" + unique.toUpperCase()));
        assertEquals(java.util.List.of(), editorsList("status=published&q=" + unique));
        assertEquals(400, api.get("/api/v1/admin/knowledge?status=deleted", care.adminToken()).status());

        assertEquals(200, api.post("/api/v1/admin/knowledge/" + id + "/publish", "", care.adminToken()).status());
        assertEquals(java.util.List.of(id), editorsList("status=published&category=" + enc("饮食") + "&q=" + unique));
        assertEquals(java.util.List.of(), editorsList("status=draft&q=" + unique));
        Api.Reply read = api.get("/api/v1/knowledge/" + id, member.token());
        assertEquals(200, read.status(), read.raw());
        assertEquals(1, read.data().getInt("viewCount"));
        String etag = read.headers().firstValue("ETag").orElseThrow();
        Api.Reply again = api.send(api.request("/api/v1/knowledge/" + id, member.token()).header("If-None-Match", etag).GET());
        assertEquals(304, again.status(), "unchanged: not sent again");
        assertEquals(200, api.put("/api/v1/admin/knowledge/" + id, Json.createObjectBuilder().add("title", "控盐" + unique)
                .add("content", "<p>每天盐不超过5克，酱油也算盐。</p>").add("category", "饮食").build().toString(),
                care.adminToken()).status());
        Api.Reply changed = api.send(api.request("/api/v1/knowledge/" + id, member.token()).header("If-None-Match", etag).GET());
        assertEquals(200, changed.status(), "edited: sent again");
        assertTrue(changed.data().getString("content").contains("酱油"));

        assertEquals(200, api.post("/api/v1/admin/knowledge/" + id + "/unpublish", "", care.adminToken()).status());
        assertEquals(404, api.get("/api/v1/knowledge/" + id, member.token()).status());
        assertEquals(200, api.send(api.request("/api/v1/admin/knowledge/" + id, care.adminToken()).DELETE()).status());
        assertEquals(404, api.post("/api/v1/admin/knowledge/" + id + "/publish", "", care.adminToken()).status());
    }

    @Test
    void searchFindsWordsInsideLongerWordsTitleMatchesFirst() {
        String unique = "S" + System.nanoTime();
        String inTitle = article("妊娠期高血压的饮食" + unique, "<p>孕期注意" + unique + "</p>", "孕期", false);
        String inText = article("孕期营养" + unique, "<p>预防高血压，" + unique + "</p>", "孕期", true);
        article("感冒的护理" + unique, "<p>多喝水" + unique + "</p>", "常见病", true);
        Api.Session member = api.login(Api.newPhone());

        JsonObject found = api.get("/api/v1/knowledge?q=" + java.net.URLEncoder.encode("高血压", java.nio.charset.StandardCharsets.UTF_8)
                + "&size=100", member.token()).data();
        List<String> titles = titles(found).stream().filter(t -> t.endsWith(unique)).toList();
        assertEquals(List.of("妊娠期高血压的饮食" + unique, "孕期营养" + unique), titles,
                "title match first, even before a recommended text match");
        JsonObject byCategory = api.get("/api/v1/knowledge?category=" + java.net.URLEncoder.encode("孕期",
                java.nio.charset.StandardCharsets.UTF_8) + "&size=100", member.token()).data();
        List<String> pregnancy = titles(byCategory).stream().filter(t -> t.endsWith(unique)).toList();
        assertEquals(List.of("孕期营养" + unique, "妊娠期高血压的饮食" + unique), pregnancy, "recommended first within a category");
        JsonObject latin = api.get("/api/v1/knowledge?q=" + unique.toLowerCase(), member.token()).data();
        assertEquals(3, latin.getInt("total"), "case-insensitive: " + latin);
        assertEquals(0, api.get("/api/v1/knowledge?q=" + unique + "%25", member.token()).data().getInt("total"),
                "a % is a character, not a wildcard");
        assertTrue(inTitle.length() > 0 && inText.length() > 0);
    }

    @Test
    void likesCountOncePerMemberUnderConcurrentRequests() {
        String tag = "运动" + System.nanoTime();
        String id = article("运动与血压" + System.nanoTime(), "<p>每周150分钟</p>", "运动", false, tag);
        Api.Session first = api.login(Api.newPhone());
        List<Api.Reply> same = Crowd.atOnce(Crowd.SIZE, (client, i) -> client.post("/api/v1/knowledge/" + id + "/like",
                "", first.token()));
        same.forEach(reply -> assertEquals(200, reply.status(), reply.raw()));
        List<Api.Session> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            others.add(api.login(Api.newPhone()));
        }
        others.stream().map(m -> CompletableFuture.supplyAsync(() -> api.post("/api/v1/knowledge/" + id + "/like", "", m.token())))
                .toList().forEach(f -> assertEquals(200, f.join().status()));
        JsonObject article = api.get("/api/v1/knowledge/" + id, first.token()).data();
        assertEquals(7, article.getInt("likeCount"), "one member's 150 taps count once, six others once each");
        assertTrue(article.getBoolean("liked"));

        List<CompletableFuture<Api.Reply>> unlikes = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> api.send(api.request("/api/v1/knowledge/" + id + "/like", first.token()).DELETE()))).toList();
        unlikes.forEach(f -> assertEquals(200, f.join().status()));
        JsonObject after = api.get("/api/v1/knowledge/" + id, first.token()).data();
        assertEquals(6, after.getInt("likeCount"));
        long viewsBefore = after.getJsonNumber("viewCount").longValue();
        IntStream.range(0, 12).mapToObj(i -> CompletableFuture.supplyAsync(() -> api.get("/api/v1/knowledge/" + id,
                others.get(i % others.size()).token()))).toList().forEach(f -> assertEquals(200, f.join().status()));
        assertEquals(viewsBefore + 13, api.get("/api/v1/knowledge/" + id, first.token()).data().getJsonNumber("viewCount")
                .longValue(), "twelve concurrent reads and this one, each counted");
        assertFalse(after.getBoolean("liked"));
        assertEquals(404, api.post("/api/v1/knowledge/nope/like", "", first.token()).status());
        JsonObject tagged = api.get("/api/v1/knowledge?tag=" + java.net.URLEncoder.encode(tag,
                java.nio.charset.StandardCharsets.UTF_8), first.token()).data();
        assertEquals(1, tagged.getInt("total"), tagged.toString());
    }

    @Test
    void aMemberWithHighBloodPressureSeesHypertensionArticlesFirst() {
        String hypertension = article("高血压的日常管理" + System.nanoTime(), "<p>规律测量</p>", "慢病管理", false, "高血压");
        article("春季过敏" + System.nanoTime(), "<p>花粉</p>", "常见病", true, "过敏");
        Api.Session member = api.login(Api.newPhone());
        String reading = Json.createObjectBuilder().add("type", "blood_pressure").add("value", 148).add("unit", "mmHg")
                .add("recordedAt", Instant.now().minusSeconds(120).toString())
                .add("metadata", Json.createObjectBuilder().add("systolic", 148).add("diastolic", 94)).build().toString();
        assertEquals(200, api.post("/api/v1/health/records", reading, member.token()).status());
        List<JsonObject> recommended = api.get("/api/v1/knowledge/recommendations", member.token()).dataArray()
                .getValuesAs(JsonObject.class);
        assertEquals(hypertension, recommended.get(0).getString("id"), recommended.toString());

        Api.Session healthy = api.login(Api.newPhone());
        List<JsonObject> general = api.get("/api/v1/knowledge/recommendations", healthy.token()).dataArray()
                .getValuesAs(JsonObject.class);
        assertTrue(general.get(0).getBoolean("recommended"), "without health hints: the editors' picks first " + general);
        assertTrue(general.stream().noneMatch(a -> a.getString("id").equals(hypertension)) || !general.get(0).getString("id")
                .equals(hypertension), "nothing points this member to hypertension first");
    }

    /** The ids in the editors' list for a query string. */
    private java.util.List<String> editorsList(String query) {
        Api.Reply list = api.get("/api/v1/admin/knowledge?size=200&" + query, care.adminToken());
        assertEquals(200, list.status(), list.raw());
        return list.data().getJsonArray("items").stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
