package health.leiming.web.admin;

import health.leiming.member.AdminAccount;
import health.leiming.member.AdminAccounts;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An admin's or operator's own account: password and second factor. */
@Path("/admin/me")
@RolesAllowed({"admin", "operator"})
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "member")
public class AdminMeResource {

    @Inject
    AdminAccounts accounts;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The caller's account")
    public ApiResponse<AdminAccount.AdminView> me() {
        return ApiResponse.ok(accounts.me(Caller.memberId(security)));
    }

    @PUT
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change one's password (12+ characters, not common, not the user name)")
    public ApiResponse<Map<String, Boolean>> password(@Valid @NotNull PasswordChange request) {
        accounts.changeOwnPassword(Caller.memberId(security), request.currentPassword(), request.newPassword());
        return ApiResponse.ok(Map.of("changed", true));
    }

    @POST
    @Path("/otp")
    @Operation(summary = "Start enrolling an authenticator app: the secret and its otpauth:// URI (show it as a QR code)")
    public ApiResponse<AdminAccounts.TotpEnrolment> startOtp() {
        return ApiResponse.ok(accounts.startTotp(Caller.memberId(security)));
    }

    @POST
    @Path("/otp/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm the authenticator with its current code; answers ten one-time recovery codes, shown once")
    public ApiResponse<Map<String, List<String>>> confirmOtp(@Valid @NotNull OtpConfirmation request) {
        return ApiResponse.ok(Map.of("recoveryCodes", accounts.confirmTotp(Caller.memberId(security), request.otp())));
    }

    public record PasswordChange(@NotBlank(message = "请输入当前密码") @Size(max = 200) String currentPassword,
            @NotBlank(message = "请输入新密码") @Size(max = 200) String newPassword) {
    }

    public record OtpConfirmation(@NotBlank(message = "请输入动态验证码") @Size(max = 10) String otp) {
    }
}
