package health.leiming.notify;

import health.leiming.order.OrderService;
import health.leiming.platform.Page;
import health.leiming.platform.PersonalData;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The member's message centre, notification settings and subscriptions, and the chat of their orders
 * (their messages and their companions'), for the export.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class NotifyPersonalData implements PersonalData {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    MessageCenter messages;

    @Inject
    NotificationSettings settings;

    @Inject
    OrderService orders;

    public record Messages(List<MessageView> messages, PreferencesView preferences, SubscriptionsView subscriptions,
            List<ChatMessageView> chat) {
    }

    @Override
    public String area() {
        return "messages";
    }

    @Override
    public Object of(String memberId, List<String> personIds) {
        List<String> orderIds = Page.all(page -> orders.mine(memberId, null, page)).stream()
                .map(detail -> detail.order().id()).toList();
        List<ChatMessageView> chat = orderIds.isEmpty() ? List.of() : em.createQuery("select c from ChatMessage c"
                + " where c.orderId in :orders order by c.createdAt, c.id", ChatMessage.class)
                .setParameter("orders", orderIds).getResultStream().map(ChatMessage::view).toList();
        return new Messages(Page.all(page -> messages.list(memberId, null, page)), settings.preferences(memberId),
                settings.subscriptions(memberId), chat);
    }
}
