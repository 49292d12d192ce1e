package health.leiming.order;

import health.leiming.care.Appointment;
import health.leiming.care.AppointmentView;
import health.leiming.care.Booking;
import health.leiming.care.StaffDirectory;
import health.leiming.order.OrderEvents.OrderCancelled;
import health.leiming.order.OrderEvents.OrderFacts;
import health.leiming.platform.BusinessException;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Filter;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import health.leiming.platform.events.Outbox;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A member's orders and appointments, and the moves of an order's life that are not payments:
 * cancelling by the member, cancelling when unpaid too long. Every move is recorded with who, when
 * and why, follows on the appointment, and writes an order event through the outbox.
 */
@Stateless
public class OrderService {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    Booking booking;

    @Inject
    StaffDirectory staff;

    @Inject
    RefundPolicy refunds;

    @Inject
    Outbox outbox;

    @Inject
    FieldCipher cipher;

    @Inject
    PaymentRecords payments;

    @Inject
    @ConfigProperty(name = "leiming.order.pay-within", defaultValue = "PT15M")
    Duration payWithin;

    public Page<OrderDetail> mine(String memberId, String status, PageRequest page) {
        Filter filter = new Filter().and("o.userId = :member", "member", memberId)
                .andIfGiven("o.status = :status", "status", status == null || status.isBlank() ? null : OrderStatus.parse(status));
        return page.read(em, Order.class, "Order o", filter, "o.createdAt desc, o.id", this::detailWithoutHistory);
    }

    /**
     * The ids of the orders a member placed, all of them or only those for the given people (for the contexts
     * that keep data about orders: the chat, an erasure).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> idsOf(String memberId, List<String> personIds) {
        if (personIds == null) {
            return em.createQuery("select o.id from Order o where o.userId = :member", String.class)
                    .setParameter("member", memberId).getResultList();
        }
        return personIds.isEmpty() ? List.of() : em.createQuery("select o.id from Order o where o.userId = :member"
                + " and o.personId in :persons", String.class).setParameter("member", memberId)
                .setParameter("persons", personIds).getResultList();
    }

    public OrderDetail get(String memberId, String orderId) {
        Order order = owned(memberId, orderId);
        return new OrderDetail(order.view(cipher), appointment(order), history(order.id()), payments.refundOf(order.id()));
    }

    /** The member cancels; what comes back of a paid order follows the refund policy. */
    public OrderDetail cancel(String memberId, String orderId, String reason) {
        Order order = owned(memberId, orderId);
        em.lock(order, LockModeType.PESSIMISTIC_WRITE);
        cancel(order, Actor.member(memberId), reason == null || reason.isBlank() ? "用户取消" : reason.strip(),
                Instant.now());
        return new OrderDetail(order.view(cipher), appointment(order), history(order.id()), payments.refundOf(order.id()));
    }

    /**
     * Pending orders older than the payment window, oldest first, leaving out those whose payment WeChat
     * Pay was asked about since {@code checkedSince} (they wait for the next round). Each says whether
     * the member ever went to pay it: only then can WeChat Pay have a transaction for it.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<UnpaidOrder> unpaidPastWindow(Instant now, Instant checkedSince, int limit) {
        List<Object[]> rows = em.createQuery("select o.id, o.orderNo, o.createdAt from Order o"
                + " where o.status = :pending and o.createdAt < :cutoff and not exists (select q from Payment q"
                + " where q.orderId = o.id and q.checkedAt >= :checkedSince) order by o.createdAt", Object[].class)
                .setParameter("pending", OrderStatus.pending).setParameter("cutoff", now.minus(payWithin))
                .setParameter("checkedSince", checkedSince).setMaxResults(limit).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        // A payment row is written before WeChat Pay is asked for the prepay: with it, WeChat Pay may have one.
        Set<String> prepaid = Set.copyOf(em.createQuery("select p.orderId from Payment p where p.orderId in :ids",
                String.class)
                .setParameter("ids", rows.stream().map(row -> (String) row[0]).toList()).getResultList());
        return rows.stream().map(row -> new UnpaidOrder((String) row[0], (String) row[1],
                ((Instant) row[2]).plus(payWithin), prepaid.contains((String) row[0]))).toList();
    }

    /** How many unpaid orders reach the end of their payment window within {@code soon} from now. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long unpaidEndingWithin(Duration soon, Instant now) {
        Instant cutoff = now.minus(payWithin);
        return em.createQuery("select count(o) from Order o where o.status = :pending and o.createdAt >= :cutoff"
                + " and o.createdAt < :soon", Long.class).setParameter("pending", OrderStatus.pending)
                .setParameter("cutoff", cutoff).setParameter("soon", cutoff.plus(soon)).getSingleResult();
    }

    /**
     * Cancels an order left unpaid past its window, releasing its place; false when it is no longer
     * pending (paid meanwhile, or another server got there first).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean cancelUnpaid(String orderId, Instant now) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null || order.status() != OrderStatus.pending) {
            return false;
        }
        cancel(order, Actor.system(), "超时未支付，已自动取消", now);
        return true;
    }

    /** An order past its payment window: whether WeChat Pay may have a transaction for it. */
    public record UnpaidOrder(String orderId, String orderNo, Instant payBefore, boolean prepaid) {
    }

    private void cancel(Order order, Actor actor, String reason, Instant now) {
        cancel(order, actor, reason, null, now);
    }

    /**
     * Cancels the (locked) order: its place is freed, and a paid order gets back what the refund policy
     * gives, or {@code chosenRefund} when an operator chose the amount (the caller checked it).
     */
    public void cancel(Order order, Actor actor, String reason, BigDecimal chosenRefund, Instant now) {
        Appointment appointment = booking.appointmentOf(order.id());
        BigDecimal refund = chosenRefund != null ? chosenRefund
                : refunds.refundFor(order.amount(), appointment.scheduledTime(), now);
        em.persist(order.cancel(actor, reason, refund, now));
        booking.release(order.id(), now);
        if (order.isPaid()) {
            payments.requestRefund(order, refund, "预约取消：" + reason, now);
        }
        outbox.publish(new OrderCancelled(OrderFacts.of(order, appointment), actor.role(), reason,
                order.refundAmount() == null ? BigDecimal.ZERO : order.refundAmount(), order.isPaid()));
    }

    /** Who an order concerns (its member and companion), its number and state; empty when there is no such order. */
    public Optional<OrderParties> parties(String orderId) {
        Order order = orderId == null ? null : em.find(Order.class, orderId);
        return order == null ? Optional.empty() : Optional.of(new OrderParties(order.id(), order.orderNo(),
                order.userId(), booking.appointmentOf(order.id()).staffId(), order.status()));
    }

    public record OrderParties(String orderId, String orderNo, String memberId, String staffId, OrderStatus status) {
    }

    /** An order with its appointment (no history, no refund), whoever placed it: a line of an operator's list. */
    public OrderDetail line(Order order) {
        return new OrderDetail(order.view(cipher), appointment(order).withoutCheckInCode(), null, null);
    }

    /** An order with its appointment, history and refund, whoever placed it: for operators. */
    public OrderDetail detail(Order order) {
        return new OrderDetail(order.view(cipher), appointment(order).withoutCheckInCode(), history(order.id()),
                payments.refundOf(order.id()));
    }

    private Order owned(String memberId, String orderId) {
        Order order = orderId == null ? null : em.find(Order.class, orderId);
        if (order == null || !order.belongsTo(memberId)) {
            throw BusinessException.notFound("订单");
        }
        return order;
    }

    private OrderDetail detailWithoutHistory(Order order) {
        return new OrderDetail(order.view(cipher), appointment(order), null, null);
    }

    private AppointmentView appointment(Order order) {
        Appointment appointment = booking.appointmentOf(order.id());
        return appointment.view(order.orderNo(), order.status().name(), order.amount(),
                staff.publicViewOf(appointment.staffId()));
    }

    private List<OrderTransition.TransitionView> history(String orderId) {
        return em.createQuery("select t from OrderTransition t where t.orderId = :order order by t.occurredAt, t.id",
                OrderTransition.class).setParameter("order", orderId).getResultStream().map(OrderTransition::view)
                .toList();
    }

    /** An order with its appointment, and in details its history and refund. */
    public record OrderDetail(OrderView order, AppointmentView appointment,
            List<OrderTransition.TransitionView> history, Refund.RefundView refund) {
    }

}
