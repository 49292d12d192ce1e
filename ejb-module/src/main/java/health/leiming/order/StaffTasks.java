package health.leiming.order;

import health.leiming.care.Appointment;
import health.leiming.care.Booking;
import health.leiming.member.FamilyService;
import health.leiming.order.OrderEvents.OrderCompleted;
import health.leiming.order.OrderEvents.OrderConfirmed;
import health.leiming.order.OrderEvents.OrderFacts;
import health.leiming.order.OrderEvents.OrderStarted;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.events.BusinessEvent;
import health.leiming.platform.events.Outbox;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The staff side of an order: a companion's tasks for a day, and the moves only the assigned
 * companion makes: confirm a paid order, start on site with the member's check-in code, complete.
 * Anyone else's order is "not found".
 */
@Stateless
public class StaffTasks {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    Booking booking;

    @Inject
    FamilyService family;

    @Inject
    Outbox outbox;

    @Inject
    FieldCipher cipher;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    /** How long before the appointment a companion may check in. */
    @Inject
    @ConfigProperty(name = "leiming.order.check-in-early", defaultValue = "PT2H")
    Duration checkInEarly;

    /** The companion's appointments on a business day that still hold their slot, in time order. */
    public List<Task> tasks(String staffId, LocalDate day) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return booking.appointmentsOf(staffId, from, to).stream()
                .map(a -> task(a, em.find(Order.class, a.orderId()))).toList();
    }

    public Task confirm(String staffId, String orderId) {
        Assigned assigned = assigned(staffId, orderId);
        move(assigned, OrderStatus.confirmed, Appointment.Status.confirmed, Actor.staff(staffId), "服务人员确认接单",
                OrderConfirmed::new);
        return task(assigned.appointment(), assigned.order());
    }

    /** Accepting a task by its order number (a companion's "接单 ORDER..." reply in WeCom). */
    public Task confirmByOrderNo(String staffId, String orderNo) {
        String orderId = em.createQuery("select o.id from Order o where o.orderNo = :no", String.class)
                .setParameter("no", orderNo == null ? "" : orderNo.strip()).getResultStream().findFirst()
                .orElseThrow(() -> BusinessException.notFound("任务"));
        return confirm(staffId, orderId);
    }

    public Task start(String staffId, String orderId, String checkInCode) {
        Assigned assigned = assigned(staffId, orderId);
        requireCheckInTime(assigned.appointment());
        if (assigned.order().status() == OrderStatus.confirmed
                && !assigned.appointment().checkInCodeMatches(checkInCode)) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "CHECK_IN_CODE_WRONG", "签到码不正确，请向用户核对");
        }
        move(assigned, OrderStatus.in_progress, Appointment.Status.in_progress, Actor.staff(staffId), "到达现场，开始服务",
                OrderStarted::new);
        return task(assigned.appointment(), assigned.order());
    }

    /**
     * 核销 from the console: an operator starts the service with the code the member shows, when the
     * companion cannot (a flat phone, no signal in the clinic). The code is always required, the time rule
     * is the companion's; a task the companion never accepted is accepted on their behalf first.
     */
    public Task checkInFor(Actor operator, String orderId, String checkInCode) {
        Order order = orderId == null ? null : em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw BusinessException.notFound("订单");
        }
        if (order.status() != OrderStatus.paid && order.status() != OrderStatus.confirmed) {
            throw new BusinessException(ErrorKind.CONFLICT, "ORDER_STATE_INVALID", "订单" + order.status().label() + "，不能核销");
        }
        Assigned assigned = new Assigned(order, booking.appointmentOf(order.id()));
        requireCheckInTime(assigned.appointment());
        if (!assigned.appointment().checkInCodeMatches(checkInCode)) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "CHECK_IN_CODE_WRONG", "签到码不正确，请向会员核对");
        }
        if (order.status() == OrderStatus.paid) {
            move(assigned, OrderStatus.confirmed, Appointment.Status.confirmed, operator, "客服代陪诊员接单",
                    OrderConfirmed::new);
        }
        move(assigned, OrderStatus.in_progress, Appointment.Status.in_progress, operator, "客服核销签到码，开始服务",
                OrderStarted::new);
        return task(assigned.appointment(), order);
    }

    private void requireCheckInTime(Appointment appointment) {
        if (Instant.now().isBefore(appointment.scheduledTime().minus(checkInEarly))) {
            throw new BusinessException(ErrorKind.CONFLICT, "TOO_EARLY", "还未到服务时间，暂不能签到");
        }
    }

    public Task complete(String staffId, String orderId) {
        Assigned assigned = assigned(staffId, orderId);
        move(assigned, OrderStatus.completed, Appointment.Status.completed, Actor.staff(staffId), "服务完成", OrderCompleted::new);
        return task(assigned.appointment(), assigned.order());
    }

    private void move(Assigned assigned, OrderStatus target, Appointment.Status appointmentStatus, Actor actor,
            String reason, Function<OrderFacts, BusinessEvent> event) {
        Instant now = Instant.now();
        Order order = assigned.order();
        em.persist(order.moveTo(target, actor, reason, now));
        booking.follow(order.id(), appointmentStatus, now);
        outbox.publish(event.apply(OrderFacts.of(order, assigned.appointment())));
    }

    private Assigned assigned(String staffId, String orderId) {
        Order order = orderId == null ? null : em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        Appointment appointment = order == null ? null : booking.appointmentOf(order.id());
        if (appointment == null || !staffId.equals(appointment.staffId())) {
            throw BusinessException.notFound("任务");
        }
        return new Assigned(order, appointment);
    }

    private Task task(Appointment appointment, Order order) {
        String personName = family.nameOf(appointment.personId()).orElse(null);
        return new Task(order.id(), order.orderNo(), order.status().name(), order.status().label(), order.serviceName(),
                appointment.hospitalId(), appointment.scheduledTime(), appointment.durationMinutes(),
                personName, order.contactForStaff(cipher), appointment.notes());
    }

    private record Assigned(Order order, Appointment appointment) {
    }

    /** A task as its companion sees it: whom to meet, when and where; the contact phone unmasked. */
    public record Task(String orderId, String orderNo, String status, String statusLabel, String serviceName,
            String hospitalId, Instant scheduledTime, int durationMinutes, String personName,
            OrderView.Contact contact, String notes) {
    }
}
