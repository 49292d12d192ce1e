package health.leiming.notify;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One chat message between the member and the companion of an order. */
@Entity
@Table(name = "chat_messages")
public class ChatMessage {

    @Id
    private String id;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(name = "sender_role", nullable = false)
    private String senderRole;

    @Column(name = "sender_id", nullable = false)
    private String senderId;

    @Column(nullable = false)
    private String content;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** If no client of the recipient has it by then, it is pushed as a notification. */
    @Column(name = "notify_after", nullable = false)
    private Instant notifyAfter;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "notified_at")
    private Instant notifiedAt;

    protected ChatMessage() {
    }

    ChatMessage(String orderId, String senderRole, String senderId, String content, Instant now, Instant notifyAfter) {
        this.id = Ids.newId();
        this.orderId = orderId;
        this.senderRole = senderRole;
        this.senderId = senderId;
        this.content = content;
        this.createdAt = now;
        this.notifyAfter = notifyAfter;
    }

    public ChatMessageView view() {
        return new ChatMessageView(id, orderId, senderRole, content, createdAt);
    }

    String senderId() {
        return senderId;
    }
}
