package health.leiming.platform.events;

import health.leiming.platform.Logs;
import health.leiming.platform.RequestContext;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;

/**
 * Consumes business events from the broker (queue leiming.events) and hands them to the dispatcher.
 * An adapter only: it unpacks the message; the dispatcher decides. The broker binding is the
 * activation spec "leiming-health/leiming-ejb/EventConsumer" in server.xml.
 */
@MessageDriven(name = "EventConsumer", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class EventConsumer implements MessageListener {

    private static final Logger LOG = Logs.get(EventConsumer.class);

    @Inject
    EventDispatcher dispatcher;

    @Override
    public void onMessage(Message message) {
        try {
            String requestId = message.getStringProperty(OutboxPublisher.REQUEST_ID);
            RequestContext.begin(requestId);
            String eventId = message.getStringProperty(OutboxPublisher.EVENT_ID);
            String eventType = message.getStringProperty(OutboxPublisher.EVENT_TYPE);
            if (eventId == null || eventType == null) {
                LOG.warning("Dropping a message without event id or type");
                return;
            }
            dispatcher.dispatch(eventId, eventType, message.getBody(String.class));
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable event message", e);
        } finally {
            RequestContext.end();
        }
    }
}
