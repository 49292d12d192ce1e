package health.leiming.platform.events;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A business event written in the same transaction as the change that caused it, waiting to be
 * published to the broker. Its id is the event id consumers deduplicate on.
 */
@Entity
@Table(name = "outbox_events")
@NamedQuery(name = "OutboxEvent.pending",
        query = "select e from OutboxEvent e where e.publishedAt is null order by e.createdAt, e.id")
@NamedQuery(name = "OutboxEvent.countPending", query = "select count(e) from OutboxEvent e where e.publishedAt is null")
public class OutboxEvent {

    @Id
    private String id;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(name = "aggregate_id", nullable = false)
    private String aggregateId;

    @Column(nullable = false, length = 4000)
    private String payload;

    @Column(name = "request_id")
    private String requestId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    private long version;

    protected OutboxEvent() {
    }

    public OutboxEvent(String eventType, String aggregateId, String payload, String requestId, Instant now) {
        this.id = Ids.newId();
        this.eventType = eventType;
        this.aggregateId = aggregateId;
        this.payload = payload;
        this.requestId = requestId;
        this.createdAt = now;
    }

    void markPublished(Instant now) {
        publishedAt = now;
    }

    public String id() {
        return id;
    }

    public String eventType() {
        return eventType;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public String payload() {
        return payload;
    }

    public String requestId() {
        return requestId;
    }
}
