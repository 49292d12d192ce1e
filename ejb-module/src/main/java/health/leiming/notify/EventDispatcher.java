package health.leiming.notify;

import health.leiming.platform.Logs;
import health.leiming.wecom.WecomEvents;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Acts on a business event once: the first delivery records the event as processed in the same
 * transaction as its effects; a redelivery (broker retry, a second relay) finds that record and does
 * nothing.
 */
@Stateless
public class EventDispatcher {

    static final String CONSUMER = "message-centre";

    private static final Logger LOG = Logs.get(EventDispatcher.class);

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    NotificationRouter router;

    @Inject
    WecomEvents wecom;

    public void dispatch(String eventId, String eventType, String payload) {
        if (em.find(ProcessedEvent.class, new ProcessedEvent.Key(eventId, CONSUMER)) != null) {
            LOG.fine(() -> "Event " + eventId + " already processed");
            return;
        }
        Instant now = Instant.now();
        em.persist(new ProcessedEvent(eventId, CONSUMER, now));
        JsonObject data = Json.createReader(new StringReader(payload)).readObject();
        if (EventTypes.WECOM_CALLBACK.equals(eventType)) {
            wecom.process(data.getString("inboxId"));
        } else {
            router.route(eventId, eventType, data, now);
        }
        // Flush here so that a concurrent duplicate fails on the processed_events key inside this
        // transaction (and is redelivered, then skipped) rather than at commit.
        em.flush();
    }
}
