package health.leiming.web.privacy;

import health.leiming.privacy.DataExport.DataExportView;
import health.leiming.privacy.DataExports;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The copy of the member's data as an archive prepared in the background (PIPL art. 45): ask for it, watch
 * it become ready, download it (a ZIP with my-data.json) while it is offered. Open without consents, like
 * the one-request export: withdrawing them does not take away the right to a copy.
 */
@Path("/privacy/exports")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "privacy")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
public class DataExportResource {

    @Inject
    DataExports exports;

    @Context
    SecurityContext security;

    @POST
    @Operation(summary = "Ask for an archive of everything held about the member: 202, prepared in the background")
    @APIResponse(responseCode = "202", description = "The export, pending; GET /privacy/exports shows when it is ready",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataExportView.class)))
    public Response request() {
        DataExportView created = exports.request(Caller.memberId(security)); // started within seconds
        return Response.accepted(ApiResponse.ok(created)).location(URI.create("/api/v1/privacy/exports")).build();
    }

    @GET
    @Operation(summary = "The member's archives, newest first, with their state and download link while offered")
    public ApiResponse<List<DataExportView>> list() {
        return ApiResponse.ok(exports.list(Caller.memberId(security)));
    }

    @GET
    @Path("/{id}/archive")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download a ready archive (ZIP with my-data.json); 410 once expired; each download audited")
    @APIResponse(responseCode = "200", description = "The archive: my-data.json (as GET /privacy/my-data) and 说明.txt",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response archive(@PathParam("id") String id) {
        byte[] zip = exports.download(Caller.memberId(security), id);
        return Response.ok(zip, "application/zip").header("Content-Disposition", "attachment; filename=\"leiming-my-data-"
                + LocalDate.now(ZoneOffset.UTC) + ".zip\"").header("Cache-Control", "no-store").build();
    }
}
