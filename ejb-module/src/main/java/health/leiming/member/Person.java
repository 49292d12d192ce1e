package health.leiming.member;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Ids;
import health.leiming.platform.Masking;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Someone whose health a member looks after (就诊人): the member themselves (relation self, same id
 * as the member) or a family member. The ID card number is stored encrypted, with a keyed hash to
 * find duplicates and a masked copy for display.
 */
@Entity
@Table(name = "persons")
@NamedQuery(name = "Person.ofOwner", query = "select p from Person p where p.ownerId = :owner order by p.createdAt, p.id")
public class Person {

    @Id
    private String id;

    @Column(name = "owner_id", nullable = false)
    private String ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Relation relation;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    private Gender gender;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    private static final int CHILD_UNTIL_AGE = 14;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The purpose ID card numbers are encrypted and indexed under (FieldCipher). */
    static final String ID_CARD = "persons.id_card";

    /** The purpose (FieldCipher) a person's own phone number is encrypted under. */
    static final String PHONE = "persons.phone";

    @Column(name = "id_card_cipher")
    private String idCardCipher;

    @Column(name = "id_card_hash")
    private String idCardHash;

    @Column(name = "id_card_masked")
    private String idCardMasked;

    /** The phone in clear: only in rows written before phones were encrypted, until KeyRotation encrypts them. */
    private String phone;

    @Column(name = "phone_cipher")
    private String phoneCipher;

    /** When the member declared themselves the guardian of this child under 14 and consented for them. */
    @Column(name = "guardian_consent_at")
    private Instant guardianConsentAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Person() {
    }

    /** The member as a person of their own. */
    static Person self(Member member, Instant now) {
        Person person = new Person();
        person.id = member.id();
        person.ownerId = member.id();
        person.relation = Relation.self;
        person.name = "本人";
        person.createdAt = now;
        person.updatedAt = now;
        return person;
    }

    static Person familyMember(String ownerId, PersonDetails details, FieldCipher cipher, Instant now) {
        if (details.relation() == Relation.self) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "RELATION_INVALID", "本人已存在，请选择与您的关系");
        }
        Person person = new Person();
        person.id = Ids.newId();
        person.ownerId = ownerId;
        person.createdAt = now;
        person.apply(details, cipher, now);
        return person;
    }

    /**
     * Sets the person's details. With an ID card number, birth date and gender come from it (and
     * must agree with any given explicitly).
     */
    void apply(PersonDetails details, FieldCipher cipher, Instant now) {
        if (relation != Relation.self) {
            relation = details.relation() == null ? Relation.other : details.relation();
            if (relation == Relation.self) {
                throw new BusinessException(ErrorKind.BAD_REQUEST, "RELATION_INVALID", "只能有一个本人");
            }
        }
        name = details.name();
        phone = null;
        phoneCipher = cipher.encrypt(PHONE, details.phone());
        gender = details.gender();
        birthDate = details.birthDate();
        if (details.idCard() == null) {
            idCardCipher = null;
            idCardHash = null;
            idCardMasked = null;
        } else {
            IdCardNumber idCard = new IdCardNumber(details.idCard());
            if (birthDate != null && !birthDate.equals(idCard.birthDate())
                    || gender != null && gender != Gender.unknown && gender != idCard.gender()) {
                throw new BusinessException(ErrorKind.BAD_REQUEST, "ID_CARD_MISMATCH", "出生日期或性别与身份证号码不一致");
            }
            birthDate = idCard.birthDate();
            gender = idCard.gender();
            idCardCipher = cipher.encrypt(ID_CARD, idCard.value());
            idCardHash = cipher.blindIndex(ID_CARD, idCard.value());
            idCardMasked = idCard.masked();
        }
        if (relation != Relation.self && isChild(now)) {
            if (!details.guardianConsent()) {
                throw new BusinessException(ErrorKind.BAD_REQUEST, "GUARDIAN_CONSENT_REQUIRED",
                        "未满14周岁的家庭成员，须由其监护人同意后添加：请确认您是监护人并同意处理其个人信息");
            }
            if (guardianConsentAt == null) {
                guardianConsentAt = now;
            }
        }
        updatedAt = now;
    }

    /** Under 14 (PIPL art. 28: all personal information of a child that age is sensitive). */
    private boolean isChild(Instant now) {
        return birthDate != null && birthDate.plusYears(CHILD_UNTIL_AGE).isAfter(LocalDate.ofInstant(now, CHINA));
    }

    public PersonView view(FieldCipher cipher) {
        return new PersonView(id, relation.name(), name, gender == null ? null : gender.name(), birthDate, idCardMasked,
                Masking.phone(phone(cipher)), relation == Relation.self);
    }

    public boolean belongsTo(String memberId) {
        return ownerId.equals(memberId);
    }

    /** The person's own phone number in clear, if the member gave one (an erasure looks for it). */
    String phone(FieldCipher cipher) {
        return phoneCipher != null ? cipher.decrypt(PHONE, phoneCipher) : phone;
    }

    public boolean isSelf() {
        return relation == Relation.self;
    }

    public String id() {
        return id;
    }

    /** Moves on with every change of the person or of their health data (records, profile). */
    public long version() {
        return version;
    }

    public String ownerId() {
        return ownerId;
    }

    public String name() {
        return name;
    }

    /** Re-encrypts and re-indexes the ID card under the current key (KeyRotation). */
    void rotateIdCard(FieldCipher cipher) {
        if (idCardCipher != null) {
            String plain = cipher.decrypt(ID_CARD, idCardCipher);
            idCardCipher = cipher.encrypt(ID_CARD, plain);
            idCardHash = cipher.blindIndex(ID_CARD, plain);
        }
    }

    /** Encrypts a phone written in clear before, or re-encrypts it under the current key (KeyRotation). */
    void rotatePhone(FieldCipher cipher) {
        String plain = phone(cipher);
        phoneCipher = cipher.encrypt(PHONE, plain);
        phone = null;
    }

    /** The ID card number in clear, for the duplicate check; null when none. */
    LocalDate birthDate() {
        return birthDate;
    }

    String idCard(FieldCipher cipher) {
        return idCardCipher == null ? null : cipher.decrypt(ID_CARD, idCardCipher);
    }
}
