package health.leiming.web.member;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of /api/v1/auth. */
public final class AuthRequests {

    private AuthRequests() {
    }

    public record SmsCodeRequest(
            @NotBlank(message = "请输入手机号码") @Pattern(regexp = "1[3-9]\\d{9}", message = "请输入正确的手机号码") String phone,
            @Pattern(regexp = "login|register|reset|deletion", message = "场景只能是 login、register、reset 或 deletion") String scene) {
    }

    public record LoginRequest(
            @NotBlank(message = "请输入手机号码") @Pattern(regexp = "1[3-9]\\d{9}", message = "请输入正确的手机号码") String phone,
            @NotBlank(message = "请输入验证码") @Pattern(regexp = "\\d{4,8}", message = "验证码格式不正确") String code) {
    }

    /** wx.login's code. */
    public record WechatLoginRequest(@NotBlank(message = "缺少微信登录凭证") @Size(max = 256) String code) {
    }

    /** The ticket of the first step and the code of the mini-program's phone-number button. */
    public record WechatPhoneRequest(@NotBlank(message = "缺少登录票据") @Size(max = 512) String ticket,
            @NotBlank(message = "缺少手机号授权码") @Size(max = 256) String phoneCode) {
    }

    public record RefreshRequest(@NotBlank(message = "缺少 refreshToken") String refreshToken) {
    }
}
