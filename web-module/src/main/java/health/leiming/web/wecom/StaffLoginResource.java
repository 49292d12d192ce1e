package health.leiming.web.wecom;

import health.leiming.web.platform.ApiResponse;
import health.leiming.wecom.StaffAuth;
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

/** Staff login with the OAuth code of our page in WeCom (企业微信网页授权). */
@Path("/staff/login")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "wecom")
public class StaffLoginResource {

    @Inject
    StaffAuth auth;

    @POST
    @Operation(summary = "Staff login from our page in WeCom (OAuth code): a staff token")
    public ApiResponse<StaffAuth.StaffLogin> login(@Valid @NotNull CodeRequest request) {
        return ApiResponse.ok(auth.login(request.code()));
    }

    public record CodeRequest(@NotBlank(message = "缺少授权码") @Size(max = 512) String code) {
    }
}
