package health.leiming.web.chat;

import health.leiming.member.TokenVerifier;
import health.leiming.notify.Chat;
import health.leiming.notify.ChatMessageView;
import health.leiming.notify.ChatRoom;
import health.leiming.platform.ActiveAccounts;
import health.leiming.platform.BusinessException;
import health.leiming.platform.Logs;
import health.leiming.web.console.ConsoleSession;
import health.leiming.web.console.StaffUser;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.CloseReason;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The chat of one order over WebSocket: {@code /ws/chat/{orderId}}, authenticated by the same JWT as
 * the API in the handshake's {@code Authorization: Bearer} header (wx.connectSocket sends headers), or,
 * for the companions' page in WeCom (a browser cannot send that header), by the staff page's session
 * cookie, accepted only from a page of this server (the handshake's Origin is this host: another
 * site's page cannot open a companion's chat with their cookie).
 * A caller who is not a party to the order (or has no valid token) is closed with 1008 and a reason;
 * a party gets {@code {"type":"ready"}} once live messages reach it (the client loads the history then).
 * The client sends {@code {"content": "..."}}; it gets {@code {"type":"sent","message":{...}}} back
 * and every client of the order gets {@code {"type":"message","message":{...}}}; a refused send
 * answers {@code {"type":"error","code":...,"text":...}}.
 *
 * <p>Limits: a frame over {@value #MAX_FRAME} bytes closes the connection (1009); more than
 * leiming.chat.messages-per-minute messages are refused with CHAT_TOO_FAST (not stored); a connection
 * silent for leiming.chat.idle-timeout is closed; and when the token expires or the account is disabled
 * (checked on each message and by the chat sweep), the connection is closed with 1008 TOKEN_EXPIRED or
 * ACCOUNT_DISABLED.
 */
@ServerEndpoint(value = "/ws/chat/{orderId}", configurator = ChatEndpoint.Handshake.class)
public class ChatEndpoint {

    private static final Logger LOG = Logs.get(ChatEndpoint.class);
    private static final String TOKEN = "leiming.token";
    private static final String STAFF_SESSION = "leiming.staff-session";
    private static final String CLIENT = "leiming.client";
    static final int MAX_FRAME = 8192;

    // Looked up, not injected: Liberty's CDI injection into endpoints fails with a custom configurator.
    private final TokenVerifier tokens = CDI.current().select(TokenVerifier.class).get();
    private final Chat chat = CDI.current().select(Chat.class).get();
    private final ChatRoom room = CDI.current().select(ChatRoom.class).get();
    private final ActiveAccounts accounts = CDI.current().select(ActiveAccounts.class).get();
    private final Config config = ConfigProvider.getConfig(ChatEndpoint.class.getClassLoader());
    private final int messagesPerMinute = config.getOptionalValue("leiming.chat.messages-per-minute", Integer.class)
            .orElse(30);
    private final Duration idleTimeout = config.getOptionalValue("leiming.chat.idle-timeout", Duration.class)
            .orElse(Duration.ofMinutes(10));

    /**
     * Keeps the bearer token of the handshake for the endpoint to check on open. WebSocket 2.1: the
     * user properties seen here are this connection's own copy and become its session's.
     */
    public static class Handshake extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            String header = Objects.requireNonNullElse(header(request, "Authorization"), "");
            config.getUserProperties().remove(TOKEN);
            config.getUserProperties().remove(STAFF_SESSION);
            if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                config.getUserProperties().put(TOKEN, header.substring(7).trim());
            } else if (request.getHttpSession() instanceof HttpSession session && fromThisHost(request)) {
                StaffUser staff = ConsoleSession.staff(session);
                if (staff != null) {
                    config.getUserProperties().put(STAFF_SESSION, staff.staffId());
                }
            }
        }

        /** The page that opens the socket is one of ours: its Origin names the host the request went to. */
        private static boolean fromThisHost(HandshakeRequest request) {
            String origin = header(request, "Origin");
            String host = header(request, "Host");
            try {
                return origin != null && host != null && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static String header(HandshakeRequest request, String name) {
            return request.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).filter(v -> !v.isEmpty()).map(v -> v.get(0)).findFirst().orElse(null);
        }
    }

    @OnOpen
    public void open(Session session, @PathParam("orderId") String orderId) throws IOException {
        String token = (String) session.getUserProperties().remove(TOKEN);
        String staffId = (String) session.getUserProperties().remove(STAFF_SESSION);
        TokenVerifier.Bearer bearer = token == null && staffId != null
                ? new TokenVerifier.Bearer(staffId, Set.of(Chat.STAFF)) // the session's idle timeout ends it
                : tokens.verify(token).orElse(null);
        if (bearer == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "UNAUTHENTICATED"));
            return;
        }
        Chat.Party party;
        try {
            party = chat.party(bearer, orderId);
        } catch (BusinessException e) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "NOT_FOUND"));
            return;
        }
        session.setMaxIdleTimeout(idleTimeout.toMillis());
        SessionClient client = new SessionClient(session, party, bearer, accounts, messagesPerMinute);
        session.getUserProperties().put(CLIENT, client);
        room.join(client);
        client.send(ChatRoom.Frame.ready());
    }

    @OnMessage(maxMessageSize = MAX_FRAME)
    public void message(Session session, String text) {
        SessionClient client = (SessionClient) session.getUserProperties().get(CLIENT);
        if (client == null || !client.stillAllowed()) {
            return;
        }
        if (!client.mayWrite(System.nanoTime())) {
            client.send(ChatRoom.Frame.error("CHAT_TOO_FAST", "发送过于频繁，请稍后再试"));
            return;
        }
        String content;
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonObject frame = reader.readObject();
            content = frame.getString("content", null);
        } catch (JsonException | ClassCastException e) {
            client.send(ChatRoom.Frame.error("BAD_FRAME", "消息格式应为 {\"content\": \"...\"}"));
            return;
        }
        try {
            ChatMessageView sent = chat.send(client.party(), content);
            client.send(ChatRoom.Frame.sent(sent));
        } catch (BusinessException e) {
            client.send(ChatRoom.Frame.error(e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BusinessException refused) {
                client.send(ChatRoom.Frame.error(refused.code(), refused.getMessage()));
            } else {
                LOG.warning(() -> "Chat message not stored: " + e);
                client.send(ChatRoom.Frame.error("INTERNAL_ERROR", "消息发送失败，请稍后重试"));
            }
        }
    }

    @OnClose
    public void close(Session session) {
        SessionClient client = (SessionClient) session.getUserProperties().remove(CLIENT);
        if (client != null) {
            room.leave(client);
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.fine(() -> "Chat connection error: " + error);
        close(session);
    }

    /** A connected WebSocket as the chat room sees it. */
    private static final class SessionClient implements ChatRoom.Client {

        private final Session session;
        private final Chat.Party party;
        private final TokenVerifier.Bearer bearer;
        private final ActiveAccounts accounts;
        private final double capacity;
        private double allowance;
        private long updated = System.nanoTime();

        SessionClient(Session session, Chat.Party party, TokenVerifier.Bearer bearer, ActiveAccounts accounts,
                int messagesPerMinute) {
            this.session = session;
            this.party = party;
            this.bearer = bearer;
            this.accounts = accounts;
            this.capacity = Math.max(1, messagesPerMinute);
            this.allowance = capacity;
        }

        @Override
        public Chat.Party party() {
            return party;
        }

        /** A token bucket: bursts up to the per-minute allowance, refilled evenly. */
        synchronized boolean mayWrite(long now) {
            allowance = Math.min(capacity, allowance + (now - updated) * capacity / 60e9);
            updated = now;
            if (allowance < 1) {
                return false;
            }
            allowance -= 1;
            return true;
        }

        /** False (and the connection closed) once the token expired or the account was disabled. */
        boolean stillAllowed() {
            String reason = bearer.expiresAt() != null && !Instant.now().isBefore(bearer.expiresAt()) ? "TOKEN_EXPIRED"
                    : !accounts.isActive(bearer.subject(), bearer.groups()) ? "ACCOUNT_DISABLED" : null;
            if (reason == null) {
                return true;
            }
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
            } catch (IOException | IllegalStateException e) {
                // already closed
            }
            return false;
        }

        @Override
        public void recheck() {
            if (session.isOpen()) {
                stillAllowed();
            }
        }

        @Override
        public boolean send(String text) {
            if (!session.isOpen()) {
                return false;
            }
            try {
                synchronized (session) { // one writer at a time per connection
                    session.getBasicRemote().sendText(text);
                }
                return true;
            } catch (IOException | IllegalStateException e) {
                return false;
            }
        }
    }
}
