package health.leiming.order;

import health.leiming.platform.Erasure;
import health.leiming.platform.ErasureSubject;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order context's part of an erasure. Orders, their history, payments and refunds are accounting
 * records the law makes us keep (leiming.retention.orders in the README): they stay, pseudonymised. The
 * contact for the day loses name and phone; the member's and the people's ids are replaced by random ones
 * that nothing maps back; a review keeps its stars for the service's rating and loses its words. An order
 * still under way (not paid yet, paid, confirmed, in service, or a refund on its way) stops the erasure.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OrderErasure implements Erasure {

    private static final String ERASED_CONTACT = Json.createObjectBuilder().add("name", ErasureSubject.ERASED_NAME)
            .add("phone", "").build().toString();

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Override
    public int stage() {
        return 50;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> obstacle(ErasureSubject subject) {
        List<String> orders = orders(subject);
        if (orders.isEmpty()) {
            return Optional.empty();
        }
        long underWay = em.createQuery("select count(o) from Order o where o.id in :orders and o.status in :open", Long.class)
                .setParameter("orders", orders).setParameter("open", List.of(OrderStatus.pending, OrderStatus.paid,
                        OrderStatus.confirmed, OrderStatus.in_progress)).getSingleResult()
                + em.createQuery("select count(r) from Refund r where r.orderId in :orders and r.status in :open", Long.class)
                .setParameter("orders", orders).setParameter("open", List.of(Refund.Status.requested.name(),
                        Refund.Status.submitted.name())).getSingleResult();
        return underWay == 0 ? Optional.empty()
                : Optional.of("有进行中的订单（待支付、已支付、服务中或退款中），请在订单结束后再操作");
    }

    @Override
    public Map<String, Integer> erase(ErasureSubject subject) {
        Map<String, Integer> kept = new LinkedHashMap<>();
        List<String> orders = orders(subject);
        if (orders.isEmpty()) {
            return kept;
        }
        kept.put("orders-pseudonymised", em.createQuery("update Order o set o.contactInfo = :contact where o.id in :orders")
                .setParameter("contact", ERASED_CONTACT).setParameter("orders", orders).executeUpdate());
        subject.persons().forEach((person, pseudonym) -> em.createQuery("update Order o set o.personId = :pseudonym"
                + " where o.id in :orders and o.personId = :person").setParameter("pseudonym", pseudonym)
                .setParameter("orders", orders).setParameter("person", person).executeUpdate());
        if (subject.wholeAccount()) {
            em.createQuery("update Order o set o.userId = :pseudonym where o.userId = :member")
                    .setParameter("pseudonym", subject.memberPseudonym()).setParameter("member", subject.memberId())
                    .executeUpdate();
            kept.put("transitions-pseudonymised", em.createQuery("update OrderTransition t set t.actorId = :pseudonym"
                    + " where t.actorId = :member").setParameter("pseudonym", subject.memberPseudonym())
                    .setParameter("member", subject.memberId()).executeUpdate());
            kept.put("reviews-pseudonymised", em.createQuery("update Review r set r.userId = :pseudonym, r.content = null"
                    + " where r.userId = :member").setParameter("pseudonym", subject.memberPseudonym())
                    .setParameter("member", subject.memberId()).executeUpdate());
        }
        return kept;
    }

    private List<String> orders(ErasureSubject subject) {
        String which = subject.wholeAccount() ? "" : " and o.personId in :persons";
        var query = em.createQuery("select o.id from Order o where o.userId = :member" + which, String.class)
                .setParameter("member", subject.memberId());
        if (!subject.wholeAccount()) {
            query.setParameter("persons", subject.personIds());
        }
        return query.getResultList();
    }
}
