package health.leiming.web.admin;

import health.leiming.platform.AuditEntry;
import health.leiming.platform.AuditTrail;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The audit log of access to health data, for admins: read only, there is no way to change it. */
@Path("/admin/audit-log")
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AuditResource {

    @Inject
    AuditTrail audit;

    @GET
    public ApiResponse<Page<AuditEntry.AuditView>> query(@QueryParam("personId") String personId,
            @QueryParam("actorId") String actorId,
            @QueryParam("page") @DefaultValue("1") @Min(value = 1, message = "页码从1开始") int page,
            @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "每页至少1条") @Max(value = 200, message = "每页最多200条") int size) {
        AuditTrail.Page result = audit.query(personId, actorId, page, size);
        return ApiResponse.ok(new Page<>(result.items(), result.page(), result.size(), result.total()));
    }
}
