package health.leiming.care;

import health.leiming.notify.EventTypes;
import health.leiming.notify.Outbox;
import health.leiming.order.Order;
import health.leiming.order.OrderStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reminders of paid appointments that start soon (the reminder job): each appointment is marked
 * reminded and its appointment.reminder event written in one transaction, by a conditional update,
 * so that two runs, overlapping or not, remind it once.
 */
@Stateless
public class AppointmentReminders {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    Outbox outbox;

    /** Appointments of paid or confirmed orders starting within the window, not yet reminded, soonest first. */
    public List<String> due(Instant now, Duration window, int max) {
        return em.createQuery("select a.id from Appointment a, Order o where o.id = a.orderId"
                + " and o.status in :active and a.reminderSent = false"
                + " and a.scheduledTime > :now and a.scheduledTime <= :until order by a.scheduledTime, a.id", String.class)
                .setParameter("active", List.of(OrderStatus.paid, OrderStatus.confirmed)).setParameter("now", now)
                .setParameter("until", now.plus(window)).setMaxResults(max).getResultList();
    }

    /** Reminds those not reminded yet; returns how many this call reminded. */
    public int remind(List<String> appointmentIds) {
        int reminded = 0;
        for (String id : appointmentIds) {
            int claimed = em.createQuery("update Appointment a set a.reminderSent = true where a.id = :id"
                    + " and a.reminderSent = false").setParameter("id", id).executeUpdate();
            if (claimed == 1) {
                Appointment appointment = em.find(Appointment.class, id);
                em.refresh(appointment);
                Order order = em.find(Order.class, appointment.orderId());
                outbox.publish(EventTypes.APPOINTMENT_REMINDER, appointment.id(), Json.createObjectBuilder()
                        .add("appointmentId", appointment.id()).add("orderId", order.id()).add("orderNo", order.orderNo())
                        .add("memberId", order.userId()).add("staffId", String.valueOf(appointment.staffId()))
                        .add("scheduledTime", appointment.scheduledTime().toString()).build());
                reminded++;
            }
        }
        return reminded;
    }
}
