package health.leiming.notify;

import health.leiming.order.OrderService;
import health.leiming.platform.Erasure;
import health.leiming.platform.ErasureSubject;
import health.leiming.platform.Traces;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notify context's part of an erasure. A whole account: the message centre, settings and subscriptions,
 * the chat of every order, and every delivery to the member or to their people's emergency contacts. One
 * person: the member's messages and deliveries that name the person, the chat of the person's orders.
 * Deliveries made (or given up) to anyone else that name the subject go too; one still waiting to go to
 * someone else (a companion) stays: it cannot be about an order in progress, those stop an erasure.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class NotifyErasure implements Erasure {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    OrderService orders;

    @Override
    public int stage() {
        return 20; // before the orders lose the member's id
    }

    @Override
    public Map<String, Integer> erase(ErasureSubject subject) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        List<String> traces = subject.traces();
        Traces text = Traces.in("m.content", traces);
        Traces title = Traces.in("m.title", traces);
        if (subject.wholeAccount()) {
            erased.put("messages", em.createQuery("delete from Message m where m.memberId = :member")
                    .setParameter("member", subject.memberId()).executeUpdate());
            erased.put("preferences", em.createQuery("delete from NotificationPreferences p where p.memberId = :member")
                    .setParameter("member", subject.memberId()).executeUpdate());
            erased.put("subscriptions", em.createQuery("delete from SubscribeGrant g where g.memberId = :member")
                    .setParameter("member", subject.memberId()).executeUpdate());
        } else {
            erased.put("messages", title.bind(text.bind(em.createQuery("delete from Message m where m.memberId = :member"
                    + " and (" + text.condition() + " or " + title.condition() + ")")))
                    .setParameter("member", subject.memberId()).executeUpdate());
        }
        List<String> chatOrders = orders.idsOf(subject.memberId(), subject.wholeAccount() ? null : subject.personIds());
        erased.put("chat", chatOrders.isEmpty() ? 0 : em.createQuery("delete from ChatMessage c where c.orderId in :orders")
                .setParameter("orders", chatOrders).executeUpdate());

        List<String> recipients = new ArrayList<>();
        if (subject.wholeAccount()) {
            recipients.add("member:" + subject.memberId());
        }
        subject.personIds().forEach(person -> recipients.add("contact:" + person));
        Traces content = Traces.in("d.content", traces);
        Traces heading = Traces.in("d.title", traces);
        Traces data = Traces.in("d.templateData", traces);
        erased.put("deliveries", data.bind(heading.bind(content.bind(em.createQuery("delete from Delivery d where"
                + " d.recipient in :recipients or ((d.status <> :pending or d.recipient = :member) and ("
                + content.condition() + " or " + heading.condition() + " or " + data.condition() + "))"))))
                .setParameter("recipients", recipients).setParameter("pending", Delivery.Status.pending)
                .setParameter("member", "member:" + subject.memberId()).executeUpdate());
        return erased;
    }
}
