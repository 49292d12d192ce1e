package health.leiming.wecom;

import health.leiming.care.Staff;
import health.leiming.care.StaffDirectory;
import health.leiming.integration.WecomApi;
import health.leiming.member.TokenIssuer;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Logs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Staff log in from our page inside WeCom: the OAuth code is exchanged through the WeCom API for the
 * user id, which must belong to an active staff member; the answer is a token in the staff group
 * (subject: the staff id).
 */
@ApplicationScoped
public class StaffAuth {

    private static final Logger LOG = Logs.get(StaffAuth.class);
    private static final Set<String> STAFF_GROUPS = Set.of("staff");

    @Inject
    WecomApi wecom;

    @Inject
    StaffDirectory directory;

    @Inject
    TokenIssuer tokens;

    public StaffLogin login(String code) {
        if (!wecom.configured()) {
            throw new BusinessException(ErrorKind.UNAVAILABLE, "WECOM_UNAVAILABLE", "企业微信登录暂未开通");
        }
        Optional<String> userId;
        try {
            userId = wecom.userIdOfCode(code);
        } catch (WecomApi.WecomRefused | FaultToleranceException | IllegalStateException e) {
            LOG.warning(() -> "WeCom login failed: " + e);
            throw new BusinessException(ErrorKind.UNAVAILABLE, "WECOM_UNAVAILABLE", "企业微信暂时无法登录，请稍后再试");
        }
        if (userId.isEmpty()) {
            throw new BusinessException(ErrorKind.UNAUTHENTICATED, "WECOM_CODE_INVALID", "登录已过期，请重新进入");
        }
        Staff staff = directory.byWecomUser(userId.get()).filter(Staff::isActive).orElseThrow(() ->
                new BusinessException(ErrorKind.FORBIDDEN, "NOT_STAFF", "您还不是服务人员，请联系管理员"));
        TokenIssuer.AccessToken token = tokens.issue(staff.id(), STAFF_GROUPS, Instant.now());
        return new StaffLogin(token.token(), token.expiresIn(), staff.id(), staff.name());
    }

    public record StaffLogin(String token, long expiresIn, String staffId, String name) {
    }
}
