package health.leiming.web.admin;

import health.leiming.member.AdminAuth;
import health.leiming.web.platform.ApiResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Login for admins and operators: user name, password and, once enrolled, the authenticator's code (otp)
 * or a recovery code. Answers a token in the account's role (admin or operator).
 */
@Path("/admin/login")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "member")
public class AdminAuthResource {

    @Inject
    AdminAuth auth;

    @POST
    @Operation(summary = "Admin or operator login: user name, password, and the authenticator code once enrolled"
            + " (OTP_REQUIRED asks for it); repeated failures lock the account for a growing time (ACCOUNT_LOCKED)")
    public ApiResponse<AdminAuth.AdminLogin> login(@Valid @NotNull LoginRequest request) {
        return ApiResponse.ok(auth.login(request.username(), request.password(), request.otp(), request.recoveryCode()));
    }

    public record LoginRequest(@NotBlank(message = "请输入用户名") @Size(max = 50) String username,
            @NotBlank(message = "请输入密码") @Size(max = 200) String password,
            @Size(max = 10, message = "动态验证码为6位数字") String otp,
            @Size(max = 20, message = "恢复码格式不正确") String recoveryCode) {
    }
}
