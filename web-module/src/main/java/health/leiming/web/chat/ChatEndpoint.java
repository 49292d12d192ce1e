package health.leiming.web.chat;

import health.leiming.member.TokenVerifier;
import health.leiming.notify.Chat;
import health.leiming.notify.ChatMessageView;
import health.leiming.notify.ChatRoom;
import health.leiming.platform.BusinessException;
import health.leiming.platform.Logs;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
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
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The chat of one order over WebSocket: {@code /ws/chat/{orderId}}, authenticated by the same JWT as
 * the API in the handshake's {@code Authorization: Bearer} header (wx.connectSocket sends headers).
 * A caller who is not a party to the order (or has no valid token) is closed with 1008 and a reason;
 * a party gets {@code {"type":"ready"}} once live messages reach it (the client loads the history then).
 * The client sends {@code {"content": "..."}}; it gets {@code {"type":"sent","message":{...}}} back
 * and every client of the order gets {@code {"type":"message","message":{...}}}; a refused send
 * answers {@code {"type":"error","code":...,"text":...}}.
 */
@ServerEndpoint(value = "/ws/chat/{orderId}", configurator = ChatEndpoint.Handshake.class)
public class ChatEndpoint {

    private static final Logger LOG = Logs.get(ChatEndpoint.class);
    private static final String TOKEN = "leiming.token";
    private static final String CLIENT = "leiming.client";

    // Looked up, not injected: Liberty's CDI injection into endpoints fails with a custom configurator.
    private final TokenVerifier tokens = CDI.current().select(TokenVerifier.class).get();
    private final Chat chat = CDI.current().select(Chat.class).get();
    private final ChatRoom room = CDI.current().select(ChatRoom.class).get();

    /**
     * Keeps the bearer token of the handshake for the endpoint to check on open. WebSocket 2.1: the
     * user properties seen here are this connection's own copy and become its session's.
     */
    public static class Handshake extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            List<String> authorization = request.getHeaders().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase("Authorization")).map(Map.Entry::getValue).findFirst()
                    .orElse(List.of());
            String header = authorization.isEmpty() ? "" : authorization.get(0);
            config.getUserProperties().remove(TOKEN);
            if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                config.getUserProperties().put(TOKEN, header.substring(7).trim());
            }
        }
    }

    @OnOpen
    public void open(Session session, @PathParam("orderId") String orderId) throws IOException {
        String token = (String) session.getUserProperties().remove(TOKEN);
        TokenVerifier.Bearer bearer = tokens.verify(token).orElse(null);
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
        SessionClient client = new SessionClient(session, party);
        session.getUserProperties().put(CLIENT, client);
        room.join(client);
        client.send(ChatRoom.Frame.ready());
    }

    @OnMessage
    public void message(Session session, String text) {
        SessionClient client = (SessionClient) session.getUserProperties().get(CLIENT);
        if (client == null) {
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
    private record SessionClient(Session session, Chat.Party party) implements ChatRoom.Client {

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
