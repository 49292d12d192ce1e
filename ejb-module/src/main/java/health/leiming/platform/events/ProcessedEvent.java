package health.leiming.platform.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** Remembers that a consumer handled an event, so a redelivered message changes nothing. */
@Entity
@Table(name = "processed_events")
@IdClass(ProcessedEvent.Key.class)
public class ProcessedEvent {

    @Id
    @Column(name = "event_id")
    private String eventId;

    @Id
    private String consumer;

    @Column(name = "processed_at", nullable = false)
    private Instant processedAt;

    protected ProcessedEvent() {
    }

    public ProcessedEvent(String eventId, String consumer, Instant now) {
        this.eventId = eventId;
        this.consumer = consumer;
        this.processedAt = now;
    }

    public record Key(String eventId, String consumer) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
