package health.leiming.web.content;

import health.leiming.content.AiInterpretations;
import health.leiming.content.InterpretationRequest;
import health.leiming.content.InterpretationView;
import health.leiming.content.Interpreting;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** AI interpretation (AI解读) of a report, of readings, or of a lab sheet; the member's own list. */
@RequiresConsent({ConsentKind.privacy_policy, ConsentKind.health_data})
@Path("/ai/interpretations")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "content")
public class InterpretationResource {

    @Inject
    Interpreting interpreting;

    @Inject
    AiInterpretations interpretations;

    @Context
    SecurityContext security;

    @POST
    @Operation(summary = "Interpret a report, readings or a lab sheet (model or rules; values only leave the server)")
    public ApiResponse<InterpretationView> interpret(InterpretationRequest request) {
        return ApiResponse.ok(interpreting.interpret(Caller.memberId(security), request));
    }

    @GET
    @Operation(summary = "The member's interpretations, newest first")
    public ApiResponse<Page<InterpretationView>> list(
            @Valid @BeanParam PageParams paging) {
        return ApiResponse.ok(interpretations.list(Caller.memberId(security), paging.request()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One interpretation")
    public ApiResponse<InterpretationView> get(@PathParam("id") String id) {
        return ApiResponse.ok(interpretations.get(Caller.memberId(security), id));
    }

    @PUT
    @Path("/{id}/read")
    @Operation(summary = "Mark an interpretation read")
    public ApiResponse<InterpretationView> read(@PathParam("id") String id) {
        return ApiResponse.ok(interpretations.markRead(Caller.memberId(security), id));
    }
}
