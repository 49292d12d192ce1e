package health.leiming.wecom;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message or event received from WeCom, stored once and processed once. */
@Entity
@Table(name = "wecom_inbox")
public class InboxMessage {

    @Id
    private String id;

    @Column(name = "dedupe_key", nullable = false)
    private String dedupeKey;

    @Column(name = "msg_type", nullable = false)
    private String msgType;

    private String event;

    @Column(name = "from_user")
    private String fromUser;

    /** The decrypted XML as WeCom sent it. */
    @Column(nullable = false)
    private String payload;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "processed_at")
    private Instant processedAt;

    private String outcome;

    protected InboxMessage() {
    }

    InboxMessage(String dedupeKey, String msgType, String event, String fromUser, String payload, Instant now) {
        this.id = Ids.newId();
        this.dedupeKey = dedupeKey;
        this.msgType = msgType;
        this.event = event;
        this.fromUser = fromUser;
        this.payload = payload;
        this.receivedAt = now;
    }

    void processed(String outcome, Instant now) {
        this.outcome = outcome.length() > 200 ? outcome.substring(0, 200) : outcome;
        this.processedAt = now;
    }

    boolean isProcessed() {
        return processedAt != null;
    }

    String id() {
        return id;
    }

    String payload() {
        return payload;
    }

    public InboxView view() {
        return new InboxView(id, msgType, event, fromUser, receivedAt, processedAt, outcome);
    }

    public record InboxView(String id, String msgType, String event, String fromUser, Instant receivedAt,
            Instant processedAt, String outcome) {
    }
}
