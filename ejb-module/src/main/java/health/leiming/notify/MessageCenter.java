package health.leiming.notify;

import health.leiming.platform.BusinessException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** A member's message centre: list, count unread, read. Only the owner sees a message; others get 404. */
@Stateless
public class MessageCenter {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    public MessagePage list(String memberId, int page, int size) {
        List<MessageView> items = em.createNamedQuery("Message.forMember", Message.class)
                .setParameter("member", memberId)
                .setFirstResult((page - 1) * size)
                .setMaxResults(size)
                .getResultStream().map(Message::view).toList();
        long total = em.createNamedQuery("Message.countForMember", Long.class)
                .setParameter("member", memberId).getSingleResult();
        return new MessagePage(items, page, size, total);
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
