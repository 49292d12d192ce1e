package health.leiming.web.console;

import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What the console keeps in the HTTP session: the signed-in account and the session's CSRF token
 * (a random value every form carries back; see ConsoleFilter). Nothing else lives there.
 */
public final class ConsoleSession {

    static final String USER = "leiming.console.user";
    static final String STAFF = "leiming.staff.user";
    static final String OAUTH_STATE = "leiming.staff.oauth-state";
    static final String CSRF = "leiming.console.csrf";
    /** The name of the form field (and of the header) that carries the CSRF token. */
    public static final String CSRF_FIELD = "_csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private ConsoleSession() {
    }

    static ConsoleUser user(HttpSession session) {
        return session == null ? null : (ConsoleUser) session.getAttribute(USER);
    }

    /** The session's CSRF token, made on first use. */
    static String csrf(HttpSession session) {
        String token = (String) session.getAttribute(CSRF);
        if (token == null) {
            token = newToken();
            session.setAttribute(CSRF, token);
        }
        return token;
    }

    /** The companion signed in to the staff page in this session, or null (for the chat's WebSocket too). */
    public static StaffUser staff(HttpSession session) {
        return session == null ? null : (StaffUser) session.getAttribute(STAFF);
    }

    /** The state of a WeCom sign-in under way: made before going to WeCom, checked when it comes back. */
    static String newOAuthState(HttpSession session) {
        String state = newToken();
        session.setAttribute(OAUTH_STATE, state);
        return state;
    }

    static boolean oauthStateMatches(HttpSession session, String presented) {
        String state = session == null ? null : (String) session.getAttribute(OAUTH_STATE);
        return state != null && presented != null && MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs a companion in to the staff page: as signIn, for a staff member. */
    static void signIn(HttpSession session, StaffUser staff, int idleSeconds) {
        session.removeAttribute(OAUTH_STATE);
        session.setAttribute(STAFF, staff);
        session.setAttribute(CSRF, newToken());
        session.setMaxInactiveInterval(idleSeconds);
    }

    /** Signs the account in: a new session id (no fixation), a new CSRF token, the idle timeout. */
    static void signIn(HttpSession session, ConsoleUser user, int idleSeconds) {
        session.setAttribute(USER, user);
        session.setAttribute(CSRF, newToken());
        session.setMaxInactiveInterval(idleSeconds);
    }

    static boolean csrfMatches(HttpSession session, String presented) {
        String token = session == null ? null : (String) session.getAttribute(CSRF);
        return token != null && presented != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
