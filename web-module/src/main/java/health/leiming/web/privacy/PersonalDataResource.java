package health.leiming.web.privacy;

import health.leiming.privacy.PersonalDataExport;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A copy of everything we hold about the signed-in member (PIPL art. 45): account, family members,
 * health data with every earlier version of a reading, plans, reports, interpretations, orders with
 * payments and refunds, reviews, messages and chat, consents, and who accessed their data. Offered as a
 * file to save (Content-Disposition); the export is audited.
 */
@Path("/privacy/my-data")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "privacy")
public class PersonalDataResource {

    @Inject
    PersonalDataExport export;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Everything held about the member, in one JSON document to save")
    @APIResponse(responseCode = "200", description = "The export in the envelope: memberId, generatedAt and one key per area",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Map.class)))
    public Response everything() {
        Map<String, Object> data = export.everything(Caller.memberId(security));
        return Response.ok(ApiResponse.ok(data))
                .header("Content-Disposition", "attachment; filename=\"leiming-my-data-" + LocalDate.now(ZoneOffset.UTC)
                        + ".json\"")
                .build();
    }
}
