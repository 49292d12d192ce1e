package health.leiming.care;

import health.leiming.member.FamilyService;
import health.leiming.member.Person;
import health.leiming.notify.EventTypes;
import health.leiming.notify.Outbox;
import health.leiming.order.Order;
import health.leiming.order.OrderNumbers;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Text;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Available slots and booking (seed 5.3.3). A slot's capacity is the number of staff who can do the
 * service (at the hospital, when one is chosen) and work that day, less those already claimed for
 * it. A booking claims one free companion's slots; the claim's primary key makes two bookings of
 * the same place impossible, and a booking that lost such a race is tried again with what is left.
 */
@Stateless
public class Booking {

    static final int MAX_ATTEMPTS = 5;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    FamilyService family;

    @Inject
    BookingRules rules;

    @Inject
    OrderNumbers orderNumbers;

    @Inject
    Outbox outbox;

    @Inject
    @ConfigProperty(name = "leiming.order.pay-within", defaultValue = "PT15M")
    Duration payWithin;

    public SlotsView availableSlots(String serviceId, LocalDate date, String hospitalId) {
        CareService service = activeService(serviceId);
        if (hospitalId != null) {
            activeHospital(hospitalId);
        }
        SlotGrid grid = rules.grid();
        Instant now = Instant.now();
        List<Staff> candidates = candidates(service, hospitalId, date.getDayOfWeek());
        Set<SlotClaim.Key> claimed = claims(candidates, grid.at(date, LocalTime.MIN),
                grid.at(date.plusDays(1), LocalTime.MIN).plus(Duration.ofMinutes(service.durationMinutes())));
        List<SlotsView.Slot> slots = new ArrayList<>();
        for (LocalTime time : grid.starts()) {
            Instant start = grid.at(date, time);
            String reason = rules.closedReason(start, now);
            int free = free(candidates, grid.occupied(start, service.durationMinutes()), claimed).size();
            if (reason == null && candidates.isEmpty()) {
                reason = "当天暂无可服务人员";
            } else if (reason == null && free == 0) {
                reason = "已约满";
            }
            slots.add(new SlotsView.Slot(time.format(HH_MM), start, reason == null, reason, reason == null ? free : 0));
        }
        return new SlotsView(service.id(), date, slots);
    }

    /**
     * Books, trying again when a concurrent booking took the chosen companion's slot first. Each
     * attempt runs in a transaction of its own; this one holds nothing (and is not "no transaction",
     * where the container would log every refused booking as an error).
     */
    public BookingView book(String memberId, BookingRequest request) {
        Booking self = session.getBusinessObject(Booking.class);
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
        Person person = family.owned(memberId, request.personId());
        CareService service = activeService(request.serviceId());
        if (request.hospitalId() != null) {
            activeHospital(request.hospitalId());
        }
        SlotGrid grid = rules.grid();
        Instant start = request.scheduledTime();
        if (!grid.isSlotStart(start)) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "SLOT_INVALID", "请选择可预约的时间段");
        }
        Instant now = Instant.now();
        String closed = rules.closedReason(start, now);
        if (closed != null) {
            throw new BusinessException(ErrorKind.CONFLICT, "SLOT_CLOSED", "该时段不可预约：" + closed);
        }
        // One booking at a time per person: a double tap on "确认预约" must not make two orders.
        em.lock(person, LockModeType.PESSIMISTIC_WRITE);
        long same = em.createQuery("select count(a) from Appointment a where a.personId = :person"
                + " and a.scheduledTime = :start and a.status <> 'cancelled'", Long.class)
                .setParameter("person", person.id()).setParameter("start", start).getSingleResult();
        if (same > 0) {
            throw new BusinessException(ErrorKind.CONFLICT, "BOOKING_DUPLICATE", "该就诊人在这个时间已有预约");
        }
        List<Staff> candidates = candidates(service, request.hospitalId(), grid.dayOf(start).getDayOfWeek());
        List<Instant> occupied = grid.occupied(start, service.durationMinutes());
        List<Staff> free = free(candidates, occupied, claims(candidates, start, occupied.get(occupied.size() - 1)
                .plusSeconds(1)));
        if (free.isEmpty()) {
            throw new BusinessException(ErrorKind.CONFLICT, "SLOT_FULL", "该时段已约满，请选择其他时间");
        }
        Staff companion = free.get(ThreadLocalRandom.current().nextInt(free.size())); // spreads racing bookings

        Order.Placed placed = Order.place(orderNumber, memberId, person.id(), service.id(), service.price(),
                Json.createObjectBuilder().add("name", request.contactPerson().strip())
                        .add("phone", request.contactPhone().strip()).build(),
                Json.createObjectBuilder().add("name", service.name()).add("category", service.category().name())
                        .add("price", service.price()).add("durationMinutes", service.durationMinutes()).build(),
                now);
        Order order = placed.order();
        Appointment appointment = new Appointment(order.id(), memberId, person.id(), service, request.hospitalId(),
                start, companion.id(), Text.blankToNull(request.notes()), now);
        try {
            em.persist(order);
            em.flush(); // rows go in in dependency order: order, appointment, claims
            em.persist(placed.transition());
            em.persist(appointment);
            em.flush();
            occupied.forEach(slot -> em.persist(new SlotClaim(companion.id(), slot, appointment.id())));
            em.flush();
        } catch (PersistenceException e) {
            throw new SlotRaced(e);
        }
        outbox.publish(EventTypes.ORDER_PLACED, order.id(), Json.createObjectBuilder().add("orderId", order.id())
                .add("orderNo", order.orderNo()).add("memberId", memberId).add("personId", person.id())
                .add("serviceName", service.name()).add("scheduledTime", start.toString())
                .add("staffId", companion.id()).add("amount", order.amount()).build());
        return new BookingView(appointment.id(), order.id(), order.orderNo(), order.status().name(), start,
                order.amount(), order.createdAt().plus(payWithin));
    }

    /** Frees the appointment's slots and marks it cancelled (its order is being cancelled). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void release(String orderId, Instant now) {
        Appointment appointment = appointmentOf(orderId);
        appointment.moveTo(Appointment.Status.cancelled, now);
        em.createQuery("delete from SlotClaim c where c.appointmentId = :appointment")
                .setParameter("appointment", appointment.id()).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void follow(String orderId, Appointment.Status status, Instant now) {
        appointmentOf(orderId).moveTo(status, now);
    }

    public Appointment appointmentOf(String orderId) {
        return em.createQuery("select a from Appointment a where a.orderId = :order", Appointment.class)
                .setParameter("order", orderId).getSingleResult();
    }

    private CareService activeService(String serviceId) {
        CareService service = serviceId == null ? null : em.find(CareService.class, serviceId);
        if (service == null || !service.active()) {
            throw BusinessException.notFound("服务");
        }
        return service;
    }

    private void activeHospital(String hospitalId) {
        Hospital hospital = em.find(Hospital.class, hospitalId);
        if (hospital == null || !hospital.active()) {
            throw BusinessException.notFound("医院");
        }
    }

    /** Staff who can do the service (at the hospital) and work on that day of the week. */
    private List<Staff> candidates(CareService service, String hospitalId, DayOfWeek day) {
        return em.createQuery("select distinct s from Staff s join s.serviceIds sid where sid = :service"
                + " and s.status = 'active' order by s.id", Staff.class)
                .setParameter("service", service.id()).getResultStream()
                .filter(s -> s.worksOn(day) && s.canServe(service.id(), hospitalId)).toList();
    }

    /** The claims of the given staff with slot starts in [from, to). */
    private Set<SlotClaim.Key> claims(List<Staff> staff, Instant from, Instant to) {
        if (staff.isEmpty()) {
            return Set.of();
        }
        Set<SlotClaim.Key> keys = new HashSet<>();
        em.createQuery("select c from SlotClaim c where c.staffId in :staff and c.slotStart >= :from"
                + " and c.slotStart < :to", SlotClaim.class)
                .setParameter("staff", staff.stream().map(Staff::id).toList())
                .setParameter("from", SlotClaim.utc(from)).setParameter("to", SlotClaim.utc(to))
                .getResultStream().forEach(c -> keys.add(SlotClaim.Key.of(c.staffId(), c.slotStart())));
        return keys;
    }

    /** The candidates none of whose slots in {@code occupied} is claimed: the slot's remaining capacity. */
    static List<Staff> free(List<Staff> candidates, List<Instant> occupied, Set<SlotClaim.Key> claimed) {
        return candidates.stream()
                .filter(s -> occupied.stream().noneMatch(slot -> claimed.contains(SlotClaim.Key.of(s.id(), slot))))
                .toList();
    }
}
