package health.leiming.order;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Logs;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
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
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    public OrderService.OrderPage search(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where a.orderId = o.id");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.status() != null && !filter.status().isBlank()) {
            where.append(" and o.status = :status");
            parameters.put("status", OrderStatus.parse(filter.status()));
        }
        if (filter.date() != null) {
            where.append(" and a.scheduledTime >= :from and a.scheduledTime < :to");
            parameters.put("from", filter.date().atStartOfDay(zone).toInstant());
            parameters.put("to", filter.date().plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (filter.serviceId() != null && !filter.serviceId().isBlank()) {
            where.append(" and o.serviceId = :service");
            parameters.put("service", filter.serviceId().strip());
        }
        if (filter.hospitalId() != null && !filter.hospitalId().isBlank()) {
            where.append(" and a.hospitalId = :hospital");
            parameters.put("hospital", filter.hospitalId().strip());
        }
        if (filter.phone() != null && !filter.phone().isBlank()) {
            where.append(" and o.userId in (select m.id from Member m where m.phone = :phone)");
            parameters.put("phone", filter.phone().strip());
        }
        if (filter.memberId() != null) {
            where.append(" and o.userId = :member");
            parameters.put("member", filter.memberId());
        }
        TypedQuery<Order> orders = em.createQuery("select o from Order o, Appointment a" + where
                + " order by o.createdAt desc, o.id", Order.class);
        TypedQuery<Long> count = em.createQuery("select count(o) from Order o, Appointment a" + where, Long.class);
        parameters.forEach((name, value) -> {
            orders.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<OrderService.OrderDetail> items = orders.setFirstResult((page - 1) * size).setMaxResults(size)
                .getResultStream().map(o -> new OrderService.OrderDetail(o.view(), null, null, null)).toList();
        return new OrderService.OrderPage(items, page, size, count.getSingleResult());
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

    public record Filter(String status, LocalDate date, String serviceId, String hospitalId, String phone,
            String memberId) {
    }
}
