package health.leiming.notify;

import health.leiming.platform.Logs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The chat clients connected to this server, by order. A message (from this server's sender, or from
 * another server through the chat topic) goes to every client of its order here; when one of them
 * is the other party, the message counts as delivered.
 */
@ApplicationScoped
public class ChatRoom {

    private static final Logger LOG = Logs.get(ChatRoom.class);
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Chat chat;

    /** A connected client: whose it is and how to reach it (the WebSocket side implements this). */
    public interface Client {

        Chat.Party party();

        /** Sends a text frame; false when the client is gone. */
        boolean send(String text);

        /** Closes the connection if its token has expired or its account was disabled since it opened. */
        void recheck();
    }

    private final Map<String, Set<Client>> byOrder = new ConcurrentHashMap<>();

    public void join(Client client) {
        byOrder.computeIfAbsent(client.party().orderId(), o -> ConcurrentHashMap.newKeySet()).add(client);
    }

    public void leave(Client client) {
        byOrder.computeIfPresent(client.party().orderId(), (order, clients) -> {
            clients.remove(client);
            return clients.isEmpty() ? null : clients;
        });
    }

    /** Closes the connections whose token expired or whose account was disabled (ChatFanOut's sweep). */
    public void recheckClients() {
        byOrder.values().forEach(clients -> clients.forEach(client -> {
            try {
                client.recheck();
            } catch (RuntimeException e) {
                LOG.fine(() -> "Chat client recheck failed: " + e);
            }
        }));
    }

    /** Hands a message to this server's clients of its order; marks it delivered when the other party got it. */
    public void deliverLocally(ChatMessageView message) {
        Set<Client> clients = byOrder.get(message.orderId());
        if (clients == null) {
            return;
        }
        String frame = JSON.toJson(new Frame("message", message, null, null));
        boolean reachedRecipient = false;
        for (Client client : clients) {
            if (client.send(frame) && !client.party().role().equals(message.from())
                    && !client.party().role().equals(Chat.ADMIN)) {
                reachedRecipient = true;
            }
        }
        if (reachedRecipient) {
            try {
                chat.delivered(message.id());
            } catch (RuntimeException e) {
                LOG.fine(() -> "Cannot mark chat message " + message.id() + " delivered: " + e);
            }
        }
    }

    /**
     * What travels on a chat connection: {@code ready} once the connection is in the room (messages
     * written before it are in the history), a message, or an error for the sender.
     */
    public record Frame(String type, ChatMessageView message, String code, String text) {

        public static String ready() {
            return JSON.toJson(new Frame("ready", null, null, null));
        }

        public static String error(String code, String text) {
            return JSON.toJson(new Frame("error", null, code, text));
        }

        public static String sent(ChatMessageView message) {
            return JSON.toJson(new Frame("sent", message, null, null));
        }
    }

    static String toJson(ChatMessageView message) {
        return JSON.toJson(message);
    }

    static ChatMessageView fromJson(String json) {
        return JSON.fromJson(json, ChatMessageView.class);
    }
}
