package health.leiming.notify;

import health.leiming.care.Booking;
import health.leiming.member.TokenVerifier;
import health.leiming.order.Order;
import health.leiming.order.OrderStatus;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chat between a member and the companion assigned to their order (即时通讯). Only the two parties
 * take part; admins may read. Messages are kept; sending is open while the order is active (paid,
 * confirmed, in progress). A message that no client of the recipient received within
 * leiming.chat.notify-after is pushed to them as a notification, once.
 */
@Stateless
public class Chat {

    public static final String MEMBER = "member";
    public static final String STAFF = "staff";
    public static final String ADMIN = "admin";
    static final int MAX_LENGTH = 500;
    private static final Set<OrderStatus> ACTIVE = EnumSet.of(OrderStatus.paid, OrderStatus.confirmed, OrderStatus.in_progress);

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Booking booking;

    @Inject
    Event<ChatMessageSent> sent;

    @Inject
    @ConfigProperty(name = "leiming.chat.notify-after", defaultValue = "PT10S")
    Duration notifyAfter;

    /** Who takes part in a conversation, as what. */
    public record Party(String role, String id, String orderId, String orderNo) {
    }

    /** Fired when a message was stored; after the commit it goes out to the connected clients. */
    public record ChatMessageSent(ChatMessageView message) {
    }

    /**
     * The caller's place in the order's conversation: the member who owns the order, the companion
     * assigned to it, or an admin (read only). Anyone else: 404, as if there were no such order.
     */
    public Party party(TokenVerifier.Bearer caller, String orderId) {
        Order order = orderId == null ? null : em.find(Order.class, orderId);
        if (order != null) {
            if (caller.in(MEMBER) && order.belongsTo(caller.subject())) {
                return new Party(MEMBER, caller.subject(), order.id(), order.orderNo());
            }
            if (caller.in(STAFF) && caller.subject().equals(staffOf(order.id()))) {
                return new Party(STAFF, caller.subject(), order.id(), order.orderNo());
            }
            if (caller.in(ADMIN)) {
                return new Party(ADMIN, caller.subject(), order.id(), order.orderNo());
            }
        }
        throw BusinessException.notFound("会话");
    }

    public ChatMessageView send(Party party, String content) {
        if (ADMIN.equals(party.role())) {
            throw new BusinessException(ErrorKind.FORBIDDEN, "CHAT_READ_ONLY", "管理员只能查看会话");
        }
        String text = content == null ? "" : content.strip();
        if (text.isEmpty()) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "CHAT_EMPTY", "消息内容不能为空");
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "CHAT_TOO_LONG", "消息最多" + MAX_LENGTH + "个字");
        }
        Order order = em.find(Order.class, party.orderId());
        if (!ACTIVE.contains(order.status())) {
            throw new BusinessException(ErrorKind.CONFLICT, "CHAT_CLOSED", "订单" + order.status().label() + "，无法发送消息");
        }
        Instant now = Instant.now();
        ChatMessage message = new ChatMessage(order.id(), party.role(), party.id(), text, now, now.plus(notifyAfter));
        em.persist(message);
        sent.fire(new ChatMessageSent(message.view()));
        return message.view();
    }

    public ChatPage history(Party party, int page, int size) {
        List<ChatMessageView> items = em.createQuery("select m from ChatMessage m where m.orderId = :order"
                + " order by m.createdAt desc, m.id", ChatMessage.class).setParameter("order", party.orderId())
                .setFirstResult((page - 1) * size).setMaxResults(size).getResultStream().map(ChatMessage::view).toList();
        long total = em.createQuery("select count(m) from ChatMessage m where m.orderId = :order", Long.class)
                .setParameter("order", party.orderId()).getSingleResult();
        return new ChatPage(items, page, size, total);
    }

    /** A client of the recipient has the message: no notification needed. */
    public void delivered(String messageId) {
        em.createQuery("update ChatMessage m set m.deliveredAt = :now where m.id = :id and m.deliveredAt is null")
                .setParameter("now", Instant.now()).setParameter("id", messageId).executeUpdate();
    }

    /**
     * Pushes the messages nobody received in time as notifications: each one once, also with
     * several servers sweeping (the conditional update decides who does it).
     */
    public int notifyUndelivered(int max) {
        Instant now = Instant.now();
        List<ChatMessage> due = em.createQuery("select m from ChatMessage m where m.notifiedAt is null"
                + " and m.deliveredAt is null and m.notifyAfter <= :now order by m.notifyAfter", ChatMessage.class)
                .setParameter("now", now).setMaxResults(max).getResultList();
        int notified = 0;
        for (ChatMessage message : due) {
            int claimed = em.createQuery("update ChatMessage m set m.notifiedAt = :now where m.id = :id"
                    + " and m.notifiedAt is null and m.deliveredAt is null")
                    .setParameter("now", now).setParameter("id", message.view().id()).executeUpdate();
            if (claimed == 1) {
                ChatMessageView view = message.view();
                Order order = em.find(Order.class, view.orderId());
                outbox.publish(EventTypes.CHAT_MESSAGE, view.orderId(), Json.createObjectBuilder()
                        .add("messageId", view.id()).add("orderId", view.orderId()).add("orderNo", order.orderNo())
                        .add("from", view.from()).add("memberId", order.userId())
                        .add("staffId", String.valueOf(staffOf(order.id())))
                        .add("preview", SubscribeTemplates.fit("thing", view.content())).build());
                notified++;
            }
        }
        return notified;
    }

    private String staffOf(String orderId) {
        return booking.appointmentOf(orderId).staffId();
    }

    public record ChatPage(List<ChatMessageView> items, int page, int size, long total) {
    }
}
