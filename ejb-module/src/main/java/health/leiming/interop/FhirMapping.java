package health.leiming.interop;

import health.leiming.care.HospitalView;
import health.leiming.health.GlucoseContext;
import health.leiming.health.Indicator;
import health.leiming.health.Measurement;
import health.leiming.health.MeasurementType;
import health.leiming.health.RecordInput;
import health.leiming.health.RecordView;
import health.leiming.member.PersonView;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

/**
 * Our people, readings and hospitals as FHIR R4 resources, and a hospital's Observation as a reading.
 * Readings follow the FHIR vital-signs profiles where one exists (blood pressure, heart rate, body weight,
 * body temperature, oxygen saturation): LOINC codes, UCUM units, the guideline level as an HL7
 * interpretation code with the guideline named.
 */
public final class FhirMapping {

    public static final String LOINC = "http://loinc.org";
    public static final String UCUM = "http://unitsofmeasure.org";
    static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    /** Our own identifiers: a person's id, a reading's id, and when a glucose reading was taken. */
    public static final String PERSON_ID = "https://leiming.health/fhir/sid/person";
    public static final String RECORD_ID = "https://leiming.health/fhir/sid/health-record";
    public static final String DOCTOR_ID = "https://leiming.health/fhir/sid/doctor";
    public static final String STAFF_ID = "https://leiming.health/fhir/sid/companion";
    public static final String GLUCOSE_TIMING = "https://leiming.health/fhir/CodeSystem/glucose-timing";

    static final String BP_PANEL = "85354-9";
    static final String SYSTOLIC = "8480-6";
    static final String DIASTOLIC = "8462-4";
    static final String HEART_RATE = "8867-4";
    static final String BODY_WEIGHT = "29463-7";
    /** Body mass index: derived from a weight reading and the height in the person's health profile. */
    public static final String BMI = "39156-5";
    /** The id of the BMI Observation derived from a weight reading: this prefix and the reading's id. */
    public static final String BMI_ID_PREFIX = "bmi-";
    static final String BODY_TEMPERATURE = "8310-5";
    static final String SPO2_PULSE_OXIMETRY = "59408-5";
    static final String SPO2 = "2708-6";
    /** Glucose [Moles/volume] in Capillary blood --post 12 hours fasting (a glucometer reading, fasting). */
    static final String GLUCOSE_FASTING = "14770-2";
    /** Glucose [Moles/volume] in Capillary blood by Glucometer: no timing; ours goes in a coding of its own. */
    static final String GLUCOSE_GLUCOMETER = "14743-9";
    static final String STEPS = "55423-8";
    static final String SLEEP = "93832-4";

    /** Glucose codes a hospital's laboratory also sends (venous blood, serum or plasma), taken as random. */
    static final Map<String, String> LAB_GLUCOSE = Map.of("15074-8", "mmol/L", "14749-6", "mmol/L",
            "2339-0", "mg/dL", "2345-7", "mg/dL");

    /** UCUM unit codes as our unit names. */
    private static final Map<String, String> FROM_UCUM = Map.ofEntries(Map.entry("mm[Hg]", "mmHg"),
            Map.entry("kPa", "kPa"), Map.entry("mmol/L", "mmol/L"), Map.entry("mg/dL", "mg/dL"), Map.entry("kg", "kg"),
            Map.entry("[lb_av]", "lb"), Map.entry("Cel", "°C"), Map.entry("[degF]", "°F"), Map.entry("/min", "bpm"),
            Map.entry("{beats}/min", "bpm"), Map.entry("%", "%"), Map.entry("{steps}", "steps"), Map.entry("h", "h"),
            Map.entry("min", "min"));

    private FhirMapping() {
    }

    /** The codes a search's code parameter may name, with the readings each one finds. */
    public static Optional<Code> code(String loinc) {
        return switch (loinc) {
            case BP_PANEL, SYSTOLIC, DIASTOLIC -> Optional.of(new Code(MeasurementType.blood_pressure, null));
            case HEART_RATE -> Optional.of(new Code(MeasurementType.heart_rate, null));
            case BODY_WEIGHT -> Optional.of(new Code(MeasurementType.weight, null));
            case BODY_TEMPERATURE -> Optional.of(new Code(MeasurementType.body_temperature, null));
            case SPO2_PULSE_OXIMETRY, SPO2 -> Optional.of(new Code(MeasurementType.blood_oxygen, null));
            case GLUCOSE_FASTING -> Optional.of(new Code(MeasurementType.blood_glucose, List.of(GlucoseContext.fasting)));
            case GLUCOSE_GLUCOMETER -> Optional.of(new Code(MeasurementType.blood_glucose,
                    List.of(GlucoseContext.random, GlucoseContext.after_meal_2h, GlucoseContext.bedtime)));
            case STEPS -> Optional.of(new Code(MeasurementType.steps, null));
            case SLEEP -> Optional.of(new Code(MeasurementType.sleep_duration, null));
            default -> Optional.empty();
        };
    }

    /** A LOINC code as our measurement, and for glucose the times of day it covers (null: any). */
    public record Code(MeasurementType type, List<GlucoseContext> glucoseContexts) {
    }

    public static Patient patient(PersonView person) {
        Patient patient = new Patient();
        patient.setId(person.id());
        patient.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(PERSON_ID).setValue(person.id());
        patient.addName().setText(person.name());
        patient.setGender(switch (person.gender() == null ? "unknown" : person.gender()) {
            case "male" -> AdministrativeGender.MALE;
            case "female" -> AdministrativeGender.FEMALE;
            default -> AdministrativeGender.UNKNOWN;
        });
        if (person.birthDate() != null) {
            patient.setBirthDate(Date.from(person.birthDate().atStartOfDay(ZoneOffset.UTC).toInstant()));
            patient.getBirthDateElement().setPrecision(TemporalPrecisionEnum.DAY);
            patient.getBirthDateElement().setTimeZone(TimeZone.getTimeZone("UTC"));
        }
        if (person.phone() != null) { // masked, as everywhere outside the member's own screens
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(person.phone())
                    .setUse(ContactPoint.ContactPointUse.MOBILE);
        }
        patient.setActive(true);
        return patient;
    }

    public static Organization organization(HospitalView hospital) {
        Organization organization = new Organization();
        organization.setId(hospital.id());
        organization.setActive(hospital.active());
        organization.setName(hospital.name());
        organization.addType().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/organization-type")
                .setCode("prov").setDisplay("Healthcare Provider");
        if (hospital.phone() != null && !hospital.phone().isBlank()) {
            organization.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(hospital.phone());
        }
        if (hospital.address() != null || hospital.city() != null) {
            organization.addAddress().setCity(hospital.city()).setText(hospital.address()).setCountry("CN");
        }
        return organization;
    }

    /** A doctor of a hospital's catalog, with the department they belong to in their qualification's text. */
    public static Practitioner doctor(HospitalView.DoctorView doctor) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(doctor.id());
        practitioner.addIdentifier().setSystem(DOCTOR_ID).setValue(doctor.id());
        practitioner.setActive(doctor.active());
        practitioner.addName().setText(doctor.name());
        if (doctor.title() != null && !doctor.title().isBlank()) {
            practitioner.addQualification().getCode().setText(doctor.title());
        }
        return practitioner;
    }

    /** A companion (陪诊员) who covers the hospital: their name, nothing else of theirs. */
    public static Practitioner companion(String staffId, String name) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(staffId);
        practitioner.addIdentifier().setSystem(STAFF_ID).setValue(staffId);
        practitioner.setActive(true);
        practitioner.addName().setText(name);
        practitioner.addQualification().getCode().setText("陪诊员");
        return practitioner;
    }

    /** A department of a hospital, as the place its doctors see patients. */
    public static Location department(HospitalView.DepartmentView department, String hospitalId) {
        Location location = new Location();
        location.setId(department.id());
        location.setStatus(department.active() ? Location.LocationStatus.ACTIVE : Location.LocationStatus.INACTIVE);
        location.setName(department.name());
        if (department.description() != null && !department.description().isBlank()) {
            location.setDescription(department.description());
        }
        location.setMode(Location.LocationMode.INSTANCE);
        location.setManagingOrganization(new Reference("Organization/" + hospitalId));
        return location;
    }

    /**
     * A companion appointment: the person, the companion (once one accepted it), the service, when. Our
     * statuses as FHIR's: scheduled (not yet accepted) is pending, confirmed booked, in_progress arrived,
     * completed fulfilled, cancelled cancelled.
     */
    public static Appointment appointment(String id, String status, String personId, String staffId, String serviceName,
            Instant start, int minutes, String hospitalId) {
        Appointment appointment = new Appointment();
        appointment.setId(id);
        appointment.setStatus(switch (status) {
            case "confirmed" -> Appointment.AppointmentStatus.BOOKED;
            case "in_progress" -> Appointment.AppointmentStatus.ARRIVED;
            case "completed" -> Appointment.AppointmentStatus.FULFILLED;
            case "cancelled" -> Appointment.AppointmentStatus.CANCELLED;
            default -> Appointment.AppointmentStatus.PENDING;
        });
        if (serviceName != null) {
            appointment.addServiceType().setText(serviceName);
            appointment.setDescription(serviceName);
        }
        appointment.setStart(Date.from(start));
        appointment.setEnd(Date.from(start.plusSeconds(60L * minutes)));
        appointment.setMinutesDuration(minutes);
        appointment.addParticipant().setActor(new Reference("Patient/" + personId))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED)
                .setRequired(Appointment.ParticipantRequired.REQUIRED);
        if (staffId != null) {
            appointment.addParticipant().setActor(new Reference("Practitioner/" + staffId))
                    .setStatus("scheduled".equals(status) ? Appointment.ParticipationStatus.NEEDSACTION
                            : Appointment.ParticipationStatus.ACCEPTED)
                    .setRequired(Appointment.ParticipantRequired.REQUIRED);
        }
        appointment.addSupportingInformation(new Reference("Organization/" + hospitalId));
        return appointment;
    }

    public static Observation observation(RecordView r) {
        MeasurementType type = MeasurementType.parse(r.type());
        Observation o = new Observation();
        o.setId(r.id());
        o.getMeta().setLastUpdated(Date.from(r.updatedAt()));
        o.addIdentifier().setSystem(RECORD_ID).setValue(r.id());
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setSubject(new Reference("Patient/" + r.personId()));
        o.setEffective(instant(r.recordedAt()));
        o.setIssued(Date.from(r.createdAt()));
        switch (type) {
            case blood_pressure -> {
                vitalSign(o, "bp", BP_PANEL, "Blood pressure panel with all children optional", "血压");
                o.addComponent().setCode(loinc(SYSTOLIC, "Systolic blood pressure"))
                        .setValue(quantity(r.metadata().systolic() != null ? r.metadata().systolic() : r.value(), "mmHg", "mm[Hg]"));
                o.addComponent().setCode(loinc(DIASTOLIC, "Diastolic blood pressure"))
                        .setValue(quantity(r.metadata().diastolic(), "mmHg", "mm[Hg]"));
                if (r.metadata().heartRate() != null) {
                    o.addComponent().setCode(loinc(HEART_RATE, "Heart rate"))
                            .setValue(quantity(BigDecimal.valueOf(r.metadata().heartRate()), "beats/minute", "/min"));
                }
            }
            case heart_rate -> {
                vitalSign(o, "heartrate", HEART_RATE, "Heart rate", "心率");
                o.setValue(quantity(r.value(), "beats/minute", "/min"));
            }
            case weight -> {
                vitalSign(o, "bodyweight", BODY_WEIGHT, "Body weight", "体重");
                o.setValue(quantity(r.value(), "kg", "kg"));
            }
            case body_temperature -> {
                vitalSign(o, "bodytemp", BODY_TEMPERATURE, "Body temperature", "体温");
                o.setValue(quantity(r.value(), "C", "Cel"));
            }
            case blood_oxygen -> {
                vitalSign(o, "oxygensat", SPO2, "Oxygen saturation in Arterial blood", "血氧");
                o.getCode().addCoding(new Coding(LOINC, SPO2_PULSE_OXIMETRY,
                        "Oxygen saturation in Arterial blood by Pulse oximetry"));
                o.setValue(quantity(r.value(), "%", "%"));
            }
            case blood_glucose -> {
                category(o, "laboratory", "Laboratory");
                GlucoseContext context = GlucoseContext.parse(r.metadata() == null ? null : r.metadata().context());
                o.setCode(context == GlucoseContext.fasting
                        ? loinc(GLUCOSE_FASTING, "Glucose [Moles/volume] in Capillary blood --post 12 hours fasting")
                        : loinc(GLUCOSE_GLUCOMETER, "Glucose [Moles/volume] in Capillary blood by Glucometer"));
                o.getCode().addCoding(new Coding(GLUCOSE_TIMING, context.name(), context.label()));
                o.getCode().setText(context.label() + "血糖");
                o.setValue(quantity(r.value(), "mmol/L", "mmol/L"));
            }
            case steps -> {
                category(o, "activity", "Activity");
                o.setCode(loinc(STEPS, "Number of steps in unspecified time Pedometer")).getCode().setText("步数");
                o.setValue(quantity(r.value(), "steps", "{steps}"));
            }
            case sleep_duration -> {
                category(o, "activity", "Activity");
                o.setCode(loinc(SLEEP, "Sleep duration")).getCode().setText("睡眠时长");
                o.setValue(quantity(r.value(), "h", "h"));
            }
        }
        if (r.indicators() != null) {
            interpretation(r.indicators().level(), r.indicators().alert()).ifPresent(code -> o.addInterpretation()
                    .addCoding(new Coding(INTERPRETATION, code, null))
                    .setText(r.indicators().description() + "（" + r.indicators().guideline() + "）"));
            if (r.indicators().guideline() != null) {
                o.addNote().setText("分级依据: " + r.indicators().guideline());
            }
        }
        return o;
    }

    /**
     * The BMI of a weight reading (FHIR's vital-signs bmi profile), from the height in the person's health
     * profile: kg/m² to one decimal, the WS/T 428 level as its interpretation, derived from the weight.
     */
    public static Observation bmi(RecordView weight, BigDecimal heightCm) {
        BigDecimal bmi = Measurement.bmi(weight.value(), heightCm);
        Indicator level = Measurement.bmi(bmi);
        Observation o = new Observation();
        o.setId(BMI_ID_PREFIX + weight.id());
        o.getMeta().setLastUpdated(Date.from(weight.updatedAt()));
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setSubject(new Reference("Patient/" + weight.personId()));
        o.setEffective(instant(weight.recordedAt()));
        o.setIssued(Date.from(weight.createdAt()));
        vitalSign(o, "bmi", BMI, "Body mass index (BMI) [Ratio]", "体质指数");
        o.setValue(quantity(bmi, "kg/m2", "kg/m2"));
        o.addDerivedFrom(new Reference("Observation/" + weight.id()));
        interpretation(level.level(), level.alert()).ifPresent(code -> o.addInterpretation()
                .addCoding(new Coding(INTERPRETATION, code, null)).setText(level.description() + "（" + level.guideline() + "）"));
        o.addNote().setText("由体重和健康档案中的身高计算；分级依据: " + level.guideline());
        return o;
    }

    /**
     * Our guideline levels as HL7 interpretation codes: N within range, H or L outside it, HH or LL when the
     * level raises a risk alert; none for a reading we do not classify.
     */
    static Optional<String> interpretation(String level, boolean alert) {
        String direction = switch (level == null ? "unclassified" : level) {
            case "normal", "target_met" -> "N";
            case "unclassified" -> null;
            case "hypoglycemia", "hypoglycemia_severe", "bradycardia", "underweight", "hypothermia", "hypoxemia", "low",
                    "short", "slightly_short", "below_target" -> "L";
            default -> "H";
        };
        if (direction == null || "N".equals(direction)) {
            return Optional.ofNullable(direction);
        }
        return Optional.of(alert ? direction + direction : direction);
    }

    /**
     * A hospital's Observation as a reading (source hospital): the codes above (and common laboratory
     * glucose codes), a valueQuantity in a UCUM unit we convert, or for blood pressure the two components;
     * a 400 naming what is wrong otherwise.
     */
    public static RecordInput reading(Observation o) {
        if (o.getStatus() != Observation.ObservationStatus.FINAL && o.getStatus() != Observation.ObservationStatus.AMENDED
                && o.getStatus() != Observation.ObservationStatus.CORRECTED) {
            throw invalid("只接收 status 为 final、amended 或 corrected 的 Observation");
        }
        if (!o.hasEffectiveDateTimeType() || o.getEffectiveDateTimeType().getValue() == null) {
            throw invalid("需要 effectiveDateTime（测量时间）");
        }
        Instant at = o.getEffectiveDateTimeType().getValue().toInstant();
        String note = o.hasNote() ? o.getNoteFirstRep().getText() : null;
        if (note != null && note.length() > 200) {
            note = note.substring(0, 200);
        }
        for (Coding coding : o.getCode().getCoding()) {
            if (!LOINC.equals(coding.getSystem()) || coding.getCode() == null) {
                continue;
            }
            String code = coding.getCode();
            if (BP_PANEL.equals(code)) {
                Quantity systolic = component(o, SYSTOLIC);
                Quantity diastolic = component(o, DIASTOLIC);
                Quantity pulse = componentOrNull(o, HEART_RATE);
                String unit = unit(systolic);
                if (!unit.equals(unit(diastolic))) {
                    throw invalid("收缩压和舒张压的单位须相同");
                }
                return new RecordInput("blood_pressure", null, unit, at, "hospital", null, note, systolic.getValue(),
                        diastolic.getValue(), pulse == null || pulse.getValue() == null ? null : pulse.getValue().intValue(),
                        null);
            }
            if (LAB_GLUCOSE.containsKey(code)) {
                return single(o, "blood_glucose", at, note, GlucoseContext.random.name());
            }
            Optional<Code> known = code(code);
            if (known.isPresent() && !SYSTOLIC.equals(code) && !DIASTOLIC.equals(code)) {
                MeasurementType type = known.get().type();
                String context = type == MeasurementType.blood_glucose ? glucoseTiming(o, code) : null;
                return single(o, type.name(), at, note, context);
            }
        }
        throw invalid("不支持的 Observation.code：请使用 LOINC " + String.join("、", List.of(BP_PANEL, HEART_RATE,
                BODY_WEIGHT, BODY_TEMPERATURE, SPO2, SPO2_PULSE_OXIMETRY, GLUCOSE_FASTING, GLUCOSE_GLUCOMETER, STEPS, SLEEP)));
    }

    private static RecordInput single(Observation o, String type, Instant at, String note, String context) {
        if (!o.hasValueQuantity() || o.getValueQuantity().getValue() == null) {
            throw invalid("需要 valueQuantity（测量值和单位）");
        }
        Quantity value = o.getValueQuantity();
        return new RecordInput(type, value.getValue(), unit(value), at, "hospital", null, note, null, null, null, context);
    }

    private static String glucoseTiming(Observation o, String code) {
        if (GLUCOSE_FASTING.equals(code)) {
            return GlucoseContext.fasting.name();
        }
        return o.getCode().getCoding().stream().filter(c -> GLUCOSE_TIMING.equals(c.getSystem())).map(Coding::getCode)
                .findFirst().orElse(GlucoseContext.random.name());
    }

    private static Quantity component(Observation o, String code) {
        Quantity q = componentOrNull(o, code);
        if (q == null || q.getValue() == null) {
            throw invalid("血压需要收缩压（" + SYSTOLIC + "）和舒张压（" + DIASTOLIC + "）两个 component");
        }
        return q;
    }

    private static Quantity componentOrNull(Observation o, String code) {
        return o.getComponent().stream()
                .filter(c -> c.getCode().getCoding().stream().anyMatch(k -> LOINC.equals(k.getSystem()) && code.equals(k.getCode())))
                .filter(Observation.ObservationComponentComponent::hasValueQuantity)
                .map(Observation.ObservationComponentComponent::getValueQuantity).findFirst().orElse(null);
    }

    private static String unit(Quantity q) {
        if (!UCUM.equals(q.getSystem()) || q.getCode() == null || !FROM_UCUM.containsKey(q.getCode())) {
            throw invalid("单位须为 UCUM（system " + UCUM + "），支持: " + String.join(" ", FROM_UCUM.keySet().stream().sorted().toList()));
        }
        return FROM_UCUM.get(q.getCode());
    }

    private static void vitalSign(Observation o, String profile, String code, String display, String text) {
        o.getMeta().addProfile("http://hl7.org/fhir/StructureDefinition/" + profile);
        category(o, "vital-signs", "Vital Signs");
        o.setCode(loinc(code, display));
        o.getCode().setText(text);
    }

    private static void category(Observation o, String code, String display) {
        o.addCategory().addCoding(new Coding(CATEGORY, code, display));
    }

    private static CodeableConcept loinc(String code, String display) {
        return new CodeableConcept().addCoding(new Coding(LOINC, code, display));
    }

    private static Quantity quantity(BigDecimal value, String unit, String ucum) {
        return new Quantity().setValue(value).setUnit(unit).setSystem(UCUM).setCode(ucum);
    }

    private static DateTimeType instant(Instant at) {
        return new DateTimeType(Date.from(at), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone("UTC"));
    }

    static BusinessException invalid(String why) {
        return new BusinessException(ErrorKind.BAD_REQUEST, "OBSERVATION_INVALID", why);
    }
}
