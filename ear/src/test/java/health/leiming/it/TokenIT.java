package health.leiming.it;

import static health.leiming.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Access and refresh tokens: rotation, replay, logout, and every kind of bad token. */
class TokenIT extends DeployedEar {

    private final Api api = new Api();

    @Test
    void refreshRotatesTheRefreshTokenAndTheNewAccessTokenWorks() {
        Api.Session session = api.login(Api.newPhone());
        Api.Reply refreshed = api.post("/api/v1/auth/refresh", json("refreshToken", session.refreshToken()), null);
        assertEquals(200, refreshed.status(), refreshed.raw());
        String newRefresh = refreshed.data().getString("refreshToken");
        assertNotEquals(session.refreshToken(), newRefresh);
        assertEquals(200, api.get("/api/v1/users/me", refreshed.data().getString("token")).status());
        assertEquals(200, api.post("/api/v1/auth/refresh", json("refreshToken", newRefresh), null).status());
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeSession() {
        Api.Session session = api.login(Api.newPhone());
        String successor = api.post("/api/v1/auth/refresh", json("refreshToken", session.refreshToken()), null)
                .data().getString("refreshToken");

        Api.Reply replay = api.post("/api/v1/auth/refresh", json("refreshToken", session.refreshToken()), null);
        assertEquals(401, replay.status());
        assertEquals("REFRESH_TOKEN_REUSED", replay.errorCode());
        // the thief's replay also ends the legitimate successor
        Api.Reply successorAfterReplay = api.post("/api/v1/auth/refresh", json("refreshToken", successor), null);
        assertEquals(401, successorAfterReplay.status());
    }

    @Test
    void aRefreshTokenSentManyTimesAtOnceIsExchangedOnce() {
        Api.Session session = api.login(Api.newPhone());
        java.util.List<Api.Reply> replies = Crowd.atOnce(Crowd.SIZE, (client, i) -> client.post("/api/v1/auth/refresh",
                json("refreshToken", session.refreshToken()), null));
        assertEquals(1, Crowd.count(replies, 200), "one exchange wins");
        assertEquals(Crowd.SIZE - 1, Crowd.count(replies, 401), "the others are replays");
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Api.Session session = api.login(Api.newPhone());
        assertEquals(200, api.post("/api/v1/auth/logout", json("refreshToken", session.refreshToken()), session.token()).status());
        Api.Reply after = api.post("/api/v1/auth/refresh", json("refreshToken", session.refreshToken()), null);
        assertEquals(401, after.status());
        assertEquals("REFRESH_TOKEN_INVALID", after.errorCode());
    }

    @Test
    void anUnknownRefreshTokenIsRefused() {
        Api.Reply reply = api.post("/api/v1/auth/refresh", json("refreshToken", "not-a-token"), null);
        assertEquals(401, reply.status());
        assertEquals("REFRESH_TOKEN_INVALID", reply.errorCode());
    }

    @Test
    void noTokenIs401InTheEnvelope() {
        Api.Reply reply = api.get("/api/v1/users/me", null);
        assertEquals(401, reply.status());
        assertEquals("UNAUTHENTICATED", reply.errorCode());
        assertEquals(false, reply.success());
    }

    @Test
    void aTamperedTokenIs401() {
        Api.Session victim = api.login(Api.newPhone());
        Api.Session attacker = api.login(Api.newPhone());
        Instant now = Instant.now();
        String forged = Tokens.withPayload(attacker.token(),
                Tokens.claims(victim.memberId(), "member", now, now.plus(Duration.ofHours(1))));
        assertUnauthenticated(forged);
    }

    @Test
    void anExpiredTokenIs401() {
        Api.Session session = api.login(Api.newPhone());
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        String expired = Tokens.signed(Tokens.claims(session.memberId(), "member", twoHoursAgo,
                twoHoursAgo.plus(Duration.ofMinutes(30))), Tokens.serverKey());
        assertUnauthenticated(expired);

        // the same claims, still valid, are accepted: the key and claims are right, only the time is not
        Instant now = Instant.now();
        String fresh = Tokens.signed(Tokens.claims(session.memberId(), "member", now, now.plus(Duration.ofMinutes(30))),
                Tokens.serverKey());
        assertEquals(200, api.get("/api/v1/users/me", fresh).status());
    }

    @Test
    void anUnsignedAlgNoneTokenIs401() {
        Api.Session session = api.login(Api.newPhone());
        Instant now = Instant.now();
        assertUnauthenticated(Tokens.unsigned(Tokens.claims(session.memberId(), "member", now, now.plus(Duration.ofHours(1)))));
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401() {
        Api.Session session = api.login(Api.newPhone());
        Instant now = Instant.now();
        assertUnauthenticated(Tokens.signed(Tokens.claims(session.memberId(), "member", now, now.plus(Duration.ofHours(1))),
                Tokens.otherKey()));
    }

    @Test
    void aValidTokenWithoutTheMemberRoleIs403() {
        Care care = new Care(api);
        String staffId = care.staff("王护工", care.service("陪诊" + System.nanoTime(), "99.00", 60).getString("id"))
                .getString("id");
        Instant now = Instant.now();
        String staff = Tokens.signed(Tokens.claims(staffId, "staff", now, now.plus(Duration.ofHours(1))),
                Tokens.serverKey());
        Api.Reply reply = api.get("/api/v1/users/me", staff);
        assertEquals(403, reply.status(), reply.raw());
        assertEquals("FORBIDDEN", reply.errorCode());
    }

    private void assertUnauthenticated(String token) {
        Api.Reply reply = api.get("/api/v1/users/me", token);
        assertEquals(401, reply.status(), reply.raw());
        assertEquals("UNAUTHENTICATED", reply.errorCode());
        Api.Reply messages = api.get("/api/v1/messages", token);
        assertEquals(401, messages.status());
    }
}
