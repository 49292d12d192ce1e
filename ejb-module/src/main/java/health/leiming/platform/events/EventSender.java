package health.leiming.platform.events;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.util.List;

/**
 * Puts outbox events on the broker outside any transaction, so that the database needs no XA: each
 * persistent send returns once the broker has stored the message. The publisher marks the events
 * sent only after this returns; a crash in between sends them again, which the consumers' processed
 * events record makes harmless.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventSender {

    @Resource(lookup = "jms/leimingCF")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/leimingEvents")
    Queue events;

    /** Sends every event in order; throws on the first the broker does not take. */
    public void send(List<OutboxEvent> batch) {
        try (JMSContext context = connectionFactory.createContext()) {
            for (OutboxEvent event : batch) {
                JMSProducer producer = context.createProducer()
                        .setProperty(OutboxPublisher.EVENT_ID, event.id())
                        .setProperty(OutboxPublisher.EVENT_TYPE, event.eventType());
                if (event.requestId() != null) {
                    producer.setProperty(OutboxPublisher.REQUEST_ID, event.requestId());
                }
                producer.send(events, event.payload());
            }
        }
    }
}
