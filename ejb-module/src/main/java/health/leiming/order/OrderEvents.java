package health.leiming.order;

import health.leiming.care.Appointment;
import health.leiming.platform.events.BusinessEvent;
import health.leiming.platform.events.EventCatalog;
import health.leiming.platform.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The business events of an order's life, and the reminder before its appointment. Each carries the
 * order's facts, so that a consumer tells the member and the companion without reading the order back.
 */
@ApplicationScoped
public class OrderEvents implements EventCatalog {

    @Override
    public List<Class<? extends BusinessEvent>> events() {
        return List.of(OrderPlaced.class, OrderPaid.class, OrderConfirmed.class, OrderStarted.class,
                OrderCompleted.class, OrderCancelled.class, OrderRefunded.class, OrderReassigned.class, OrderRescheduled.class,
                AppointmentReminderDue.class,
                ReconciliationOpen.class);
    }

    /** What every order event says about its order and appointment (ids, the service's name, the time). */
    public record OrderFacts(String orderId, String orderNo, String memberId, String personId, String staffId,
            String serviceName, Instant scheduledTime, String hospitalId) {

        static OrderFacts of(Order order, Appointment appointment) {
            return new OrderFacts(order.id(), order.orderNo(), order.userId(), appointment.personId(),
                    appointment.staffId(), order.serviceName(), appointment.scheduledTime(), appointment.hospitalId());
        }
    }

    @EventType("order.placed")
    public record OrderPlaced(OrderFacts order, BigDecimal amount) implements BusinessEvent {
        @Override
        public String aggregateId() {
            return order.orderId();
        }
    }

    @EventType("order.paid")
    public record OrderPaid(OrderFacts order) implements BusinessEvent {
        @Override
        public String aggregateId() {
            return order.orderId();
        }
    }

    @EventType("order.confirmed")
    public record OrderConfirmed(OrderFacts order) implements BusinessEvent {
        @Override
        public String aggregateId() {
            return order.orderId();
        }
    }

    @EventType("order.started")
    public record OrderStarted(OrderFacts order) implements BusinessEvent {
        @Override
        public String aggregateId() {
            return order.orderId();
        }
    }

    @EventType("order.completed")
    public record OrderCompleted(OrderFacts order) implements BusinessEvent {
        @Override
        public String aggregateId() {
            return order.orderId();
        }
    }

    /**
     * Cancelled by the member, staff or the system (by), with the reason shown to the member; wasPaid
     * says whether the companion already had the task (and must hear it is off).
     */
    @EventType("order.cancelled")
    public record OrderCancelled(OrderFacts order, String by, String reason, BigDecimal refundAmount, boolean wasPaid)
            implements BusinessEvent {
        @Override
        public String aggregateId() {
            return order.orderId();
        }
    }

    /** An operator gave the order to another companion (order.staffId); the one who had it is told it is off. */
    @EventType("order.reassigned")
    public record OrderReassigned(OrderFacts order, String previousStaffId) implements BusinessEvent {
        @Override
        public String aggregateId() {
            return order.orderId();
        }
    }

    /**
     * An operator moved the appointment to another start (order.scheduledTime); previousStaffId is the
     * companion who had it when another one takes it over with the move, else null; the reason is the member's to read.
     */
    @EventType("order.rescheduled")
    public record OrderRescheduled(OrderFacts order, Instant previousTime, String previousStaffId, String reason)
            implements BusinessEvent {
        @Override
        public String aggregateId() {
            return order.orderId();
        }
    }

    @EventType("order.refunded")
    public record OrderRefunded(OrderFacts order, BigDecimal refundAmount) implements BusinessEvent {
        @Override
        public String aggregateId() {
            return order.orderId();
        }
    }

    /** A day's reconciliation with WeChat Pay left differences for a person: finance is told. */
    @EventType("payment.reconciliation-open")
    public record ReconciliationOpen(java.time.LocalDate billDate, int open, int found) implements BusinessEvent {
        @Override
        public String aggregateId() {
            return billDate.toString();
        }
    }

    /** A paid appointment starts soon: member and companion are reminded, once. */
    @EventType("appointment.reminder")
    public record AppointmentReminderDue(OrderFacts order, String appointmentId) implements BusinessEvent {
        @Override
        public String aggregateId() {
            return appointmentId;
        }
    }
}
