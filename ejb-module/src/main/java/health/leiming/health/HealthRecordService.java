package health.leiming.health;

import health.leiming.member.FamilyService;
import health.leiming.member.Person;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Filter;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import health.leiming.platform.Text;
import health.leiming.platform.events.Outbox;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Records, lists, corrects and deletes a person's measurements. Every access is checked against
 * ownership (someone else's person or record is "not found") and written to the audit log. A
 * dangerous reading raises a health.risk-alert event in the same transaction.
 */
@Stateless
public class HealthRecordService {

    /** Clock skew allowed between a phone or device and the server. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    @Inject
    Event<HealthMetrics.Stored> stored;

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FamilyService family;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    HealthProfileService profiles;

    @Inject
    DailyRollup rollup;

    public RecordView record(String memberId, String personId, RecordInput input) {
        return audit.audited(memberId, FamilyService.personOrSelf(memberId, personId), "health.record.create", null,
                () -> store(family.lockedForHealthChange(memberId, personId), input)); // locked: roll-ups stay exact
    }

    /**
     * A reading a hospital's system sends for a person (FHIR Observation): validated, classified, rolled up
     * and alerted exactly as the member's own. The caller (interop) has checked the member's authorisation
     * for that hospital and audits the write with the hospital's client as actor.
     */
    public RecordView recordFromHospital(String personId, RecordInput input) {
        FamilyService.PersonRef person = family.lookup(personId).orElseThrow(() -> BusinessException.notFound("就诊人"));
        return store(family.lockedForHealthChange(person.ownerId(), person.id()), input);
    }

    /**
     * A person's readings, for a hospital's system (interop has checked the member's authorisation and
     * audits the read): of the given types (all when empty), glucose only at the given times of day (any when
     * empty), taken in [from, to), changed since updatedSince, newest or oldest first.
     */
    public Page<RecordView> ofPerson(String personId, Set<MeasurementType> types, Set<GlucoseContext> glucoseContexts,
            Instant from, Instant to, Instant updatedSince, boolean newestFirst, PageRequest page) {
        Filter filter = new Filter().and("r.personId = :person", "person", personId)
                .andIfGiven("r.type in :types", "types", types.isEmpty() ? null : List.copyOf(types))
                .andIfGiven("(r.context is null or r.context in :contexts)", "contexts",
                        glucoseContexts.isEmpty() ? null : List.copyOf(glucoseContexts))
                .andIfGiven("r.recordedAt >= :from", "from", from)
                .andIfGiven("r.recordedAt < :to", "to", to)
                .andIfGiven("r.updatedAt >= :since", "since", updatedSince);
        return page.read(em, HealthRecord.class, "HealthRecord r", filter,
                newestFirst ? "r.recordedAt desc, r.id" : "r.recordedAt, r.id", this::view);
    }

    /** One reading, for a hospital's system (interop checks its authorisation for the person); empty when none. */
    public Optional<RecordView> reading(String recordId) {
        HealthRecord record = recordId == null ? null : em.find(HealthRecord.class, recordId);
        return Optional.ofNullable(record).map(this::view);
    }

    private RecordView store(Person person, RecordInput input) {
        Measurement m = measurement(input);
        Instant now = Instant.now();
        Instant recordedAt = recordedAt(input.recordedAt(), now);
        HealthRecord.Source source = source(input.source());
        String deviceId = Text.blankToNull(input.deviceId());
        if (deviceId != null) {
            HealthRecord existing = sameDeviceReading(person.id(), m.type(), recordedAt, source, deviceId);
            if (existing != null) {
                return view(existing).asDuplicate();
            }
        }
        // Only a weight is classified with the height (BMI): no profile read for the other types.
        Indicator indicator = m.indicator(m.type() == MeasurementType.weight ? profiles.heightOf(person.id()) : null);
        HealthRecord record = new HealthRecord(person.id(), m, indicator, source, deviceId, recordedAt,
                Text.blankToNull(input.notes()), original(input), input.unit(), now);
        em.persist(record);
        if (deviceId != null) { // only a device reading has a unique key to collide on (see sameDeviceReading)
            try {
                em.flush();
            } catch (PersistenceException e) {
                // The same device reading arrived twice at the same moment; the other request stored it.
                throw new BusinessException(ErrorKind.CONFLICT, "RECORD_DUPLICATE", "该设备数据正在同步，请稍后刷新");
            }
        }
        rollup.add(person.id(), m.type(), new TrendAnalysis.Reading(recordedAt, record.reading(), record.diastolic(),
                indicator));
        raiseAlertIfDangerous(person, record, indicator);
        stored.fire(new HealthMetrics.Stored(m.type(), source.name()));
        return record.view(indicator, 0);
    }

    public RecordView get(String memberId, String recordId) {
        return audit.auditedRead(memberId, personOf(recordId), "health.record.read", recordId,
                () -> view(owned(memberId, recordId)));
    }

    public Page<RecordView> list(String memberId, String personId, String type, Instant from, Instant to,
            PageRequest page) {
        return audit.auditedRead(memberId, FamilyService.personOrSelf(memberId, personId), "health.record.list", null, () -> {
            Person person = family.owned(memberId, personId);
            Filter filter = new Filter().and("r.personId = :person", "person", person.id())
                    .andIfGiven("r.type = :type", "type", type == null || type.isBlank() ? null : MeasurementType.parse(type))
                    .andIfGiven("r.recordedAt >= :from", "from", from)
                    .andIfGiven("r.recordedAt < :to", "to", to);
            return page.read(em, HealthRecord.class, "HealthRecord r", filter, "r.recordedAt desc, r.id", this::view);
        });
    }

    /**
     * A member's person's latest readings for an operator (console, 会员详情 → 查看健康数据), who must say
     * why (at most 100 characters). The entry is written, with the reason, before anything is shown.
     */
    public List<RecordView> forOperator(String operatorId, String role, String memberId, String personId, String reason,
            int max) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 100) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "REASON_REQUIRED", "请填写查看原因（最多100个字）");
        }
        Person person = family.owned(memberId, personId);
        audit.recordWithReason(operatorId, role, person.id(), "CONSOLE VIEW health.records", person.id(), reason);
        return em.createQuery("select r from HealthRecord r where r.personId = :person order by r.recordedAt desc, r.id",
                HealthRecord.class).setParameter("person", person.id()).setMaxResults(max).getResultStream()
                .map(this::view).toList();
    }

    /** Replaces a reading; the previous version is kept in the record's history. */
    public RecordView correct(String memberId, String recordId, RecordInput input, String reason) {
        return audit.audited(memberId, personOf(recordId), "health.record.correct", recordId, () -> {
            HealthRecord record = owned(memberId, recordId);
            family.lockedForHealthChange(memberId, record.personId());
            Instant now = Instant.now();
            Measurement m = measurement(input);
            LocalDate previousDay = rollup.dayOf(record.recordedAt());
            if (m.type() != record.type()) {
                throw new BusinessException(ErrorKind.BAD_REQUEST, "TYPE_CHANGE", "不能修改记录的类型，请删除后重新记录");
            }
            Instant recordedAt = input.recordedAt() == null ? record.recordedAt() : recordedAt(input.recordedAt(), now);
            int revision = revisions(record.id()) + 1;
            em.persist(new HealthRecordRevision(record, revision, memberId, Text.blankToNull(reason), now));
            Indicator indicator = m.indicator(profiles.heightOf(record.personId()));
            record.correct(m, indicator, recordedAt, Text.blankToNull(input.notes()), original(input), input.unit(), now);
            rollup.refresh(record.personId(), record.type(), previousDay);
            if (!rollup.dayOf(recordedAt).equals(previousDay)) {
                rollup.refresh(record.personId(), record.type(), rollup.dayOf(recordedAt));
            }
            raiseAlertIfDangerous(family.owned(memberId, record.personId()), record, indicator);
            return record.view(indicator, revision);
        });
    }

    public List<HealthRecordRevision.RevisionView> history(String memberId, String recordId) {
        return audit.auditedRead(memberId, personOf(recordId), "health.record.history", recordId, () -> {
            HealthRecord record = owned(memberId, recordId);
            return em.createNamedQuery("HealthRecordRevision.ofRecord", HealthRecordRevision.class)
                    .setParameter("record", record.id()).getResultStream().map(HealthRecordRevision::view).toList();
        });
    }

    public void delete(String memberId, String recordId) {
        audit.audited(memberId, personOf(recordId), "health.record.delete", recordId, () -> {
            HealthRecord record = owned(memberId, recordId);
            family.lockedForHealthChange(memberId, record.personId());
            em.remove(record);
            rollup.refresh(record.personId(), record.type(), rollup.dayOf(record.recordedAt()));
            return null;
        });
    }

    /** Whose record this is, for the audit log (also for refused attempts); null if there is none. */
    private String personOf(String recordId) {
        HealthRecord record = recordId == null ? null : em.find(HealthRecord.class, recordId);
        return record == null ? null : record.personId();
    }

    private HealthRecord owned(String memberId, String recordId) {
        HealthRecord record = recordId == null ? null : em.find(HealthRecord.class, recordId);
        if (record == null) {
            throw BusinessException.notFound("健康记录");
        }
        family.owned(memberId, record.personId()); // 404 unless the caller owns the person
        return record;
    }

    private RecordView view(HealthRecord record) {
        return record.view(record.measurement().indicator(profiles.heightOf(record.personId())), revisions(record.id()));
    }

    private int revisions(String recordId) {
        return em.createNamedQuery("HealthRecordRevision.countOfRecord", Long.class).setParameter("record", recordId)
                .getSingleResult().intValue();
    }

    private HealthRecord sameDeviceReading(String personId, MeasurementType type, Instant recordedAt,
            HealthRecord.Source source, String deviceId) {
        return em.createQuery("select r from HealthRecord r where r.personId = :person and r.type = :type"
                + " and r.recordedAt = :at and r.source = :source and r.deviceId = :device", HealthRecord.class)
                .setParameter("person", personId).setParameter("type", type).setParameter("at", recordedAt)
                .setParameter("source", source).setParameter("device", deviceId)
                .getResultStream().findFirst().orElse(null);
    }

    private void raiseAlertIfDangerous(Person person, HealthRecord record, Indicator indicator) {
        if (indicator.alert()) {
            outbox.publish(new HealthEvents.RiskAlertRaised(person.ownerId(), person.id(), record.id(), record.type(),
                    indicator.level(), indicator.description(), record.recordedAt()));
        }
    }

    /**
     * The kinds of reading of these people (a member and their family, from FamilyService.idsOf) that
     * were outside the normal range since the given time, for what to recommend reading.
     */
    public List<MeasurementType> flaggedTypesOf(List<String> persons, Instant since) {
        return persons.isEmpty() ? List.of() : em.createQuery("select distinct r.type from HealthRecord r"
                + " where r.personId in :persons and r.recordedAt >= :since"
                + " and r.level not in ('normal', 'target_met', 'unclassified')", MeasurementType.class)
                .setParameter("persons", persons).setParameter("since", since).getResultList();
    }

    /** The reading in canonical units: the unit applies to every number of the reading. */
    static Measurement measurement(RecordInput input) {
        if (input.type() == null) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "TYPE_REQUIRED", "请选择健康数据类型");
        }
        MeasurementType type = MeasurementType.parse(input.type());
        BigDecimal primary = type == MeasurementType.blood_pressure && input.systolic() != null
                ? input.systolic() : input.value();
        if (primary == null) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "VALUE_REQUIRED", "请填写测量值");
        }
        BigDecimal value = Units.toCanonical(type, primary, input.unit());
        BigDecimal diastolic = type == MeasurementType.blood_pressure && input.diastolic() != null
                ? Units.toCanonical(type, input.diastolic(), input.unit()) : null;
        GlucoseContext context = type == MeasurementType.blood_glucose ? GlucoseContext.parse(input.context()) : null;
        return new Measurement(type, value, diastolic, input.heartRate(), context);
    }

    static Instant recordedAt(Instant recordedAt, Instant now) {
        if (recordedAt == null) {
            return now;
        }
        if (recordedAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "RECORDED_AT_FUTURE", "测量时间不能晚于现在");
        }
        return recordedAt;
    }

    private static HealthRecord.Source source(String source) {
        if (source == null || source.isBlank()) {
            return HealthRecord.Source.manual;
        }
        try {
            return HealthRecord.Source.valueOf(source.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "SOURCE_INVALID", "数据来源只能是 manual、device 或 hospital");
        }
    }

    private static String original(RecordInput input) {
        BigDecimal primary = input.systolic() != null ? input.systolic() : input.value();
        return primary == null ? null : primary.toPlainString();
    }

    /** One page of records. */
}
