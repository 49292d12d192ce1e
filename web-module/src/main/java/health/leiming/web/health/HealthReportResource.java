package health.leiming.web.health;

import health.leiming.health.HealthReports;
import health.leiming.health.ReportView;
import health.leiming.platform.ConsentKind;
import health.leiming.platform.Page;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import health.leiming.web.platform.PageParams;
import health.leiming.web.platform.RequiresConsent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The member's weekly and monthly health reports (and their family's; personId filters). Others': 404. */
@RequiresConsent({ConsentKind.privacy_policy, ConsentKind.health_data})
@Path("/health/reports")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "health")
public class HealthReportResource {

    @Inject
    HealthReports reports;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Weekly and monthly reports, newest first")
    public ApiResponse<Page<ReportView.Summary>> list(@QueryParam("personId") String personId,
            @Valid @BeanParam PageParams paging) {
        var result = reports.list(Caller.memberId(security), personId, paging.request());
        return ApiResponse.ok(result);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One report, marked read")
    public ApiResponse<ReportView> get(@PathParam("id") String id) {
        return ApiResponse.ok(reports.get(Caller.memberId(security), id));
    }
}
