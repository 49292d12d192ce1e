package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The message centre: one's own messages only, paging, unread count, reading. */
class MessageCentreIT extends DeployedEar {

    private final Api api = new Api();

    private String welcomeMessageId(Api.Session session) {
        Api.Reply list = api.await("/api/v1/messages", session.token(),
                r -> r.status() == 200 && !r.data().getJsonArray("items").isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, list.data().getInt("total"), list.raw());
        return list.data().getJsonArray("items").getJsonObject(0).getString("id");
    }

    @Test
    void aMemberCannotReadOrMarkAnotherMembersMessage() {
        Api.Session alice = api.login(Api.newPhone());
        Api.Session bob = api.login(Api.newPhone());
        String alicesMessage = welcomeMessageId(alice);

        Api.Reply read = api.get("/api/v1/messages/" + alicesMessage, bob.token());
        assertEquals(404, read.status());
        assertEquals("NOT_FOUND", read.errorCode());
        assertEquals(404, api.put("/api/v1/messages/" + alicesMessage + "/read", "", bob.token()).status());

        // Bob's list holds only his own welcome message, and Alice's message is still unread
        Api.Reply bobs = api.await("/api/v1/messages", bob.token(),
                r -> r.status() == 200 && !r.data().getJsonArray("items").isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, bobs.data().getInt("total"));
        assertTrue(!bobs.raw().contains(alicesMessage));
        assertEquals(1, api.get("/api/v1/messages/unread-count", alice.token()).data().getInt("count"));
    }

    @Test
    void readingAMessageLowersTheUnreadCount() {
        Api.Session member = api.login(Api.newPhone());
        String id = welcomeMessageId(member);
        Api.Reply read = api.put("/api/v1/messages/" + id + "/read", "", member.token());
        assertEquals(200, read.status(), read.raw());
        assertTrue(read.data().getBoolean("read"));
        assertEquals(0, api.get("/api/v1/messages/unread-count", member.token()).data().getInt("count"));
        assertTrue(api.get("/api/v1/messages/" + id, member.token()).data().getBoolean("read"));
    }

    @Test
    void pagesAreCheckedAndCounted() {
        Api.Session member = api.login(Api.newPhone());
        welcomeMessageId(member);
        Api.Reply second = api.get("/api/v1/messages?page=2&size=1", member.token());
        assertEquals(200, second.status());
        assertEquals(0, second.data().getJsonArray("items").size());
        assertEquals(1, second.data().getInt("total"));

        Api.Reply bad = api.get("/api/v1/messages?page=0&size=500", member.token());
        assertEquals(400, bad.status());
        assertEquals("VALIDATION_FAILED", bad.errorCode());
        assertEquals(2, bad.data().getJsonArray("fields").size(), bad.raw());

        // A page so far out that its offset would overflow is refused, not read.
        Api.Reply far = api.get("/api/v1/messages?page=2147483647&size=200", member.token());
        assertEquals(400, far.status(), far.raw());
        assertEquals("PAGE_INVALID", far.errorCode());
    }

    @Test
    void anUnknownMessageIs404() {
        Api.Session member = api.login(Api.newPhone());
        assertEquals(404, api.get("/api/v1/messages/does-not-exist", member.token()).status());
    }
}
