package health.leiming.health;

import health.leiming.integration.SmsGateway;
import health.leiming.member.FamilyService;
import health.leiming.member.MemberService;
import health.leiming.member.Person;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Hashing;
import health.leiming.platform.Ids;
import health.leiming.platform.Logs;
import health.leiming.platform.Masking;
import health.leiming.platform.RateCounters;
import health.leiming.platform.RecordedRefusal;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Verifying a person's emergency contact before any alert goes to them: the member asks for a code to
 * the contact's phone, the contact reads it to the member, the member types it in. Until then, and
 * again after the contact's phone is changed, alerts go to the member only. The code is never valid
 * for anything else (it is not a login code).
 */
@Stateless
public class EmergencyContacts {

    private static final Logger LOG = Logs.get(EmergencyContacts.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final Duration CODE_TTL = Duration.ofMinutes(10);

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FamilyService family;

    @Inject
    MemberService members;

    @Inject
    AuditTrail audit;

    @Inject
    RateCounters counters;

    @Inject
    SmsGateway sms;

    @Inject
    FieldCipher cipher;

    @Resource
    SessionContext context;

    @Inject
    @ConfigProperty(name = "leiming.sms.code-pepper")
    Optional<String> pepper;

    @Inject
    @ConfigProperty(name = "leiming.sms.daily-limit", defaultValue = "10")
    int dailyLimit;

    /** What the code's SMS needs, decided and stored before it is sent. */
    public record PendingCode(String phone, String code, String memberPhone) {
    }

    /** Sends a code to the contact's phone (after the commit that stored it); returns its lifetime. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Duration sendCode(String memberId, String personId) {
        PendingCode pending = context.getBusinessObject(EmergencyContacts.class).issue(memberId, personId);
        try {
            sms.sendContactVerification(pending.phone(), pending.code(), CODE_TTL, pending.memberPhone());
        } catch (SmsGateway.SmsGatewayException | FaultToleranceException e) {
            LOG.warning(() -> "Contact verification code not sent: " + e);
            throw new BusinessException(ErrorKind.UNAVAILABLE, "SMS_SEND_FAILED", "短信发送失败，请稍后再试");
        }
        return CODE_TTL;
    }

    public PendingCode issue(String memberId, String personId) {
        String auditedPerson = FamilyService.personOrSelf(memberId, personId);
        return audit.audited(memberId, auditedPerson, "health.contact.verification-sent", null, () -> {
            Person person = family.owned(memberId, personId);
            String phone = contactPhone(person.id());
            String phoneHash = phoneHash(phone);
            long wait = Math.max(counters.take("contact-code:" + person.id(), Duration.ofMinutes(1), 1),
                    counters.take("contact-code-number:" + phoneHash, Duration.ofDays(1), dailyLimit));
            if (wait > 0) {
                throw new BusinessException(ErrorKind.TOO_MANY_REQUESTS, "SMS_TOO_FREQUENT",
                        "验证码发送过于频繁，请" + wait + "秒后再试", wait);
            }
            String code = Ids.digits(6);
            ContactVerification verification = em.find(ContactVerification.class, person.id(),
                    LockModeType.PESSIMISTIC_WRITE);
            if (verification == null) {
                verification = new ContactVerification(person.id());
                em.persist(verification);
            }
            verification.codeSent(phoneHash, codeHash(person.id(), code), Instant.now(), CODE_TTL);
            String memberPhone = members.contactOf(memberId).map(c -> Masking.phone(c.phone())).orElse("");
            return new PendingCode(phone, code, memberPhone);
        });
    }

    /** Checks the code the member typed; from now on alerts also go to the contact. */
    public void verify(String memberId, String personId, String code) {
        String auditedPerson = FamilyService.personOrSelf(memberId, personId);
        audit.audited(memberId, auditedPerson, "health.contact.verify", null, () -> {
            Person person = family.owned(memberId, personId);
            String phoneHash = phoneHash(contactPhone(person.id()));
            ContactVerification verification = em.find(ContactVerification.class, person.id(),
                    LockModeType.PESSIMISTIC_WRITE);
            ContactVerification.Check outcome = verification == null ? ContactVerification.Check.NONE
                    : verification.check(phoneHash, codeHash(person.id(), code == null ? "" : code.strip()),
                            Instant.now(), MAX_ATTEMPTS);
            switch (outcome) {
                case VERIFIED -> { }
                case WRONG -> throw new RecordedRefusal(ErrorKind.BAD_REQUEST, "SMS_CODE_WRONG",
                        "验证码错误，还可尝试" + (MAX_ATTEMPTS - verification.attempts()) + "次");
                case BURNED -> throw new RecordedRefusal(ErrorKind.BAD_REQUEST, "SMS_CODE_BURNED",
                        "验证码错误次数过多，请重新获取");
                case EXPIRED -> throw new BusinessException(ErrorKind.BAD_REQUEST, "SMS_CODE_EXPIRED", "验证码已过期，请重新获取");
                default -> throw new BusinessException(ErrorKind.BAD_REQUEST, "SMS_CODE_INVALID", "验证码无效，请重新获取");
            }
            return null;
        });
    }

    /** The contact's phone when it is verified and still the one on the profile; else empty. */
    public Optional<String> verifiedPhoneOf(String personId) {
        HealthProfile profile = em.find(HealthProfile.class, personId);
        String phone = profile == null ? null : profile.emergencyPhone(cipher);
        if (phone == null) {
            return Optional.empty();
        }
        ContactVerification verification = em.find(ContactVerification.class, personId);
        return verification != null && verification.verifies(phoneHash(phone)) ? Optional.of(phone) : Optional.empty();
    }

    /** Whether the profile's contact phone is verified (for the owner's view of the profile). */
    public boolean isVerified(String personId, String phone) {
        ContactVerification verification = em.find(ContactVerification.class, personId);
        return phone != null && verification != null && verification.verifies(phoneHash(phone));
    }

    private String contactPhone(String personId) {
        HealthProfile profile = em.find(HealthProfile.class, personId);
        String phone = profile == null ? null : profile.emergencyPhone(cipher);
        if (phone == null) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "NO_EMERGENCY_CONTACT", "请先在健康档案中填写紧急联系人手机号");
        }
        return phone;
    }

    private String phoneHash(String phone) {
        return Hashing.hmacSha256Hex(secret(), "contact-phone:" + phone);
    }

    private String codeHash(String personId, String code) {
        return Hashing.hmacSha256Hex(secret(), "contact-code:" + personId + ":" + code);
    }

    private String secret() {
        return pepper.orElseThrow(() -> new IllegalStateException("Set leiming.sms.code-pepper (LEIMING_SMS_CODE_PEPPER)"));
    }
}
