package health.leiming.notify;

import health.leiming.member.TokenVerifier;
import health.leiming.order.OrderService.OrderParties;
import health.leiming.order.OrderService;
import health.leiming.order.OrderStatus;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Filter;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import health.leiming.platform.events.Outbox;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
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
    OrderService orders;

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
     * assigned to it, or an admin or operator (read only). Anyone else: 404, as if there were no such order.
     */
    public Party party(TokenVerifier.Bearer caller, String orderId) {
        OrderParties order = orders.parties(orderId).orElse(null);
        if (order != null) {
            if (caller.in(MEMBER) && caller.subject().equals(order.memberId())) {
                return new Party(MEMBER, caller.subject(), order.orderId(), order.orderNo());
            }
            if (caller.in(STAFF) && caller.subject().equals(order.staffId())) {
                return new Party(STAFF, caller.subject(), order.orderId(), order.orderNo());
            }
            if (caller.in(ADMIN) || caller.in("operator")) { // our side reads, as an admin
                return new Party(ADMIN, caller.subject(), order.orderId(), order.orderNo());
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
        OrderParties order = orders.parties(party.orderId()).orElseThrow(() -> BusinessException.notFound("会话"));
        if (!ACTIVE.contains(order.status())) {
            throw new BusinessException(ErrorKind.CONFLICT, "CHAT_CLOSED", "订单" + order.status().label() + "，无法发送消息");
        }
        Instant now = Instant.now();
        ChatMessage message = new ChatMessage(order.orderId(), party.role(), party.id(), text, now, now.plus(notifyAfter));
        em.persist(message);
        sent.fire(new ChatMessageSent(message.view()));
        return message.view();
    }

    public Page<ChatMessageView> history(Party party, PageRequest page) {
        return page.read(em, ChatMessage.class, "ChatMessage m", new Filter().and("m.orderId = :order", "order",
                party.orderId()), "m.createdAt desc, m.id", ChatMessage::view);
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
                OrderParties order = orders.parties(view.orderId()).orElseThrow();
                outbox.publish(new ChatEvents.UnreadChatMessage(view.id(), order.orderId(), order.orderNo(), view.from(),
                        order.memberId(), order.staffId()));
                notified++;
            }
        }
        return notified;
    }

    /** The text of a stored message (for the notice that tells its recipient); empty when it is gone. */
    public java.util.Optional<String> contentOf(String messageId) {
        ChatMessage message = messageId == null ? null : em.find(ChatMessage.class, messageId);
        return message == null ? java.util.Optional.empty() : java.util.Optional.of(message.view().content());
    }

}
