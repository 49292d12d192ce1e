package health.leiming.notify;

import health.leiming.platform.GaugeSource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Notifications as an operator watches them, per channel: dead letters (attempts used up or refused; an
 * admin replays them) and deliveries still waiting to go out.
 */
@Stateless
public class DeliveryFigures implements GaugeSource {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Override
    public List<Reading> read(Instant now) {
        Map<Delivery.Channel, long[]> counts = new EnumMap<>(Delivery.Channel.class);
        for (Delivery.Channel channel : Delivery.Channel.values()) {
            counts.put(channel, new long[2]);
        }
        for (Object[] row : em.createQuery("select d.channel, d.status, count(d) from Delivery d"
                + " where d.status in :open group by d.channel, d.status", Object[].class)
                .setParameter("open", List.of(Delivery.Status.pending, Delivery.Status.dead)).getResultList()) {
            counts.get((Delivery.Channel) row[0])[row[1] == Delivery.Status.dead ? 0 : 1] += ((Number) row[2]).longValue();
        }
        List<Reading> readings = new ArrayList<>();
        counts.forEach((channel, c) -> {
            readings.add(new Reading("leiming.notify.dead", "Notifications parked as dead letters", "none",
                    Map.of("channel", channel.name()), c[0]));
            readings.add(new Reading("leiming.notify.pending", "Notifications waiting to be sent", "none",
                    Map.of("channel", channel.name()), c[1]));
        });
        return readings;
    }
}
