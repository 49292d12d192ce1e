package health.leiming.web.health;

import health.leiming.health.LabReportView;
import health.leiming.health.LabReports;
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

/** 化验报告: lab reports from the hospitals where the member linked a person's patient record. Others': 404. */
@RequiresConsent({ConsentKind.privacy_policy, ConsentKind.health_data})
@Path("/health/lab-reports")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "health")
public class LabReportResource {

    @Inject
    LabReports reports;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Lab reports (personId filters), newest first, each with how many results are out of range")
    public ApiResponse<Page<LabReportView.Summary>> list(@QueryParam("personId") String personId,
            @Valid @BeanParam PageParams paging) {
        return ApiResponse.ok(reports.list(Caller.memberId(security), personId, paging.request()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One lab report with its results, values, units, reference ranges and flags")
    public ApiResponse<LabReportView> get(@PathParam("id") String id) {
        return ApiResponse.ok(reports.get(Caller.memberId(security), id));
    }
}
