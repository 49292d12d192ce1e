package health.leiming.wecom;

import health.leiming.platform.events.BusinessEvent;
import health.leiming.platform.events.EventCatalog;
import health.leiming.platform.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The business events the WeCom side raises. */
@ApplicationScoped
public class WecomEvents implements EventCatalog {

    @Override
    public List<Class<? extends BusinessEvent>> events() {
        return List.of(WecomMessageReceived.class);
    }

    /** A verified WeCom callback was stored in the inbox; it is processed from the broker, once. */
    @EventType("wecom.callback")
    public record WecomMessageReceived(String inboxId, String msgType) implements BusinessEvent {
        @Override
        public String aggregateId() {
            return inboxId;
        }
    }
}
