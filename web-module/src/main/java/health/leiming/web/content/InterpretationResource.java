package health.leiming.web.content;

import health.leiming.content.AiInterpretations;
import health.leiming.content.InterpretationRequest;
import health.leiming.content.InterpretationView;
import health.leiming.content.Interpreting;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** AI interpretation (AI解读) of a report, of readings, or of a lab sheet; the member's own list. */
@Path("/ai/interpretations")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class InterpretationResource {

    @Inject
    Interpreting interpreting;

    @Inject
    AiInterpretations interpretations;

    @Context
    SecurityContext security;

    @POST
    public ApiResponse<InterpretationView> interpret(InterpretationRequest request) {
        return ApiResponse.ok(interpreting.interpret(Caller.memberId(security), request));
    }

    @GET
    public ApiResponse<List<InterpretationView>> list(
            @QueryParam("page") @DefaultValue("1") @Min(value = 1, message = "页码从1开始") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "每页至少1条") @Max(value = 100, message = "每页最多100条") int size) {
        return ApiResponse.ok(interpretations.list(Caller.memberId(security), page, size));
    }

    @GET
    @Path("/{id}")
    public ApiResponse<InterpretationView> get(@PathParam("id") String id) {
        return ApiResponse.ok(interpretations.get(Caller.memberId(security), id));
    }

    @PUT
    @Path("/{id}/read")
    public ApiResponse<InterpretationView> read(@PathParam("id") String id) {
        return ApiResponse.ok(interpretations.markRead(Caller.memberId(security), id));
    }
}
