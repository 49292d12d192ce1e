package health.leiming.notify;

import health.leiming.platform.FieldCipher;
import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * One push of one event to one recipient over one outside channel. Unique per (event, channel,
 * recipient), so a redelivered event cannot push twice. The address (an openid, a WeCom user id or a
 * phone number) is stored encrypted; it is never shown or logged in clear.
 */
@Entity
@Table(name = "notification_deliveries")
@NamedQuery(name = "Delivery.due", query = "select d.id from Delivery d where d.status = :pending and d.nextAttemptAt <= :now order by d.nextAttemptAt")
@NamedQuery(name = "Delivery.ofEvent", query = "select d from Delivery d where d.eventId = :event order by d.createdAt")
@NamedQuery(name = "Delivery.byStatus", query = "select d from Delivery d where d.status = :status order by d.createdAt desc, d.id")
@NamedQuery(name = "Delivery.countByStatus", query = "select count(d) from Delivery d where d.status = :status")
public class Delivery {

    /** The purpose recipients' addresses (phone numbers, openids) are encrypted under (FieldCipher). */
    static final String ADDRESS = "deliveries.address";

    public enum Channel {
        /** WeCom application message to a staff member. */
        wecom,
        /** WeChat mini-program subscribe message to a member. */
        subscribe,
        /** SMS, for urgent health alerts only. */
        sms
    }

    public enum Status {
        pending, sent, dead
    }

    @Id
    private String id;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    /** Whom it is for: "member:ID", "staff:ID" or "contact:PERSON". */
    @Column(nullable = false)
    private String recipient;

    /** Encrypted openid, WeCom user id or phone number. */
    @Column(nullable = false)
    private String address;

    @Column(name = "template_id")
    private String templateId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String content;

    /** Subscribe messages: the template's data as JSON ({"thing1":{"value":"..."}}). */
    @Column(name = "template_data")
    private String templateData;

    /** Subscribe messages: the mini-program page the message opens. */
    private String page;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected Delivery() {
    }

    Delivery(String eventId, String eventType, Channel channel, String recipient, String encryptedAddress,
            Notice notice, Instant notBefore, Instant now) {
        this.id = Ids.newId();
        this.eventId = eventId;
        this.eventType = eventType;
        this.channel = channel;
        this.recipient = recipient;
        this.address = encryptedAddress;
        this.title = notice.title();
        this.content = notice.content();
        this.page = notice.page();
        this.status = Status.pending;
        this.nextAttemptAt = notBefore;
        this.createdAt = now;
    }

    Delivery withTemplate(String templateId, String templateData) {
        this.templateId = templateId;
        this.templateData = templateData;
        return this;
    }

    /** Takes the delivery for one attempt; until the lease runs out nobody else picks it up. */
    boolean claim(Instant now, Duration lease) {
        if (status != Status.pending || nextAttemptAt.isAfter(now)) {
            return false;
        }
        attempts++;
        nextAttemptAt = now.plus(lease);
        return true;
    }

    void sent(Instant now) {
        status = Status.sent;
        sentAt = now;
        lastError = null;
    }

    /** A failed attempt: try again after the backoff, or park it when attempts are used up or retrying cannot help. */
    void failed(String error, boolean permanent, int maxAttempts, Duration backoff, Instant now) {
        lastError = error == null ? "unknown" : error.length() > 500 ? error.substring(0, 500) : error;
        if (permanent || attempts >= maxAttempts) {
            status = Status.dead;
        } else {
            nextAttemptAt = now.plus(backoff);
        }
    }

    /** The channel was not tried (its circuit is open): not an attempt; try again later. */
    void postpone(Instant until) {
        attempts = Math.max(0, attempts - 1);
        nextAttemptAt = until;
    }

    /** An admin sends a dead letter again: a fresh round of attempts from now. */
    boolean replay(Instant now) {
        if (status != Status.dead) {
            return false;
        }
        status = Status.pending;
        attempts = 0;
        nextAttemptAt = now;
        return true;
    }

    public String id() {
        return id;
    }

    Channel channel() {
        return channel;
    }

    /** Re-encrypts the address under the current key (KeyRotation). */
    void rotateAddress(FieldCipher cipher) {
        address = cipher.encrypt(ADDRESS, cipher.decrypt(ADDRESS, address));
    }

    String address() {
        return address;
    }

    String templateId() {
        return templateId;
    }

    String templateData() {
        return templateData;
    }

    String title() {
        return title;
    }

    String content() {
        return content;
    }

    String page() {
        return page;
    }

    int attempts() {
        return attempts;
    }

    Status status() {
        return status;
    }

    public DeliveryView view() {
        return new DeliveryView(id, eventId, eventType, channel.name(), recipient, templateId, title, status.name(),
                attempts, nextAttemptAt, lastError, createdAt, sentAt);
    }
}
