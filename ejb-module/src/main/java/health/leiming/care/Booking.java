package health.leiming.care;

import health.leiming.member.FamilyService;
import health.leiming.member.Person;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Filter;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import health.leiming.platform.Text;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Available slots and the appointments made in them (seed 5.3.3). A slot's capacity is the number
 * of staff who can do the service (at the hospital, when one is chosen) and work that day, less those
 * already claimed for it. A reservation claims one free companion's slots; the claim's primary key
 * makes two bookings of the same place impossible. Orders are placed on top of this (order.Checkout);
 * nothing here knows about them beyond the order id an appointment belongs to.
 */
@Stateless
public class Booking {

    /** The reason a slot gives when every companion is booked (the one reason that is not "closed"). */
    public static final String FULL = "已约满";

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FamilyService family;

    @Inject
    BookingRules rules;

    @Inject
    StaffDirectory staff;


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
                reason = FULL;
            }
            slots.add(new SlotsView.Slot(time.format(HH_MM), start, reason == null, reason, reason == null ? free : 0));
        }
        return new SlotsView(service.id(), date, slots);
    }

    /**
     * Checks a booking request before an order is placed for it: the member's own person, an active
     * service and hospital, a slot start that is still open. Returns what the order needs to know.
     */
    public Offer offer(String memberId, BookingRequest request) {
        String personId = family.owned(memberId, request.personId()).id();
        CareService service = activeService(request.serviceId());
        if (request.hospitalId() != null) {
            activeHospital(request.hospitalId());
        }
        Instant start = request.scheduledTime();
        if (!rules.grid().isSlotStart(start)) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "SLOT_INVALID", "请选择可预约的时间段");
        }
        String closed = rules.closedReason(start, Instant.now());
        if (closed != null) {
            throw new BusinessException(ErrorKind.CONFLICT, "SLOT_CLOSED", "该时段不可预约：" + closed);
        }
        return new Offer(memberId, personId, service.id(), service.name(), service.category().name(), service.price(),
                service.durationMinutes(), request.hospitalId(), start, Text.blankToNull(request.notes()));
    }

    /** A bookable request, as checked by {@link #offer}: the service as it is now, at the chosen start. */
    public record Offer(String memberId, String personId, String serviceId, String serviceName, String category,
            BigDecimal price, int durationMinutes, String hospitalId, Instant start, String notes) {
    }

    /** The companion chosen for an offer, and the slots of theirs the appointment will occupy. */
    public record Choice(Offer offer, String staffId, List<Instant> occupied) {
    }

    /** The appointment made for an order, and the companion who will carry it out. */
    public record Reservation(String appointmentId, String staffId) {
    }

    /**
     * Chooses a free companion for the offer, in the caller's transaction, writing nothing: the person
     * is locked (one booking at a time per person: a double tap on "确认预约" must not make two orders),
     * a second booking of the person at that time is refused, and one of the companions whose slots
     * are all free is picked and locked (see claimable). The caller places the order, then
     * {@link #reserve reserves}.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Choice choose(Offer offer) {
        Person person = family.owned(offer.memberId(), offer.personId());
        em.lock(person, LockModeType.PESSIMISTIC_WRITE);
        long same = em.createQuery("select count(a) from Appointment a where a.personId = :person"
                + " and a.scheduledTime = :start and a.status <> 'cancelled'", Long.class)
                .setParameter("person", person.id()).setParameter("start", offer.start()).getSingleResult();
        if (same > 0) {
            throw new BusinessException(ErrorKind.CONFLICT, "BOOKING_DUPLICATE", "该就诊人在这个时间已有预约");
        }
        SlotGrid grid = rules.grid();
        CareService service = activeService(offer.serviceId());
        List<Staff> candidates = candidates(service, offer.hospitalId(), grid.dayOf(offer.start()).getDayOfWeek());
        List<Instant> occupied = grid.occupied(offer.start(), offer.durationMinutes());
        Instant until = occupied.get(occupied.size() - 1).plusSeconds(1);
        List<Staff> free = free(candidates, occupied, claims(candidates, offer.start(), until));
        if (free.isEmpty()) {
            throw new BusinessException(ErrorKind.CONFLICT, "SLOT_FULL", "该时段已约满，请选择其他时间");
        }
        Staff companion = free.get(ThreadLocalRandom.current().nextInt(free.size())); // spreads racing bookings
        if (!claimable(companion.id(), offer.start(), until)) {
            // Taken since this transaction first looked. Not another companion in this transaction: it holds
            // this one's lock, and waiting for a second while holding the first is how deadlocks start. The
            // caller tries again in a new transaction, which sees what is taken.
            throw new SlotRaced(null);
        }
        return new Choice(offer, companion.id(), occupied);
    }

    /**
     * Locks the companion (until the booking commits: bookings of one companion go one at a time) and
     * reads their claims again with a locking read, which sees what concurrent bookings committed since
     * this transaction's first read (InnoDB's repeatable read would otherwise show the old snapshot). So
     * a lost race is seen here, before any insert, not as a failed insert (which, with MariaDB's driver
     * under JDBC batch writing, surfaced as a NullPointerException and a 500).
     */
    private boolean claimable(String staffId, Instant from, Instant until) {
        em.createQuery("select s from Staff s where s.id = :id", Staff.class).setParameter("id", staffId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        return em.createQuery("select c from SlotClaim c where c.staffId = :staff and c.slotStart >= :from"
                + " and c.slotStart < :to", SlotClaim.class)
                .setParameter("staff", staffId).setParameter("from", SlotClaim.utc(from))
                .setParameter("to", SlotClaim.utc(until))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().isEmpty();
    }

    /**
     * Makes the order's appointment with the chosen companion and claims their slots, in the caller's
     * transaction (the order row must exist). Throws {@link SlotRaced} when a concurrent booking
     * claimed one of those slots first: the caller's transaction then rolls back, and the caller may
     * try again with what is left.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Reservation reserve(Choice choice, String orderId, Instant now) {
        Offer offer = choice.offer();
        Appointment appointment = new Appointment(orderId, offer.memberId(), offer.personId(), offer.serviceId(),
                offer.durationMinutes(), offer.hospitalId(), offer.start(), choice.staffId(), offer.notes(), now);
        try {
            em.persist(appointment);
            em.flush(); // rows go in in dependency order: appointment, then its claims
            choice.occupied().forEach(slot -> em.persist(new SlotClaim(choice.staffId(), slot, appointment.id())));
            em.flush();
        } catch (PersistenceException e) {
            throw new SlotRaced(e);
        }
        return new Reservation(appointment.id(), choice.staffId());
    }

    /**
     * The companions who could take over the order's appointment: active, offering its service at its
     * hospital, working that day, with every slot it occupies free. For the operator's choice.
     */
    public List<StaffView.Public> replacementsFor(String orderId) {
        Appointment appointment = appointmentOf(orderId);
        SlotGrid grid = rules.grid();
        CareService service = em.find(CareService.class, appointment.serviceId());
        List<Staff> others = candidates(service, appointment.hospitalId(),
                grid.dayOf(appointment.scheduledTime()).getDayOfWeek()).stream()
                .filter(s -> !s.id().equals(appointment.staffId())).toList();
        List<Instant> occupied = grid.occupied(appointment.scheduledTime(), appointment.durationMinutes());
        Instant until = occupied.get(occupied.size() - 1).plusSeconds(1);
        return free(others, occupied, claims(others, appointment.scheduledTime(), until)).stream()
                .map(s -> staff.publicViewOf(s.id())).toList();
    }

    /**
     * Moves the order's appointment to another companion, in the caller's transaction: they must offer
     * the service at the hospital, work that day and have every slot free (their row is locked, as a
     * booking locks it, so a concurrent booking cannot take the same slots). The old companion's slots
     * are freed. Returns the companion who had it.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String reassign(String orderId, String staffId, Instant now) {
        Appointment appointment = appointmentOf(orderId);
        if (staffId == null || staffId.equals(appointment.staffId())) {
            throw new BusinessException(ErrorKind.CONFLICT, "STAFF_UNCHANGED", "请选择另一位陪诊员");
        }
        SlotGrid grid = rules.grid();
        CareService service = em.find(CareService.class, appointment.serviceId());
        boolean able = candidates(service, appointment.hospitalId(),
                grid.dayOf(appointment.scheduledTime()).getDayOfWeek()).stream().anyMatch(s -> s.id().equals(staffId));
        if (!able) {
            throw new BusinessException(ErrorKind.CONFLICT, "STAFF_UNAVAILABLE", "该陪诊员不提供此服务或当天不出诊");
        }
        List<Instant> occupied = grid.occupied(appointment.scheduledTime(), appointment.durationMinutes());
        Instant until = occupied.get(occupied.size() - 1).plusSeconds(1);
        if (!claimable(staffId, appointment.scheduledTime(), until)) {
            throw new BusinessException(ErrorKind.CONFLICT, "STAFF_BUSY", "该陪诊员在这个时段已有预约");
        }
        String previous = appointment.staffId();
        em.createQuery("delete from SlotClaim c where c.appointmentId = :appointment")
                .setParameter("appointment", appointment.id()).executeUpdate();
        appointment.reassign(staffId, now);
        try {
            occupied.forEach(slot -> em.persist(new SlotClaim(staffId, slot, appointment.id())));
            em.flush();
        } catch (PersistenceException e) { // a booking claimed one of the slots between the check and here
            throw new BusinessException(ErrorKind.CONFLICT, "STAFF_BUSY", "该陪诊员在这个时段已有预约");
        }
        return previous;
    }

    /**
     * Moves the order's appointment to another start, in the caller's transaction: a slot start of the
     * grid that is still open, not the one it has, and no other appointment of the person then. The
     * companion keeps it when they are free then (and still work that day); otherwise a free companion
     * who can do it takes it over, locked as a booking locks one. The old slots are freed, and the
     * reminder is due again. Returns the appointment as it was (its start and companion).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Moved reschedule(String orderId, Instant start, Instant now) {
        Appointment appointment = appointmentOf(orderId);
        SlotGrid grid = rules.grid();
        if (start == null || !grid.isSlotStart(start)) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "SLOT_INVALID", "请选择可预约的时间段");
        }
        if (start.equals(appointment.scheduledTime())) {
            throw new BusinessException(ErrorKind.CONFLICT, "SLOT_UNCHANGED", "请选择另一个时间段");
        }
        String closed = rules.closedReason(start, now);
        if (closed != null) {
            throw new BusinessException(ErrorKind.CONFLICT, "SLOT_CLOSED", "该时段不可预约：" + closed);
        }
        // the person is locked as a booking locks them: a booking of theirs for that start waits for this move
        em.lock(family.owned(appointment.userId(), appointment.personId()), LockModeType.PESSIMISTIC_WRITE);
        long same = em.createQuery("select count(a) from Appointment a where a.personId = :person"
                + " and a.scheduledTime = :start and a.status <> 'cancelled' and a.id <> :self", Long.class)
                .setParameter("person", appointment.personId()).setParameter("start", start)
                .setParameter("self", appointment.id()).getSingleResult();
        if (same > 0) {
            throw new BusinessException(ErrorKind.CONFLICT, "BOOKING_DUPLICATE", "该就诊人在这个时间已有预约");
        }
        CareService service = em.find(CareService.class, appointment.serviceId());
        List<Instant> occupied = grid.occupied(start, appointment.durationMinutes());
        Instant until = occupied.get(occupied.size() - 1).plusSeconds(1);
        Moved before = new Moved(appointment.scheduledTime(), appointment.staffId());
        em.createQuery("delete from SlotClaim c where c.appointmentId = :appointment")
                .setParameter("appointment", appointment.id()).executeUpdate();
        List<Staff> candidates = candidates(service, appointment.hospitalId(), grid.dayOf(start).getDayOfWeek());
        List<Staff> free = free(candidates, occupied, claims(candidates, start, until));
        Staff companion = free.stream().filter(s -> s.id().equals(appointment.staffId())).findFirst()
                .orElseGet(() -> free.isEmpty() ? null : free.get(ThreadLocalRandom.current().nextInt(free.size())));
        if (companion == null || !claimable(companion.id(), start, until)) {
            throw new BusinessException(ErrorKind.CONFLICT, "SLOT_FULL", "该时段已约满，请选择其他时间");
        }
        appointment.reschedule(start, companion.id(), now);
        try {
            occupied.forEach(slot -> em.persist(new SlotClaim(companion.id(), slot, appointment.id())));
            em.flush();
        } catch (PersistenceException e) { // a booking claimed one of the slots between the check and here
            throw new BusinessException(ErrorKind.CONFLICT, "SLOT_FULL", "该时段已约满，请选择其他时间");
        }
        return before;
    }

    /** Where an appointment was before it moved: its start and companion. */
    public record Moved(Instant start, String staffId) {
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

    /** An appointment by its id, as stored now (after a bulk update in this transaction too). */
    public Appointment appointment(String appointmentId) {
        Appointment appointment = em.find(Appointment.class, appointmentId);
        em.refresh(appointment);
        return appointment;
    }

    /**
     * A person's appointments at a hospital starting in [from, to) (either open), newest first, cancelled ones
     * included: for that hospital's systems (interop checks the member's authorisation).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<Appointment> ofPersonAt(String personId, String hospitalId, Instant from, Instant to, PageRequest page) {
        Filter filter = new Filter().and("a.personId = :person", "person", personId)
                .and("a.hospitalId = :hospital", "hospital", hospitalId)
                .andIfGiven("a.scheduledTime >= :from", "from", from)
                .andIfGiven("a.scheduledTime < :to", "to", to);
        return page.read(em, Appointment.class, "Appointment a", filter, "a.scheduledTime desc, a.id", a -> a);
    }

    /** An appointment by its id, as stored; empty when there is none. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Appointment> find(String appointmentId) {
        return Optional.ofNullable(appointmentId == null ? null : em.find(Appointment.class, appointmentId));
    }

    /** A companion's appointments starting in [from, to) that still hold their slot, in time order. */
    public List<Appointment> appointmentsOf(String staffId, Instant from, Instant to) {
        return em.createQuery("select a from Appointment a where a.staffId = :staff and a.scheduledTime >= :from"
                + " and a.scheduledTime < :to and a.status <> 'cancelled' order by a.scheduledTime", Appointment.class)
                .setParameter("staff", staffId).setParameter("from", from).setParameter("to", to).getResultList();
    }

    /** Each companion's appointments starting in [from, to) that still hold their slot, busiest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Load> loadBetween(Instant from, Instant to) {
        return em.createQuery("select a.staffId, count(a) from Appointment a where a.scheduledTime >= :from"
                + " and a.scheduledTime < :to and a.status <> 'cancelled' group by a.staffId", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultStream()
                .map(row -> new Load(staff.publicViewOf((String) row[0]), ((Number) row[1]).longValue()))
                .sorted(Comparator.comparingLong(Load::appointments).reversed()).toList();
    }

    /** How many appointments a companion has in a period. */
    public record Load(StaffView.Public staff, long appointments) {
    }

    /** Appointments starting in (from, to] that still hold their slot and were not reminded yet, soonest first. */
    public List<Appointment> notReminded(Instant from, Instant to) {
        return em.createQuery("select a from Appointment a where a.reminderSent = false and a.status <> 'cancelled'"
                + " and a.scheduledTime > :from and a.scheduledTime <= :to order by a.scheduledTime, a.id", Appointment.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }

    /**
     * Marks the appointment reminded, unless it already was: a conditional update, so that of two
     * overlapping reminder runs only one gets true.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean markReminded(String appointmentId) {
        return em.createQuery("update Appointment a set a.reminderSent = true where a.id = :id"
                + " and a.reminderSent = false").setParameter("id", appointmentId).executeUpdate() == 1;
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
