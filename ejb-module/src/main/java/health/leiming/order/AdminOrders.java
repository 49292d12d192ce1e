package health.leiming.order;

import health.leiming.care.Appointment;
import health.leiming.care.Booking;
import health.leiming.care.SlotsView;
import health.leiming.care.StaffView;
import health.leiming.member.MemberService;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Logs;
import health.leiming.platform.events.Outbox;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import health.leiming.platform.Text;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Orders for admins: search by status, appointment day, service, hospital, member phone or member; after-sales refunds. */
@Stateless
public class AdminOrders {

    private static final Logger LOG = Logs.get(AdminOrders.class);

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    PaymentRecords payments;

    @Inject
    FieldCipher cipher;

    @Inject
    MemberService members;

    @Inject
    OrderService orders;

    @Inject
    Booking booking;

    @Inject
    Outbox outbox;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    public Page<OrderService.OrderDetail> search(Filter filter, PageRequest page) {
        return search(filter, Sort.newest, page);
    }

    /** How a search is ordered: newest orders first, or by appointment time (soonest first). */
    public enum Sort {
        newest("o.createdAt desc, o.id"),
        appointment("o.scheduledTime, o.id"),
        amount("o.amount desc, o.createdAt desc, o.id");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }

        /** The sort named, or newest for none; an unknown name is refused. */
        public static Sort parse(String name) {
            if (name == null || name.isBlank()) {
                return newest;
            }
            try {
                return valueOf(name.strip());
            } catch (IllegalArgumentException e) {
                throw new BusinessException(ErrorKind.BAD_REQUEST, "SORT_INVALID", "未知的排序方式：" + name);
            }
        }
    }

    public Page<OrderService.OrderDetail> search(Filter filter, Sort sort, PageRequest page) {
        health.leiming.platform.Filter where = new health.leiming.platform.Filter()
                .andIfGiven("o.status = :status", "status",
                        filter.status() == null || filter.status().isBlank() ? null : OrderStatus.parse(filter.status()))
                .andIfGiven("o.serviceId = :service", "service", Text.blankToNull(filter.serviceId()))
                .andIfGiven("o.hospitalId = :hospital", "hospital", Text.blankToNull(filter.hospitalId()))
                .andIfGiven("o.userId = :member", "member", filter.memberId())
                .andIfGiven("o.orderNo = :orderNo", "orderNo", Text.blankToNull(filter.orderNo()))
                .andIfGiven("o.staffId = :staff", "staff", Text.blankToNull(filter.staffId()));
        if (filter.date() != null) {
            where.and("o.scheduledTime >= :from and o.scheduledTime < :to")
                    .bind("from", filter.date().atStartOfDay(zone).toInstant())
                    .bind("to", filter.date().plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (filter.phone() != null && !filter.phone().isBlank()) {
            where.and("o.userId = :phoneOwner", "phoneOwner", members.idByPhone(filter.phone().strip()).orElse(""));
        }
        return page.read(em, Order.class, "Order o", where, sort.orderBy, orders::line);
    }

    /**
     * Refunds (part of) a completed order, as customer service decides; the order becomes refunded
     * when WeChat Pay reports the refund done. One refund per order.
     */
    public Refund.RefundView refund(String adminId, String orderId, BigDecimal amount, String reason) {
        Order order = orderId == null ? null : em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw BusinessException.notFound("订单");
        }
        if (order.status() != OrderStatus.completed) {
            throw new BusinessException(ErrorKind.CONFLICT, "ORDER_NOT_COMPLETED",
                    "只能为已完成的订单发起售后退款（未开始的订单请取消）");
        }
        if (amount.signum() <= 0 || amount.compareTo(order.amount()) > 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "REFUND_AMOUNT_INVALID", "退款金额须大于0且不超过订单金额");
        }
        if (payments.refundOf(order.id()) != null) {
            throw new BusinessException(ErrorKind.CONFLICT, "REFUND_EXISTS", "该订单已有退款");
        }
        Refund refund = payments.requestRefund(order, amount.setScale(2), "售后退款：" + reason, Instant.now());
        LOG.info(() -> "Admin " + adminId + " refunds " + amount + " of order " + order.orderNo() + ": " + reason);
        return refund.view();
    }

    /** A search; a blank or null field does not filter. staffId: the companion who has the order. */
    public record Filter(String status, LocalDate date, String serviceId, String hospitalId, String phone,
            String memberId, String orderNo, String staffId) {

        public Filter(String status, LocalDate date, String serviceId, String hospitalId, String phone,
                String memberId) {
            this(status, date, serviceId, hospitalId, phone, memberId, null, null);
        }
    }

    /**
     * The day at a glance: its orders by status (by appointment time), the orders waiting for payment
     * (cancelled when their window ends) and those whose window ends soon, and each companion's
     * appointments that day.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Today today() {
        LocalDate day = LocalDate.now(zone);
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Map<OrderStatus, Long> byStatus = new EnumMap<>(OrderStatus.class);
        em.createQuery("select o.status, count(o) from Order o where o.scheduledTime >= :from and o.scheduledTime < :to"
                + " group by o.status", Object[].class).setParameter("from", from).setParameter("to", to)
                .getResultStream().forEach(row -> byStatus.put((OrderStatus) row[0], ((Number) row[1]).longValue()));
        long awaitingPayment = em.createQuery("select count(o) from Order o where o.status = :pending", Long.class)
                .setParameter("pending", OrderStatus.pending).getSingleResult();
        return new Today(day, byStatus, awaitingPayment,
                orders.unpaidEndingWithin(EXPIRING_SOON, Instant.now()), booking.loadBetween(from, to));
    }

    /** How soon an unpaid order's end must be for Today to call it about to expire. */
    static final Duration EXPIRING_SOON = Duration.ofMinutes(10);

    /** The day's figures; expiringSoon: unpaid orders cancelled within EXPIRING_SOON unless paid. */
    public record Today(LocalDate day, Map<OrderStatus, Long> byStatus, long awaitingPayment, long expiringSoon,
            List<Booking.Load> companions) {
    }

    /**
     * A day's appointments that still hold their place (not cancelled or refunded), by companion and
     * then time: for the printed day and its export. At most {@code max}.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<OrderService.OrderDetail> dayByCompanion(LocalDate day, int max) {
        Instant from = day.atStartOfDay(zone).toInstant();
        return em.createQuery("select o from Order o where o.scheduledTime >= :from and o.scheduledTime < :to"
                + " and o.status not in :gone order by o.scheduledTime, o.id", Order.class)
                .setParameter("from", from).setParameter("to", day.plusDays(1).atStartOfDay(zone).toInstant())
                .setParameter("gone", List.of(OrderStatus.cancelled, OrderStatus.refunded)).setMaxResults(max)
                .getResultStream().map(orders::line)
                .sorted(Comparator.comparing((OrderService.OrderDetail o) -> companionName(o))
                        .thenComparing(o -> o.appointment().scheduledTime()))
                .toList();
    }

    /** The companion's name for grouping; "未分配" for none. */
    public static String companionName(OrderService.OrderDetail order) {
        return order.appointment() == null || order.appointment().staff() == null ? "未分配"
                : order.appointment().staff().name();
    }

    /** A companion's orders whose appointments start in [from, to) and hold their slot, in time order. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<OrderService.OrderDetail> companionsOrders(String staffId, LocalDate from, LocalDate to) {
        return em.createQuery("select o from Order o where o.staffId = :staff and o.scheduledTime >= :from"
                + " and o.scheduledTime < :to and o.status <> :cancelled order by o.scheduledTime, o.id", Order.class)
                .setParameter("staff", staffId).setParameter("from", from.atStartOfDay(zone).toInstant())
                .setParameter("to", to.atStartOfDay(zone).toInstant()).setParameter("cancelled", OrderStatus.cancelled)
                .getResultStream().map(orders::line).toList();
    }

    /** One order with its appointment, history and refund. */
    public OrderService.OrderDetail get(String orderId) {
        return orders.detail(existing(orderId, false));
    }

    /**
     * An operator cancels an order that has not started, with a reason the member reads. A paid order
     * gets back what the refund policy gives, or {@code amount} (0 to what was paid) when one is chosen.
     */
    public OrderService.OrderDetail cancel(Actor operator, String orderId, String reason, BigDecimal amount) {
        requireReason(reason);
        Order order = existing(orderId, true);
        if (amount != null && order.isPaid()
                && (amount.signum() < 0 || amount.compareTo(order.amount()) > 0 || amount.stripTrailingZeros().scale() > 2)) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "REFUND_AMOUNT_INVALID", "退款金额须在0到实付金额之间，最多两位小数");
        }
        orders.cancel(order, operator, "客服取消：" + reason.strip(),
                amount == null || !order.isPaid() ? null : amount.setScale(2), Instant.now());
        LOG.info(() -> operator.role() + " " + operator.id() + " cancelled order " + order.orderNo());
        return orders.detail(order);
    }

    /** The companions who could take the order over now (see Booking.replacementsFor). */
    public List<StaffView.Public> replacementsFor(String orderId) {
        return booking.replacementsFor(existing(orderId, false).id());
    }

    /**
     * An operator gives a paid or accepted order to another companion; the member, the new companion and
     * the one who had it are told. The order's history keeps the change and its reason.
     */
    public OrderService.OrderDetail reassign(Actor operator, String orderId, String staffId, String reason) {
        requireReason(reason);
        Order order = paidNotStarted(orderId, "更换陪诊员");
        Instant now = Instant.now();
        String previous = booking.reassign(order.id(), staffId, now);
        order.assignedTo(staffId);
        em.persist(order.noted(operator, "更换陪诊员：" + reason.strip(), now));
        outbox.publish(new OrderEvents.OrderReassigned(OrderEvents.OrderFacts.of(order, booking.appointmentOf(order.id())),
                previous));
        return orders.detail(order);
    }

    /**
     * An operator moves a paid or accepted order to another free start (the member asked on the phone,
     * the hospital moved the clinic): the companion keeps it when free then, else another free one takes
     * it. The member and the companions are told; the history keeps both times and the reason.
     */
    public OrderService.OrderDetail reschedule(Actor operator, String orderId, Instant start, String reason) {
        requireReason(reason);
        Order order = paidNotStarted(orderId, "改期");
        Instant now = Instant.now();
        Booking.Moved before = booking.reschedule(order.id(), start, now);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(zone);
        em.persist(order.rescheduled(start, operator,
                "改期：" + format.format(before.start()) + " → " + format.format(start) + "：" + reason.strip(), now));
        Appointment appointment = booking.appointmentOf(order.id());
        order.assignedTo(appointment.staffId());
        outbox.publish(new OrderEvents.OrderRescheduled(OrderEvents.OrderFacts.of(order, appointment), before.start(),
                before.staffId().equals(appointment.staffId()) ? null : before.staffId(), reason.strip()));
        return orders.detail(order);
    }

    /** The slots of the order's service (at its hospital) on a day, for choosing its new start. */
    public SlotsView slotsFor(String orderId, LocalDate date) {
        Appointment appointment = booking.appointmentOf(existing(orderId, false).id());
        return booking.availableSlots(appointment.serviceId(), date, appointment.hospitalId());
    }

    /** An operator's change says why, in at most 100 characters (the member reads it). */
    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 100) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "REASON_REQUIRED", "请填写原因（最多100个字）");
        }
    }

    /** The order, locked, when it is paid or accepted and not started: what an operator may still move. */
    private Order paidNotStarted(String orderId, String change) {
        Order order = existing(orderId, true);
        if (order.status() != OrderStatus.paid && order.status() != OrderStatus.confirmed) {
            throw new BusinessException(ErrorKind.CONFLICT, "ORDER_STATE_INVALID",
                    "订单" + order.status().label() + "，不能" + change);
        }
        return order;
    }

    private Order existing(String orderId, boolean lock) {
        Order order = orderId == null ? null
                : lock ? em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE) : em.find(Order.class, orderId);
        if (order == null) {
            throw BusinessException.notFound("订单");
        }
        return order;
    }
}
