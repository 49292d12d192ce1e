package health.leiming.notify;

import health.leiming.platform.events.BusinessEvent;
import health.leiming.platform.events.EventCatalog;
import health.leiming.platform.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The business events the chat raises. */
@ApplicationScoped
public class ChatEvents implements EventCatalog {

    @Override
    public List<Class<? extends BusinessEvent>> events() {
        return List.of(UnreadChatMessage.class);
    }

    /**
     * A message no client of its recipient received in time: the recipient is notified instead.
     * Carries ids only; the router reads the text from the conversation when it words the notice.
     */
    @EventType("chat.message")
    public record UnreadChatMessage(String messageId, String orderId, String orderNo, String from, String memberId,
            String staffId) implements BusinessEvent {
        @Override
        public String aggregateId() {
            return orderId;
        }
    }
}
