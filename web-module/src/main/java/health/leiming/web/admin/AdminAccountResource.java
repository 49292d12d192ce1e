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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The accounts of admins and operators, managed by admins only. */
@Path("/admin/accounts")
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "member")
public class AdminAccountResource {

    @Inject
    AdminAccounts accounts;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "All admin and operator accounts (role, status, second factor, lock)")
    public ApiResponse<List<AdminAccount.AdminView>> list() {
        return ApiResponse.ok(accounts.list());
    }

    @POST
    @Operation(summary = "Create a personal account (role admin or operator) with a first password")
    public ApiResponse<AdminAccount.AdminView> create(@Valid @NotNull NewAccount request) {
        return ApiResponse.ok(accounts.create(Caller.memberId(security), request.username(), request.name(),
                request.role(), request.password()));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change an account's name, role or status (active false disables it and stops its tokens)")
    public ApiResponse<AdminAccount.AdminView> change(@PathParam("id") String id, @Valid @NotNull Change request) {
        return ApiResponse.ok(accounts.change(Caller.memberId(security), id, request.name(), request.role(),
                request.active()));
    }

    @POST
    @Path("/{id}/reset")
    @Operation(summary = "Give the account a new password; its second factor must be enrolled again, the lock is lifted")
    public ApiResponse<AdminAccount.AdminView> reset(@PathParam("id") String id, @Valid @NotNull Reset request) {
        return ApiResponse.ok(accounts.reset(Caller.memberId(security), id, request.password()));
    }

    public record NewAccount(
            @NotBlank(message = "请填写用户名") @Pattern(regexp = "[A-Za-z0-9._-]{3,50}",
                    message = "用户名为3-50位字母、数字、点、下划线或短横线") String username,
            @Size(max = 50, message = "姓名最多50个字") String name,
            @NotBlank(message = "请选择角色") String role,
            @NotBlank(message = "请设置密码") @Size(max = 200) String password) {
    }

    public record Change(@Size(max = 50, message = "姓名最多50个字") String name, String role, Boolean active) {
    }

    public record Reset(@NotBlank(message = "请设置新密码") @Size(max = 200) String password) {
    }
}
