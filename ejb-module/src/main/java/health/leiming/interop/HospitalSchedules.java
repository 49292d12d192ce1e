package health.leiming.interop;

import health.leiming.care.Booking;
import health.leiming.care.Catalog;
import health.leiming.care.ServiceView;
import health.leiming.care.SlotsView;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;

/**
 * The companion slots we offer at the caller's hospital as FHIR: one Schedule per active service (its
 * actor the hospital), and its Slots, day by day, exactly as members see them when they book: free while a
 * companion is free, busy when all are booked, busy-unavailable when booking is closed (too soon, too far
 * ahead, nobody working that day), with the reason in the comment.
 */
@Stateless
public class HospitalSchedules {

    /** How far ahead a Schedule plans, and the most days one Slot search may span. */
    static final int HORIZON_DAYS = 14;
    private static final DateTimeFormatter SLOT_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    @Inject
    Catalog catalog;

    @Inject
    Booking booking;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    public List<Schedule> schedules(HospitalCaller caller) {
        caller.require("Schedule", FhirScopes.Access.read);
        LocalDate today = LocalDate.now(zone);
        return catalog.activeServices(null).stream().map(s -> schedule(s, caller.hospitalId(), today)).toList();
    }

    public Schedule schedule(HospitalCaller caller, String id) {
        caller.require("Schedule", FhirScopes.Access.read);
        return schedule(service(id), caller.hospitalId(), LocalDate.now(zone));
    }

    /** The schedule's slots starting in [from, to), at most HORIZON_DAYS days of them. */
    public List<Slot> slots(HospitalCaller caller, String scheduleId, Instant from, Instant to) {
        caller.require("Slot", FhirScopes.Access.read);
        ServiceView service = service(scheduleId);
        LocalDate first = LocalDate.ofInstant(from, zone);
        LocalDate last = LocalDate.ofInstant(to.minusNanos(1), zone);
        if (to.isBefore(from) || ChronoUnit.DAYS.between(first, last) >= HORIZON_DAYS) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "RANGE_TOO_WIDE",
                    "一次最多查询" + HORIZON_DAYS + "天的号源（start=ge...&start=lt...）");
        }
        List<Slot> slots = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (SlotsView.Slot slot : booking.availableSlots(service.id(), day, caller.hospitalId()).slots()) {
                if (!slot.startsAt().isBefore(from) && slot.startsAt().isBefore(to)) {
                    slots.add(slot(service, slot));
                }
            }
        }
        return slots;
    }

    public Slot slot(HospitalCaller caller, String id) {
        caller.require("Slot", FhirScopes.Access.read);
        int dot = id == null ? -1 : id.lastIndexOf('.');
        Instant start;
        try {
            start = dot < 0 ? null : LocalDateTime.parse(id.substring(dot + 1), SLOT_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            start = null;
        }
        if (start == null) {
            throw BusinessException.notFound("Slot");
        }
        Instant at = start;
        ServiceView service = service(id.substring(0, dot));
        return booking.availableSlots(service.id(), LocalDate.ofInstant(at, zone), caller.hospitalId()).slots().stream()
                .filter(s -> s.startsAt().equals(at)).findFirst().map(s -> slot(service, s))
                .orElseThrow(() -> BusinessException.notFound("Slot"));
    }

    private ServiceView service(String id) {
        try {
            return catalog.activeService(id);
        } catch (BusinessException e) {
            throw e.kind() == ErrorKind.NOT_FOUND ? BusinessException.notFound("Schedule") : e;
        }
    }

    private Schedule schedule(ServiceView service, String hospitalId, LocalDate today) {
        Schedule schedule = new Schedule();
        schedule.setId(service.id());
        schedule.setActive(true);
        schedule.addServiceType().setText(service.name());
        schedule.addActor(new Reference("Organization/" + hospitalId));
        schedule.setPlanningHorizon(new Period().setStart(Date.from(today.atStartOfDay(zone).toInstant()))
                .setEnd(Date.from(today.plusDays(HORIZON_DAYS).atStartOfDay(zone).toInstant())));
        schedule.setComment(service.categoryLabel() + "，每次约" + service.durationMinutes() + "分钟");
        return schedule;
    }

    private static Slot slot(ServiceView service, SlotsView.Slot offered) {
        Slot slot = new Slot();
        slot.setId(service.id() + "." + SLOT_TIME.format(offered.startsAt().atOffset(ZoneOffset.UTC)));
        slot.setSchedule(new Reference("Schedule/" + service.id()));
        slot.setStatus(offered.available() ? Slot.SlotStatus.FREE
                : Booking.FULL.equals(offered.reason()) ? Slot.SlotStatus.BUSY : Slot.SlotStatus.BUSYUNAVAILABLE);
        slot.setStart(Date.from(offered.startsAt()));
        slot.setEnd(Date.from(offered.startsAt().plus(service.durationMinutes(), ChronoUnit.MINUTES)));
        if (offered.reason() != null) {
            slot.setComment(offered.reason());
        }
        return slot;
    }
}
