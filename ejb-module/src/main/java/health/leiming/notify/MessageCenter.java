package health.leiming.notify;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
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

    /** The member's messages, newest first; only one category ("order", "health"...) when one is given. */
    public MessagePage list(String memberId, String category, int page, int size) {
        Message.Category only = category == null ? null : parse(category);
        String filter = only == null ? "" : " and m.category = :category";
        var items = em.createQuery("select m from Message m where m.memberId = :member" + filter
                + " order by m.createdAt desc, m.id", Message.class).setParameter("member", memberId);
        var count = em.createQuery("select count(m) from Message m where m.memberId = :member" + filter, Long.class)
                .setParameter("member", memberId);
        if (only != null) {
            items.setParameter("category", only);
            count.setParameter("category", only);
        }
        List<MessageView> views = items.setFirstResult((page - 1) * size).setMaxResults(size)
                .getResultStream().map(Message::view).toList();
        return new MessagePage(views, page, size, count.getSingleResult());
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
