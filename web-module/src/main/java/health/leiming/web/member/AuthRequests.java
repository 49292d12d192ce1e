package health.leiming.web.member;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Request bodies of /api/v1/auth. */
public final class AuthRequests {

    private AuthRequests() {
    }

    public record SmsCodeRequest(
            @NotBlank(message = "请输入手机号码") @Pattern(regexp = "1[3-9]\\d{9}", message = "请输入正确的手机号码") String phone,
            @Pattern(regexp = "login|register|reset", message = "场景只能是 login、register 或 reset") String scene) {
    }

    public record LoginRequest(
            @NotBlank(message = "请输入手机号码") @Pattern(regexp = "1[3-9]\\d{9}", message = "请输入正确的手机号码") String phone,
            @NotBlank(message = "请输入验证码") @Pattern(regexp = "\\d{4,8}", message = "验证码格式不正确") String code) {
    }

    public record RefreshRequest(@NotBlank(message = "缺少 refreshToken") String refreshToken) {
    }
}
