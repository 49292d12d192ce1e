package health.leiming.web.admin;

import health.leiming.platform.AuditChain;
import health.leiming.platform.AuditEntry;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.Page;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.PageParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log of access to health data, for admins: read only, there is no way to change it. */
@Path("/admin/audit-log")
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "platform")
public class AuditResource {

    @Inject
    AuditTrail audit;

    @Inject
    AuditChain chain;

    @GET
    @Operation(summary = "Who accessed which health data, newest first (by person or actor)")
    public ApiResponse<Page<AuditEntry.AuditView>> query(@QueryParam("personId") String personId,
            @QueryParam("actorId") String actorId,
            @Valid @BeanParam PageParams paging) {
        var result = audit.query(personId, actorId, paging.request());
        return ApiResponse.ok(result);
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Verify the audit log's hash chain: intact, or the first entry changed or removed since"
            + " it was sealed; and how many new entries wait to be sealed (every few seconds)")
    public ApiResponse<AuditChain.Verification> verify() {
        return ApiResponse.ok(chain.verify());
    }
}
