package health.leiming.order;

import health.leiming.care.Appointment;
import health.leiming.care.Booking;
import health.leiming.order.OrderEvents.AppointmentReminderDue;
import health.leiming.order.OrderEvents.OrderFacts;
import health.leiming.platform.events.Outbox;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reminders of paid appointments that start soon (the reminder job). Care knows which appointments
 * start soon and whether they were reminded; the order knows whether they were paid. Each appointment
 * is marked reminded and its appointment.reminder event written in one transaction, by a conditional
 * update, so that two runs, overlapping or not, remind it once.
 */
@Stateless
public class AppointmentReminders {

    private static final Set<OrderStatus> REMINDED = Set.of(OrderStatus.paid, OrderStatus.confirmed);

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    Booking booking;

    @Inject
    Outbox outbox;

    /** Appointments of paid or confirmed orders starting within the window, not yet reminded, soonest first. */
    public List<String> due(Instant now, Duration window, int max) {
        List<Appointment> upcoming = booking.notReminded(now, now.plus(window));
        if (upcoming.isEmpty()) {
            return List.of();
        }
        Set<String> paid = new HashSet<>(em.createQuery("select o.id from Order o where o.id in :orders"
                + " and o.status in :reminded", String.class)
                .setParameter("orders", upcoming.stream().map(Appointment::orderId).toList())
                .setParameter("reminded", REMINDED).getResultList());
        return upcoming.stream().filter(a -> paid.contains(a.orderId())).limit(max).map(Appointment::id).toList();
    }

    /** Reminds those not reminded yet; returns how many this call reminded. */
    public int remind(List<String> appointmentIds) {
        int reminded = 0;
        for (String id : appointmentIds) {
            if (booking.markReminded(id)) {
                Appointment appointment = booking.appointment(id);
                Order order = em.find(Order.class, appointment.orderId());
                outbox.publish(new AppointmentReminderDue(OrderFacts.of(order, appointment), appointment.id()));
                reminded++;
            }
        }
        return reminded;
    }
}
