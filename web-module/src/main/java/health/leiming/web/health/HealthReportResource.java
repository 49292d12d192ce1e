package health.leiming.web.health;

import health.leiming.health.HealthReports;
import health.leiming.health.ReportView;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import health.leiming.web.platform.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The member's weekly and monthly health reports (and their family's; personId filters). Others': 404. */
@Path("/health/reports")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class HealthReportResource {

    @Inject
    HealthReports reports;

    @Context
    SecurityContext security;

    @GET
    public ApiResponse<Page<ReportView.Summary>> list(@QueryParam("personId") String personId,
            @QueryParam("page") @DefaultValue("1") @Min(value = 1, message = "页码从1开始") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "每页至少1条") @Max(value = 100, message = "每页最多100条") int size) {
        HealthReports.ReportPage result = reports.list(Caller.memberId(security), personId, page, size);
        return ApiResponse.ok(new Page<>(result.items(), result.page(), result.size(), result.total()));
    }

    @GET
    @Path("/{id}")
    public ApiResponse<ReportView> get(@PathParam("id") String id) {
        return ApiResponse.ok(reports.get(Caller.memberId(security), id));
    }
}
