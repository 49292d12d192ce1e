package health.leiming.notify;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Filter;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** A member's message centre: list, count unread, read. Only the owner sees a message; others get 404. */
@Stateless
public class MessageCenter {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    /** The member's messages, newest first; only one category ("order", "health"...) when one is given. */
    public Page<MessageView> list(String memberId, String category, PageRequest page) {
        Filter filter = new Filter().and("m.memberId = :member", "member", memberId)
                .andIfGiven("m.category = :category", "category", category == null ? null : parse(category));
        return page.read(em, Message.class, "Message m", filter, "m.createdAt desc, m.id", Message::view);
    }

    private static Message.Category parse(String category) {
        try {
            return Message.Category.valueOf(category);
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "MESSAGE_KIND_UNKNOWN",
                    "消息类型只能是system、health、order或service");
        }
    }

    public long unreadCount(String memberId) {
        return em.createNamedQuery("Message.countUnread", Long.class).setParameter("member", memberId)
                .getSingleResult();
    }

    public MessageView get(String memberId, String messageId) {
        return owned(memberId, messageId).view();
    }

    public MessageView markRead(String memberId, String messageId) {
        Message message = owned(memberId, messageId);
        message.markRead(Instant.now());
        return message.view();
    }

    public int markAllRead(String memberId) {
        return em.createNamedQuery("Message.markAllRead").setParameter("member", memberId)
                .setParameter("now", Instant.now()).executeUpdate();
    }

    /** Stores a message for a member (called by event handlers). */
    public void deliver(Message message) {
        em.persist(message);
    }

    private Message owned(String memberId, String messageId) {
        Message message = messageId == null ? null : em.find(Message.class, messageId);
        if (message == null || !message.belongsTo(memberId)) {
            throw BusinessException.notFound("消息");
        }
        return message;
    }
}
