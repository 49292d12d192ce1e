package health.leiming.order;

import health.leiming.member.MemberService;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Logs;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    public Page<OrderService.OrderDetail> search(Filter filter, PageRequest page) {
        health.leiming.platform.Filter where = new health.leiming.platform.Filter()
                .andIfGiven("o.status = :status", "status",
                        filter.status() == null || filter.status().isBlank() ? null : OrderStatus.parse(filter.status()))
                .andIfGiven("o.serviceId = :service", "service", strip(filter.serviceId()))
                .andIfGiven("o.hospitalId = :hospital", "hospital", strip(filter.hospitalId()))
                .andIfGiven("o.userId = :member", "member", filter.memberId());
        if (filter.date() != null) {
            where.and("o.scheduledTime >= :from and o.scheduledTime < :to")
                    .bind("from", filter.date().atStartOfDay(zone).toInstant())
                    .bind("to", filter.date().plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (filter.phone() != null && !filter.phone().isBlank()) {
            where.and("o.userId = :phoneOwner", "phoneOwner", members.idByPhone(filter.phone().strip()).orElse(""));
        }
        return page.read(em, Order.class, "Order o", where, "o.createdAt desc, o.id",
                o -> new OrderService.OrderDetail(o.view(cipher), null, null, null));
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
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
