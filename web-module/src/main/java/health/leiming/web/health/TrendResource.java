package health.leiming.web.health;

import health.leiming.health.DashboardView;
import health.leiming.health.TrendService;
import health.leiming.health.TrendView;
import health.leiming.platform.ConsentKind;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import health.leiming.web.platform.RequiresConsent;
import health.leiming.web.platform.SharedData;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Trends (seed 5.3.2) and the dashboard of the member or a family member (personId). */
@RequiresConsent({ConsentKind.privacy_policy, ConsentKind.health_data})
@Path("/health")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "health")
public class TrendResource {

    @Inject
    TrendService trends;

    @Inject
    SharedData shared;

    @Context
    SecurityContext security;

    @GET
    @Path("/trends")
    @Operation(summary = "Statistics, trend, data points and advice for a measurement over a period (seed 5.3.2)")
    @APIResponse(responseCode = "200", description = "The usual envelope {success, code, message, data, timestamp,"
            + " requestId}; data is the trend", content = @Content(schema = @Schema(implementation = TrendView.class)))
    public Response trend(@QueryParam("personId") String personId, @QueryParam("type") String type,
            @QueryParam("period") String period, @QueryParam("start") LocalDate start, @QueryParam("end") LocalDate end) {
        // The same (cached) trend goes to every request until the person's data changes: written once.
        return shared.ok(trends.trend(Caller.memberId(security), personId, type, period, start, end));
    }

    @GET
    @Path("/dashboard")
    @Operation(summary = "The latest of each measurement and what needs attention")
    public ApiResponse<DashboardView> dashboard(@QueryParam("personId") String personId) {
        return ApiResponse.ok(trends.dashboard(Caller.memberId(security), personId));
    }
}
