package health.leiming.order;

import health.leiming.platform.Page;
import health.leiming.platform.PersonalData;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The member's orders with their appointments, history, payments and refunds, and their reviews, for the export. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OrderPersonalData implements PersonalData {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    OrderService orders;

    public record Orders(List<OrderService.OrderDetail> orders, List<PaymentView> payments,
            List<Review.ReviewView> reviews) {
    }

    /** A payment attempt at WeChat Pay (our trade number, WeChat's transaction id, amount, state). */
    public record PaymentView(String orderId, String outTradeNo, String transactionId, BigDecimal amount, String status,
            Instant createdAt, Instant paidAt) {
    }

    @Override
    public String area() {
        return "orders";
    }

    @Override
    public Object of(String memberId, List<String> personIds) {
        List<OrderService.OrderDetail> mine = Page.all(page -> orders.mine(memberId, null, page)).stream()
                .map(detail -> orders.get(memberId, detail.order().id())).toList();
        List<PaymentView> payments = em.createQuery("select p from Payment p where p.orderId in"
                + " (select o.id from Order o where o.userId = :member) order by p.createdAt", Payment.class)
                .setParameter("member", memberId).getResultStream().map(Payment::exportView).toList();
        List<Review.ReviewView> reviews = em.createQuery("select r from Review r where r.userId = :member"
                + " order by r.createdAt", Review.class).setParameter("member", memberId).getResultStream()
                .map(Review::view).toList();
        return new Orders(mine, payments, reviews);
    }
}
