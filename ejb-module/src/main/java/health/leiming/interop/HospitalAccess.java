package health.leiming.interop;

import health.leiming.care.Booking;
import health.leiming.care.Catalog;
import health.leiming.care.HospitalView;
import health.leiming.health.GlucoseContext;
import health.leiming.health.HealthProfileService;
import health.leiming.health.HealthRecordService;
import health.leiming.health.MeasurementType;
import health.leiming.health.RecordView;
import health.leiming.member.FamilyService;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ConsentKind;
import health.leiming.platform.Consents;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;

/**
 * What a hospital's system may read and write through /fhir/r4: a person (Patient) only while their member
 * authorises that hospital, their readings (Observation) only while the member also consents to the
 * processing of health data. Anything else is not found, and the refusal is audited. Every read and write
 * is audited with the client as actor.
 */
@Stateless
public class HospitalAccess {

    private static final String ROLE = HospitalClients.GROUP;
    static final int MAX_TRANSACTION = 100;

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    HospitalConsents consents;

    @Inject
    Consents memberConsents;

    @Inject
    FamilyService family;

    @Inject
    HealthRecordService records;

    @Inject
    Catalog catalog;

    @Inject
    Booking booking;

    @Inject
    HealthProfileService profiles;

    @Inject
    AuditTrail audit;

    public Patient patient(HospitalCaller caller, String personId) {
        caller.require("Patient", FhirScopes.Access.read);
        FamilyService.PersonRef person = authorised(caller, personId, false, "fhir.Patient.read", personId);
        audit.queue(caller.clientId(), ROLE, person.id(), "fhir.Patient.read", person.id(), AuditTrail.SUCCESS);
        return FhirMapping.patient(family.get(person.ownerId(), person.id()));
    }

    /** The people who authorised the caller's hospital, a page at a time. */
    public Page<Patient> patients(HospitalCaller caller, PageRequest page) {
        caller.require("Patient", FhirScopes.Access.read);
        return consents.persons(caller.hospitalId(), page).map(personId -> {
            FamilyService.PersonRef person = family.lookup(personId).orElseThrow();
            audit.queue(caller.clientId(), ROLE, personId, "fhir.Patient.search", personId, AuditTrail.SUCCESS);
            return FhirMapping.patient(family.get(person.ownerId(), personId));
        });
    }

    /** A reading, or the BMI derived from a weight reading (bmi-{id}, while the person's height is known). */
    public Observation observation(HospitalCaller caller, String observationId) {
        caller.require("Observation", FhirScopes.Access.read);
        boolean bmi = observationId != null && observationId.startsWith(FhirMapping.BMI_ID_PREFIX);
        String recordId = bmi ? observationId.substring(FhirMapping.BMI_ID_PREFIX.length()) : observationId;
        RecordView record = records.reading(recordId).orElse(null);
        authorised(caller, record == null ? null : record.personId(), true, "fhir.Observation.read", recordId);
        BigDecimal height = bmi && record.type().equals(MeasurementType.weight.name()) ? profiles.heightOf(record.personId())
                : null;
        if (bmi && height == null) {
            throw BusinessException.notFound("Observation");
        }
        audit.queue(caller.clientId(), ROLE, record.personId(), "fhir.Observation.read", recordId, AuditTrail.SUCCESS);
        return bmi ? FhirMapping.bmi(record, height) : FhirMapping.observation(record);
    }

    /**
     * A person's readings: of the codes given (all when none), in [from, to), newest first or oldest first.
     * An unknown code finds nothing, as FHIR search does.
     */
    public Page<Observation> observations(HospitalCaller caller, String personId, List<String> loincCodes, Instant from,
            Instant to, boolean newestFirst, PageRequest page) {
        caller.require("Observation", FhirScopes.Access.read);
        FamilyService.PersonRef person = authorised(caller, personId, true, "fhir.Observation.search", null);
        if (loincCodes.contains(FhirMapping.BMI)) {
            return bodyMassIndexes(caller, person, loincCodes, from, to, newestFirst, page);
        }
        Set<MeasurementType> types = EnumSet.noneOf(MeasurementType.class);
        Set<GlucoseContext> contexts = EnumSet.noneOf(GlucoseContext.class);
        for (String code : loincCodes) {
            FhirMapping.code(code).ifPresent(known -> {
                types.add(known.type());
                if (known.glucoseContexts() != null) {
                    contexts.addAll(known.glucoseContexts());
                }
            });
        }
        if (!loincCodes.isEmpty() && types.isEmpty()) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        Page<RecordView> found = records.ofPerson(person.id(), types, contexts, from, to, null, newestFirst, page);
        audit.queue(caller.clientId(), ROLE, person.id(), "fhir.Observation.search", null, AuditTrail.SUCCESS);
        return found.map(FhirMapping::observation);
    }

    /**
     * The BMI of each weight reading (none while the person's height is unknown). Searched on its own: one
     * page holds as many BMIs as weight readings, so it does not mix with other codes.
     */
    private Page<Observation> bodyMassIndexes(HospitalCaller caller, FamilyService.PersonRef person, List<String> loincCodes,
            Instant from, Instant to, boolean newestFirst, PageRequest page) {
        if (loincCodes.stream().anyMatch(code -> !FhirMapping.BMI.equals(code))) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "CODE_INVALID", "BMI（" + FhirMapping.BMI + "）须单独查询");
        }
        audit.queue(caller.clientId(), ROLE, person.id(), "fhir.Observation.search", null, AuditTrail.SUCCESS);
        BigDecimal height = profiles.heightOf(person.id());
        if (height == null) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        return records.ofPerson(person.id(), EnumSet.of(MeasurementType.weight), Set.of(), from, to, null, newestFirst, page)
                .map(weight -> FhirMapping.bmi(weight, height));
    }

    /**
     * Records a hospital's Observation as a reading of the person it names, once per identifier: sent again,
     * it answers the reading recorded the first time.
     */
    public Stored record(HospitalCaller caller, Observation observation) {
        caller.require("Observation", FhirScopes.Access.write);
        String reference = observation.getSubject().getReference();
        if (reference == null || !reference.startsWith("Patient/")) {
            throw FhirMapping.invalid("subject 须为 Patient/{id}");
        }
        String personId = reference.substring("Patient/".length());
        Identifier identifier = observation.getIdentifier().stream().filter(i -> i.hasSystem() && i.hasValue()).findFirst()
                .orElseThrow(() -> FhirMapping.invalid("需要 identifier（system 和 value），用于识别重复提交"));
        if (identifier.getSystem().length() > 255 || identifier.getValue().length() > 128) {
            throw FhirMapping.invalid("identifier 的 system 最多255个字符，value 最多128个字符");
        }
        FamilyService.PersonRef person = authorised(caller, personId, true, "fhir.Observation.create", null);
        ObservationId.Key key = new ObservationId.Key(caller.hospitalId(), identifier.getSystem(), identifier.getValue());
        ObservationId known = em.find(ObservationId.class, key);
        if (known != null) {
            if (!known.personId().equals(person.id())) {
                throw new BusinessException(ErrorKind.CONFLICT, "IDENTIFIER_IN_USE", "该 identifier 已用于另一位患者的 Observation");
            }
            RecordView earlier = known.recordId() == null ? null : records.reading(known.recordId()).orElse(null);
            if (earlier == null) {
                throw new BusinessException(ErrorKind.GONE, "OBSERVATION_DELETED", "该 Observation 已记录过，并已被会员删除");
            }
            return new Stored(FhirMapping.observation(earlier), false);
        }
        ObservationId claim = new ObservationId(key.hospitalId(), key.system(), key.value(), person.id(), Instant.now());
        try {
            em.persist(claim);
            em.flush(); // the key first: the same Observation sent twice at once is recorded once
        } catch (PersistenceException e) {
            throw new BusinessException(ErrorKind.CONFLICT, "OBSERVATION_IN_PROGRESS", "相同 identifier 的 Observation 正在处理，请稍后重试");
        }
        RecordView stored = records.recordFromHospital(person.id(), FhirMapping.reading(observation));
        claim.recorded(stored.id());
        audit.record(caller.clientId(), ROLE, person.id(), "fhir.Observation.create", stored.id(), AuditTrail.SUCCESS);
        return new Stored(FhirMapping.observation(stored), true);
    }

    /**
     * A transaction of Observations (a FHIR transaction Bundle): all recorded, each once per identifier, or
     * none when one is refused.
     */
    public List<Stored> recordAll(HospitalCaller caller, List<Observation> observations) {
        if (observations.isEmpty() || observations.size() > MAX_TRANSACTION) {
            throw FhirMapping.invalid("一个 transaction 须有1到" + MAX_TRANSACTION + "条 Observation");
        }
        return observations.stream().map(observation -> record(caller, observation)).toList();
    }

    /** The hospital's doctors, and the companions who cover it. */
    public List<Practitioner> practitioners(HospitalCaller caller) {
        caller.require("Practitioner", FhirScopes.Access.read);
        HospitalView hospital = catalog.hospital(caller.hospitalId(), true);
        List<Practitioner> all = new ArrayList<>();
        hospital.departments().forEach(d -> d.doctors().forEach(doctor -> all.add(FhirMapping.doctor(doctor))));
        catalog.allStaff().stream().filter(s -> "active".equals(s.status()) && s.hospitalIds().contains(caller.hospitalId()))
                .forEach(s -> all.add(FhirMapping.companion(s.id(), s.name())));
        return all;
    }

    public Practitioner practitioner(HospitalCaller caller, String id) {
        return practitioners(caller).stream().filter(p -> p.getIdElement().getIdPart().equals(id)).findFirst()
                .orElseThrow(() -> BusinessException.notFound("Practitioner"));
    }

    /** The hospital's departments. */
    public List<Location> locations(HospitalCaller caller) {
        caller.require("Location", FhirScopes.Access.read);
        HospitalView hospital = catalog.hospital(caller.hospitalId(), true);
        return hospital.departments().stream().map(d -> FhirMapping.department(d, hospital.id())).toList();
    }

    public Location location(HospitalCaller caller, String id) {
        return locations(caller).stream().filter(l -> l.getIdElement().getIdPart().equals(id)).findFirst()
                .orElseThrow(() -> BusinessException.notFound("Location"));
    }

    /** A person's companion appointments at the caller's hospital, starting in [from, to), newest first. */
    public Page<Appointment> appointments(HospitalCaller caller, String personId, Instant from, Instant to,
            PageRequest page) {
        caller.require("Appointment", FhirScopes.Access.read);
        FamilyService.PersonRef person = authorised(caller, personId, false, "fhir.Appointment.search", null);
        audit.queue(caller.clientId(), ROLE, person.id(), "fhir.Appointment.search", null, AuditTrail.SUCCESS);
        return booking.ofPersonAt(person.id(), caller.hospitalId(), from, to, page).map(this::appointment);
    }

    public Appointment appointment(HospitalCaller caller, String appointmentId) {
        caller.require("Appointment", FhirScopes.Access.read);
        var found = booking.find(appointmentId).filter(a -> caller.hospitalId().equals(a.hospitalId())).orElse(null);
        authorised(caller, found == null ? null : found.personId(), false, "fhir.Appointment.read", appointmentId);
        audit.queue(caller.clientId(), ROLE, found.personId(), "fhir.Appointment.read", appointmentId, AuditTrail.SUCCESS);
        return appointment(found);
    }

    private Appointment appointment(health.leiming.care.Appointment a) {
        return FhirMapping.appointment(a.id(), a.status(), a.personId(), a.staffId(), catalog.serviceName(a.serviceId()),
                a.scheduledTime(), a.durationMinutes(), a.hospitalId());
    }

    /** A hospital of the catalog (public facts only). */
    public Organization organization(HospitalCaller caller, String hospitalId) {
        caller.require("Organization", FhirScopes.Access.read);
        return FhirMapping.organization(catalog.hospital(hospitalId, false));
    }

    /**
     * The person, when the caller's hospital is authorised for them (and, for health data, their member
     * consents to its processing); a 404 otherwise, audited as denied.
     */
    private FamilyService.PersonRef authorised(HospitalCaller caller, String personId, boolean healthData, String action,
            String resourceId) {
        FamilyService.PersonRef person = personId == null ? null : family.lookup(personId).orElse(null);
        boolean allowed = person != null && consents.granted(person.id(), caller.hospitalId())
                && (!healthData || memberConsents.allows(person.ownerId(), ConsentKind.health_data));
        if (!allowed) {
            audit.queue(caller.clientId(), ROLE, person == null ? null : person.id(), action, resourceId, AuditTrail.DENIED);
            throw BusinessException.notFound(healthData && resourceId != null ? "Observation" : "Patient");
        }
        return person;
    }

    /** An Observation as stored, and whether this request created it. */
    public record Stored(Observation observation, boolean created) {
    }
}
