package health.leiming.member;

import health.leiming.integration.SmsGateway;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Hashing;
import health.leiming.platform.Ids;
import health.leiming.platform.Logs;
import health.leiming.platform.RateCounters;
import health.leiming.platform.RecordedRefusal;
import health.leiming.platform.RequestContext;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Phone login: send an SMS code, log in with it (registering on first login), refresh and log out.
 */
@Stateless
public class AuthService {

    static final Set<String> MEMBER_GROUPS = Set.of("member");

    private static final Logger LOG = Logs.get(AuthService.class);

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    SmsGateway sms;

    @Inject
    TokenIssuer tokens;

    @Inject
    MemberService members;

    @Inject
    RateCounters counters;

    @Inject
    AuditTrail audit;

    @Inject
    FieldCipher cipher;

    @Resource
    SessionContext context;

    @Inject
    @ConfigProperty(name = "leiming.sms.codes-per-address-per-hour", defaultValue = "30")
    int codesPerAddressPerHour;

    @Inject
    @ConfigProperty(name = "leiming.sms.codes-per-minute", defaultValue = "100")
    int codesPerMinute;

    @Inject
    @ConfigProperty(name = "leiming.sms.code-ttl", defaultValue = "PT5M")
    Duration codeTtl;

    @Inject
    @ConfigProperty(name = "leiming.sms.code-length", defaultValue = "6")
    int codeLength;

    @Inject
    @ConfigProperty(name = "leiming.sms.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "leiming.sms.min-interval", defaultValue = "PT60S")
    Duration minInterval;

    @Inject
    @ConfigProperty(name = "leiming.sms.daily-limit", defaultValue = "10")
    int dailyLimit;

    @Inject
    @ConfigProperty(name = "leiming.sms.code-pepper")
    Optional<String> pepper;

    @Inject
    @ConfigProperty(name = "leiming.jwt.refresh-token-ttl", defaultValue = "P30D")
    Duration refreshTtl;

    @Inject
    @ConfigProperty(name = "leiming.jwt.refresh-family-lifetime", defaultValue = "P90D")
    Duration refreshFamilyLifetime;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId businessZone;

    /**
     * Sends a fresh code (older ones stop working); returns how long it is valid. The code is stored and
     * committed first, and only then handed to the SMS gateway, so no row lock or connection is held while
     * the gateway answers; a code the gateway did not take is withdrawn again. Beyond the per-phone limits,
     * codes are capped per client address per hour and in total per minute, across all servers.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Duration sendCode(String phoneNumber, String sceneName) {
        PhoneNumber phone = new PhoneNumber(phoneNumber);
        SmsScene scene = SmsScene.parse(sceneName);
        capSends();
        AuthService self = context.getBusinessObject(AuthService.class);
        IssuedCode issued = self.issueCode(phone, scene);
        try {
            sms.sendVerificationCode(phone.value(), issued.code(), codeTtl);
        } catch (SmsGateway.SmsGatewayException | FaultToleranceException e) {
            LOG.warning(() -> "Verification code for " + phone + " not sent: " + e);
            self.withdrawCode(issued);
            throw new BusinessException(ErrorKind.UNAVAILABLE, "SMS_SEND_FAILED", "短信发送失败，请稍后再试");
        }
        return codeTtl;
    }

    /** A code stored for a phone (by the phone's blind index), not yet sent. */
    public record IssuedCode(String codeId, String phoneHash, String code, Instant sentAt) {
    }

    private void capSends() {
        String client = RequestContext.clientAddress();
        if (client != null) {
            long wait = counters.take("sms-address:" + client, Duration.ofHours(1), codesPerAddressPerHour);
            if (wait > 0) {
                LOG.warning(() -> "SMS codes for client " + client + " over the hourly cap; refused");
                throw new BusinessException(ErrorKind.TOO_MANY_REQUESTS, "SMS_ADDRESS_LIMIT",
                        "该网络请求验证码过于频繁，请稍后再试", wait);
            }
        }
        long wait = counters.take("sms-all", Duration.ofMinutes(1), codesPerMinute);
        if (wait > 0) {
            LOG.warning("SMS codes over the installation's per-minute cap; refused");
            throw new BusinessException(ErrorKind.TOO_MANY_REQUESTS, "SMS_BUSY", "验证码请求过多，请稍后再试", wait);
        }
    }

    /** Stores a fresh code for the phone within the per-phone limits (the first half of sendCode). */
    public IssuedCode issueCode(PhoneNumber phone, SmsScene scene) {
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, businessZone);
        Instant startOfTomorrow = today.plusDays(1).atStartOfDay(businessZone).toInstant();

        String phoneHash = cipher.blindIndex(Member.PHONE, phone.value());
        SmsThrottle throttle = em.find(SmsThrottle.class, phoneHash, LockModeType.PESSIMISTIC_WRITE);
        if (throttle == null) {
            em.persist(SmsThrottle.firstSend(phoneHash, now, today));
        } else {
            throttle.recordSend(now, today, minInterval, dailyLimit, startOfTomorrow);
        }
        activeCodes(phone, false).forEach(SmsCode::supersede);
        String code = Ids.digits(codeLength);
        SmsCode stored = SmsCode.issue(phoneHash, scene, codeHash(phone, code), now, codeTtl);
        em.persist(stored);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // Another request for the same phone's first code won the race.
            throw new BusinessException(ErrorKind.TOO_MANY_REQUESTS, "SMS_TOO_FREQUENT", "验证码发送过于频繁，请稍后再试",
                    minInterval.toSeconds());
        }
        return new IssuedCode(stored.id(), phoneHash, code, now);
    }

    /** The gateway did not take the code: it cannot be used, and the phone may ask again at once. */
    public void withdrawCode(IssuedCode issued) {
        SmsCode code = em.find(SmsCode.class, issued.codeId());
        if (code != null) {
            code.supersede();
        }
        SmsThrottle throttle = em.find(SmsThrottle.class, issued.phoneHash(), LockModeType.PESSIMISTIC_WRITE);
        if (throttle != null) {
            throttle.forgive(issued.sentAt(), minInterval);
        }
    }

    /** Logs in with the latest code sent to the phone; registers the member on first login. */
    public LoginResult login(String phoneNumber, String code) {
        PhoneNumber phone = new PhoneNumber(phoneNumber);
        Instant now = Instant.now();
        List<SmsCode> active = activeCodes(phone, true);
        if (active.isEmpty() || active.get(0).scene() == SmsScene.deletion) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "SMS_CODE_INVALID", "验证码无效，请重新获取");
        }
        accept(phone, active.get(0), code, now);
        Optional<Member> known = members.byPhone(phone);
        Member member = known.orElseGet(() -> members.register(phone, now));
        return session(member, known.isEmpty(), now);
    }

    /**
     * Confirms a step with the latest code sent to the phone for that scene (it is used up); refused as a
     * login with a wrong, expired or other code is.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void confirm(PhoneNumber phone, SmsScene scene, String code) {
        List<SmsCode> active = activeCodes(phone, true);
        if (active.isEmpty() || active.get(0).scene() != scene) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "SMS_CODE_INVALID", "验证码无效，请重新获取");
        }
        accept(phone, active.get(0), code, Instant.now());
    }

    private void accept(PhoneNumber phone, SmsCode latest, String code, Instant now) {
        switch (latest.check(codeHash(phone, code == null ? "" : code), now, maxAttempts)) {
            case ACCEPTED -> { }
            case EXPIRED -> throw new BusinessException(ErrorKind.BAD_REQUEST, "SMS_CODE_EXPIRED", "验证码已过期，请重新获取");
            case WRONG -> throw new RecordedRefusal(ErrorKind.BAD_REQUEST, "SMS_CODE_WRONG",
                    "验证码错误，还可尝试" + (maxAttempts - latest.attempts()) + "次");
            case BURNED -> throw new RecordedRefusal(ErrorKind.BAD_REQUEST, "SMS_CODE_BURNED", "验证码错误次数过多，请重新获取");
            default -> throw new BusinessException(ErrorKind.BAD_REQUEST, "SMS_CODE_INVALID", "验证码无效，请重新获取");
        }
    }

    /** Logs in the member whose mini-program account this is, if one is linked. */
    public Optional<LoginResult> loginByOpenid(String openid) {
        return em.createQuery("select m from Member m where m.wechatOpenid = :openid", Member.class)
                .setParameter("openid", openid).getResultStream().findFirst()
                .map(member -> session(member, false, Instant.now()));
    }

    /**
     * Links a mini-program account to the member with the phone number WeChat confirmed (registering
     * them when new) and logs them in. A member already linked to another WeChat account is refused.
     */
    public LoginResult loginWithWechatPhone(String openid, String phoneNumber) {
        PhoneNumber phone = new PhoneNumber(phoneNumber);
        Instant now = Instant.now();
        Optional<Member> known = members.byPhone(phone);
        Member member = known.orElseGet(() -> members.register(phone, now));
        if (member.wechatOpenid() != null && !member.wechatOpenid().equals(openid)) {
            throw new BusinessException(ErrorKind.CONFLICT, "WECHAT_ALREADY_LINKED", "该手机号已绑定其他微信，请使用短信验证码登录");
        }
        member.ensureMayLogIn();
        member.linkWechat(openid, now);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new BusinessException(ErrorKind.CONFLICT, "WECHAT_ALREADY_LINKED", "该微信已绑定其他手机号");
        }
        return session(member, known.isEmpty(), now);
    }

    /** A new session (access and refresh token) for a member who proved who they are. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public LoginResult session(Member member, boolean newMember, Instant now) {
        member.ensureMayLogIn();
        boolean deletionCancelled = member.cancelDeletion(now);
        if (deletionCancelled) {
            audit.queue(member.id(), "member", member.id(), "privacy.deletion.cancel", null, AuditTrail.SUCCESS);
            LOG.info(() -> "Member " + member.id() + " logged in: their account deletion is cancelled");
        }
        String refresh = Ids.secret(32);
        em.persist(RefreshToken.issue(member.id(), Hashing.sha256Hex(refresh), now, refreshTtl, refreshFamilyLifetime));
        TokenIssuer.AccessToken access = tokens.issue(member.id(), MEMBER_GROUPS, now);
        return new LoginResult(access.token(), refresh, access.expiresIn(), member.profile(cipher), newMember,
                deletionCancelled);
    }

    /** Exchanges a refresh token for a new pair. A token used twice revokes its whole family. */
    public LoginResult refresh(String refreshToken) {
        Instant now = Instant.now();
        RefreshToken current = byToken(refreshToken, true);
        if (current != null && current.wasUsed()) {
            revokeFamily(current.familyId());
            LOG.warning(() -> "Refresh token reuse for member " + current.memberId() + "; session family revoked");
            throw new RecordedRefusal(ErrorKind.UNAUTHENTICATED, "REFRESH_TOKEN_REUSED", "登录状态已失效，请重新登录");
        }
        if (current == null || !current.isActive(now)) {
            throw new BusinessException(ErrorKind.UNAUTHENTICATED, "REFRESH_TOKEN_INVALID", "登录状态已失效，请重新登录");
        }
        Member member = em.find(Member.class, current.memberId());
        member.ensureMayLogIn();
        String next = Ids.secret(32);
        em.persist(current.rotate(Hashing.sha256Hex(next), now, refreshTtl));
        TokenIssuer.AccessToken access = tokens.issue(member.id(), MEMBER_GROUPS, now);
        return new LoginResult(access.token(), next, access.expiresIn(), member.profile(cipher), false, false);
    }

    /** Ends the session the refresh token belongs to. Unknown tokens are ignored (logging out twice is fine). */
    public void logout(String refreshToken) {
        RefreshToken current = byToken(refreshToken, false);
        if (current != null) {
            revokeFamily(current.familyId());
        }
    }

    private RefreshToken byToken(String refreshToken, boolean lock) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return null;
        }
        var query = em.createNamedQuery("RefreshToken.byHash", RefreshToken.class)
                .setParameter("hash", Hashing.sha256Hex(refreshToken));
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst().orElse(null);
    }

    private void revokeFamily(String familyId) {
        em.createNamedQuery("RefreshToken.revokeFamily")
                .setParameter("family", familyId)
                .setParameter("revoked", RefreshToken.Status.revoked)
                .setParameter("active", RefreshToken.Status.active)
                .executeUpdate();
    }

    private List<SmsCode> activeCodes(PhoneNumber phone, boolean lock) {
        var query = em.createNamedQuery("SmsCode.activeForPhone", SmsCode.class)
                .setParameter("phones", cipher.blindIndexes(Member.PHONE, phone.value()))
                .setParameter("status", SmsCode.Status.active);
        if (lock) {
            // No LIMIT here: EclipseLink's H2 platform writes "FOR UPDATE LIMIT", which H2 rejects.
            // Sending a code supersedes the older ones, so there is at most one active code anyway.
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultList();
    }

    private String codeHash(PhoneNumber phone, String code) {
        return Hashing.hmacSha256Hex(pepper.orElseThrow(() -> new IllegalStateException(
                "Set leiming.sms.code-pepper (LEIMING_SMS_CODE_PEPPER)")), phone.value() + ":" + code);
    }
}
