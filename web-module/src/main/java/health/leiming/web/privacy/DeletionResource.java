package health.leiming.web.privacy;

import health.leiming.member.AccountDeletion;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Deleting the account (注销): the member confirms with an SMS code (POST /auth/sms-code with scene
 * deletion), the account is erased after the cooling-off period, and logging in (or DELETE here) before
 * then cancels. Open without consents: a member who withdrew them must still be able to leave.
 */
@Path("/privacy/deletion")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "privacy")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
public class DeletionResource {

    @Inject
    AccountDeletion deletions;

    @Context
    SecurityContext security;

    /** {code}: the code sent to the member's phone for the scene deletion. */
    public record DeletionRequest(
            @NotBlank(message = "请输入验证码") @Pattern(regexp = "\\d{4,8}", message = "验证码格式不正确") String code) {
    }

    @GET
    @Operation(summary = "Whether a deletion of the account is pending, and when the account will be erased")
    public ApiResponse<AccountDeletion.DeletionState> state() {
        return ApiResponse.ok(deletions.state(Caller.memberId(security)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask to delete the account, confirmed by SMS code: every session ends, erased after the cooling-off")
    public ApiResponse<AccountDeletion.DeletionState> request(@Valid @NotNull DeletionRequest request) {
        return ApiResponse.ok(deletions.request(Caller.memberId(security), request.code()));
    }

    @DELETE
    @Operation(summary = "Cancel a pending deletion (logging in does the same)")
    public ApiResponse<AccountDeletion.DeletionState> cancel() {
        return ApiResponse.ok(deletions.cancel(Caller.memberId(security)));
    }
}
