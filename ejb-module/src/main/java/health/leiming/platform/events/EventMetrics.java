package health.leiming.platform.events;

import health.leiming.platform.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts the business events that committed, by type (order.placed, order.paid, order.cancelled,
 * order.refunded, health.risk-alert...): leiming_business_events_total at /metrics. Orders created, paid,
 * cancelled and refunded are these counts.
 */
@ApplicationScoped
public class EventMetrics {

    private static final Metadata EVENTS = Metadata.builder().withName("leiming.business.events")
            .withDescription("业务事件数量 (business events committed, by type)").build();

    @Inject
    MetricRegistry registry;

    @Inject
    EventRegistry events;

    /** Every type's count from 0 at start, so that a rule or a graph finds each series before its first event. */
    void start(@Observes SchemaReady ready) {
        events.names().forEach(type -> registry.counter(EVENTS, new Tag("type", type)));
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxEventStored stored) {
        registry.counter(EVENTS, new Tag("type", stored.eventType())).inc();
    }
}
