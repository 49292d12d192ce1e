package health.leiming.web.admin;

import health.leiming.privacy.ConsentDocument;
import health.leiming.privacy.ConsentService;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The consent documents (admins): every version of a kind, and publishing a new one. A published text
 * is never changed; members must accept the new version before their health data is processed again.
 */
@Path("/admin/consent-documents")
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "privacy")
public class ConsentDocumentResource {

    @Inject
    ConsentService consents;

    @Context
    SecurityContext security;

    public record Publication(@NotBlank(message = "请指明文本种类") @Size(max = 30) String kind,
            @NotBlank(message = "请填写标题") @Size(max = 100, message = "标题最多100个字符") String title,
            @NotBlank(message = "请填写正文") @Size(max = 20_000, message = "正文最多20000个字符") String body) {
    }

    @GET
    @Operation(summary = "Every published version of one kind of document, newest first")
    public ApiResponse<List<ConsentDocument.DocumentView>> versions(@QueryParam("kind") String kind) {
        return ApiResponse.ok(consents.versions(kind));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a new version of a document (members accept it before further processing)")
    public ApiResponse<ConsentDocument.DocumentView> publish(@Valid @NotNull Publication publication) {
        return ApiResponse.ok(consents.publish(Caller.memberId(security), publication.kind(), publication.title(),
                publication.body()));
    }
}
