package health.leiming.member;

import health.leiming.integration.WechatMiniApi;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Logs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Mini-program login with wx.login. A known openid logs in at once; a new one first proves its phone
 * number through the mini-program's phone-number button: the first step answers an opaque ticket
 * (the openid encrypted with the field key, valid a few minutes), the second exchanges the ticket and
 * the phone code for a session. WeChat is called outside any transaction; the session key never
 * leaves the server (it is not even kept).
 */
@ApplicationScoped
public class WechatLogin {

    /** The purpose login tickets are encrypted under (FieldCipher). */
    private static final String TICKET = "wechat.login_ticket";

    private static final Logger LOG = Logs.get(WechatLogin.class);

    @Inject
    WechatMiniApi wechat;

    @Inject
    AuthService auth;

    @Inject
    FieldCipher cipher;

    @Inject
    @ConfigProperty(name = "leiming.wechat.ticket-ttl", defaultValue = "PT10M")
    Duration ticketTtl;

    public WechatLoginResult login(String code) {
        WechatMiniApi.WechatIdentity identity = call(() -> wechat.identityOfCode(code))
                .orElseThrow(() -> new BusinessException(ErrorKind.UNAUTHENTICATED, "WECHAT_CODE_INVALID",
                        "微信登录已过期，请重试"));
        return auth.loginByOpenid(identity.openid())
                .map(session -> new WechatLoginResult(false, null, session))
                .orElseGet(() -> new WechatLoginResult(true, cipher.encrypt(TICKET, identity.openid() + "|"
                        + Instant.now().plus(ticketTtl).getEpochSecond()), null));
    }

    public LoginResult bindPhone(String ticket, String phoneCode) {
        String openid = openTicket(ticket);
        String phone = call(() -> wechat.phoneOfCode(phoneCode)).orElseThrow(() -> new BusinessException(
                ErrorKind.BAD_REQUEST, "PHONE_CODE_INVALID", "获取手机号失败，请重试"));
        return auth.loginWithWechatPhone(openid, phone);
    }

    private String openTicket(String ticket) {
        try {
            String[] parts = cipher.decrypt(TICKET, ticket).split("\\|");
            if (Instant.now().getEpochSecond() > Long.parseLong(parts[1])) {
                throw new BusinessException(ErrorKind.BAD_REQUEST, "WECHAT_TICKET_EXPIRED", "登录已过期，请重新进入");
            }
            return parts[0];
        } catch (IllegalStateException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "WECHAT_TICKET_INVALID", "登录已过期，请重新进入");
        }
    }

    private <T> Optional<T> call(java.util.function.Supplier<Optional<T>> request) {
        if (!wechat.configured()) {
            throw new BusinessException(ErrorKind.UNAVAILABLE, "WECHAT_UNAVAILABLE", "微信登录暂未开通，请使用短信验证码登录");
        }
        try {
            return request.get();
        } catch (FaultToleranceException | IllegalStateException e) {
            LOG.warning(() -> "WeChat login call failed: " + e);
            throw new BusinessException(ErrorKind.UNAVAILABLE, "WECHAT_UNAVAILABLE", "微信暂时无法登录，请使用短信验证码登录");
        }
    }

    /** Either a session, or the ticket for the phone-number step. */
    public record WechatLoginResult(boolean needPhone, String ticket, LoginResult session) {
    }
}
