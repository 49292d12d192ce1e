package health.leiming.notify;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message in a member's message centre (消息中心). */
@Entity
@Table(name = "messages")
@NamedQuery(name = "Message.countUnread",
        query = "select count(m) from Message m where m.memberId = :member and m.readAt is null")
@NamedQuery(name = "Message.markAllRead",
        query = "update Message m set m.readAt = :now where m.memberId = :member and m.readAt is null")
public class Message {

    public enum Category {
        system, health, order, service
    }

    @Id
    private String id;

    @Column(name = "member_id", nullable = false)
    private String memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Category category;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false, length = 2000)
    private String content;

    @Column(name = "event_id")
    private String eventId;

    @Column(name = "read_at")
    private Instant readAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Message() {
    }

    public Message(String memberId, Category category, String title, String content, String eventId, Instant now) {
        this.id = Ids.newId();
        this.memberId = memberId;
        this.category = category;
        this.title = title;
        this.content = content;
        this.eventId = eventId;
        this.createdAt = now;
    }

    public void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public boolean belongsTo(String member) {
        return memberId.equals(member);
    }

    public MessageView view() {
        return new MessageView(id, category.name(), title, content, readAt != null, readAt, createdAt);
    }
}
