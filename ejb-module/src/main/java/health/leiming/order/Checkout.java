package health.leiming.order;

import health.leiming.care.Booking;
import health.leiming.care.BookingRequest;
import health.leiming.care.SlotRaced;
import health.leiming.order.OrderEvents.OrderFacts;
import health.leiming.order.OrderEvents.OrderPlaced;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.events.Outbox;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Booking a service (seed 5.3.3): an order at the catalog price, with its appointment in a slot care
 * reserves for it, and the order.placed event, all in one transaction. A booking that lost the race
 * for a companion's slot is tried again with what is left.
 */
@Stateless
public class Checkout {

    static final int MAX_ATTEMPTS = 5;

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Booking booking;

    @Inject
    OrderNumbers orderNumbers;

    @Inject
    Outbox outbox;

    @Inject
    FieldCipher cipher;

    @Inject
    @ConfigProperty(name = "leiming.order.pay-within", defaultValue = "PT15M")
    Duration payWithin;

    /**
     * Books, trying again when a concurrent booking took the chosen companion's slot first. Each
     * attempt runs in a transaction of its own; this one holds nothing (and is not "no transaction",
     * where the container would log every refused booking as an error).
     */
    public BookingView book(String memberId, BookingRequest request) {
        Checkout self = session.getBusinessObject(Checkout.class);
        // The order number is taken here, before an attempt holds a database connection: taken inside
        // one, every booking would need a second connection, and as many concurrent bookings as the
        // pool has connections would each hold one and wait for another until the pool timed out.
        String orderNumber = orderNumbers.next(Instant.now());
        for (int attempt = 1;; attempt++) {
            try {
                return self.attempt(memberId, request, orderNumber);
            } catch (SlotRaced e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new BusinessException(ErrorKind.CONFLICT, "SLOT_BUSY", "该时段预约的人较多，请稍后重试");
                }
            }
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public BookingView attempt(String memberId, BookingRequest request, String orderNumber) {
        Booking.Offer offer = booking.offer(memberId, request);
        Booking.Choice choice = booking.choose(offer); // locks the person; reads only
        Instant now = Instant.now();
        Order.Placed placed = Order.place(orderNumber, memberId, offer.personId(), offer.serviceId(), offer.price(),
                cipher.encrypt(Order.CONTACT, Json.createObjectBuilder().add("name", request.contactPerson().strip())
                        .add("phone", request.contactPhone().strip()).build().toString()),
                Json.createObjectBuilder().add("name", offer.serviceName()).add("category", offer.category())
                        .add("price", offer.price()).add("durationMinutes", offer.durationMinutes()).build(),
                offer.start(), offer.hospitalId(), now);
        Order order = placed.order();
        order.assignedTo(choice.staffId());
        // Written last, after every check and the person's lock, so that rows (and the locks a
        // database takes for their keys) are held as briefly as possible under concurrent bookings.
        try {
            em.persist(order);
            em.flush(); // rows go in in dependency order: the order, then what refers to it
            em.persist(placed.transition());
        } catch (PersistenceException e) {
            throw new SlotRaced(e);
        }
        Booking.Reservation reservation = booking.reserve(choice, order.id(), now);
        outbox.publish(new OrderPlaced(new OrderFacts(order.id(), order.orderNo(), memberId, offer.personId(),
                reservation.staffId(), offer.serviceName(), offer.start(), offer.hospitalId()), order.amount()));
        return new BookingView(reservation.appointmentId(), order.id(), order.orderNo(), order.status().name(),
                offer.start(), order.amount(), order.createdAt().plus(payWithin));
    }
}
