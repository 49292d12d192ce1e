package health.leiming.order;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of an order's life: who moved it, from what to what, when and why. Never changed. */
@Entity
@Table(name = "order_transitions")
public class OrderTransition {

    @Id
    private String id;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private OrderStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private OrderStatus to;

    @Column(name = "actor_id")
    private String actorId;

    @Column(name = "actor_role", nullable = false)
    private String actorRole;

    private String reason;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected OrderTransition() {
    }

    OrderTransition(String orderId, OrderStatus from, OrderStatus to, Actor actor, String reason, Instant at) {
        this.id = Ids.newId();
        this.orderId = orderId;
        this.from = from;
        this.to = to;
        this.actorId = actor.id();
        this.actorRole = actor.role();
        this.reason = reason;
        this.occurredAt = at;
    }

    public TransitionView view() {
        return new TransitionView(from == null ? null : from.name(), to.name(), to.label(), actorRole, reason, occurredAt);
    }

    public record TransitionView(String from, String to, String label, String by, String reason, Instant at) {
    }
}
