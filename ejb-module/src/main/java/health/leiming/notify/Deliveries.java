package health.leiming.notify;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The delivery queue's bookkeeping, one short transaction per step: which deliveries are due, taking
 * one for an attempt (the version column makes sure two servers cannot both take it), and the
 * outcome. Also the admin's view of dead letters and their replay.
 */
@Stateless
public class Deliveries {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    Event<NotificationRouter.DeliveriesQueued> queued;

    /** How long a taken delivery is left alone before it counts as abandoned (a server died mid-send). */
    @Inject
    @ConfigProperty(name = "leiming.notify.claim-lease", defaultValue = "PT2M")
    Duration lease;

    @Inject
    @ConfigProperty(name = "leiming.notify.max-attempts", defaultValue = "6")
    int maxAttempts;

    /** The wait after the first failed attempt; it doubles with every further one. */
    @Inject
    @ConfigProperty(name = "leiming.notify.retry-backoff", defaultValue = "PT30S")
    Duration backoff;

    @Inject
    @ConfigProperty(name = "leiming.notify.retry-backoff-max", defaultValue = "PT30M")
    Duration maxBackoff;

    public List<String> due(int max) {
        return em.createNamedQuery("Delivery.due", String.class).setParameter("pending", Delivery.Status.pending)
                .setParameter("now", Instant.now()).setMaxResults(max).getResultList();
    }

    /** Takes a due delivery for one attempt; empty when it is not due or another server took it first. */
    public Optional<Attempt> claim(String id) {
        Delivery delivery = em.find(Delivery.class, id);
        if (delivery == null || !delivery.claim(Instant.now(), lease)) {
            return Optional.empty();
        }
        em.flush(); // the version check: a second taker fails here, not after sending
        return Optional.of(new Attempt(delivery.id(), delivery.channel(), delivery.address(), delivery.templateId(),
                delivery.templateData(), delivery.page(), delivery.title(), delivery.content(), delivery.attempts()));
    }

    public void sent(String id) {
        em.find(Delivery.class, id).sent(Instant.now());
    }

    public void failed(String id, String error, boolean permanent) {
        Delivery delivery = em.find(Delivery.class, id);
        delivery.failed(error, permanent, maxAttempts, backoffAfter(delivery.attempts()), Instant.now());
    }

    /** The outside service was not called (its circuit breaker is open): no attempt used up. */
    public void postpone(String id) {
        Delivery delivery = em.find(Delivery.class, id);
        delivery.postpone(Instant.now().plus(backoffAfter(Math.max(1, delivery.attempts()))));
    }

    Duration backoffAfter(int attempts) {
        Duration wait = backoff.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    public Page<DeliveryView> list(Delivery.Status status, PageRequest page) {
        return page.read(em.createNamedQuery("Delivery.byStatus", Delivery.class).setParameter("status", status),
                em.createNamedQuery("Delivery.countByStatus", Long.class).setParameter("status", status), Delivery::view);
    }

    public List<DeliveryView> ofEvent(String eventId) {
        return em.createNamedQuery("Delivery.ofEvent", Delivery.class).setParameter("event", eventId)
                .getResultStream().map(Delivery::view).toList();
    }

    /** Sends a dead letter again. Only dead letters: a delivery that is pending or sent is a 409. */
    public DeliveryView replay(String id) {
        Delivery delivery = id == null ? null : em.find(Delivery.class, id);
        if (delivery == null) {
            throw BusinessException.notFound("通知");
        }
        if (!delivery.replay(Instant.now())) {
            throw new BusinessException(ErrorKind.CONFLICT, "DELIVERY_NOT_DEAD", "只有发送失败的通知可以重发");
        }
        queued.fire(new NotificationRouter.DeliveriesQueued());
        return delivery.view();
    }

    /** One attempt at a delivery: everything the sender needs, the address still encrypted. */
    public record Attempt(String id, Delivery.Channel channel, String encryptedAddress, String templateId,
            String templateData, String page, String title, String content, int attempt) {
    }

}
