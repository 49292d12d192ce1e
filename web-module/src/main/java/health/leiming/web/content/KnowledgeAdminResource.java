package health.leiming.web.content;

import health.leiming.content.ArticleInput;
import health.leiming.content.ArticleView;
import health.leiming.content.KnowledgeBase;
import health.leiming.platform.Page;
import health.leiming.platform.Text;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.PageParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Editing the knowledge base: write (content cleaned on the way in), publish, unpublish, delete. Admins only. */
@Path("/admin/knowledge")
@RolesAllowed({"admin", "operator"})
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "content")
public class KnowledgeAdminResource {

    @Inject
    KnowledgeBase knowledge;

    /** The editors' list; {@code status=published|draft}, {@code category} and {@code q} (in the title) narrow it. */
    @GET
    @Operation(summary = "All articles, drafts included, for editors")
    public ApiResponse<Page<ArticleView.Summary>> all(
            @QueryParam("status") @Pattern(regexp = "published|draft", message = "status只能是published或draft") String status,
            @QueryParam("category") String category,
            @QueryParam("q") @Size(max = 100, message = "搜索词最多100个字") String q,
            @Valid @BeanParam PageParams paging) {
        Boolean published = status == null ? null : status.equals("published");
        var result = knowledge.all(published, Text.blankToNull(category), q, paging.request());
        return ApiResponse.ok(result);
    }

    @POST
    @Operation(summary = "Write a draft article (rich text is cleaned)")
    public ApiResponse<ArticleView> create(@Valid @NotNull(message = "请提供文章内容") ArticleInput input) {
        return ApiResponse.ok(knowledge.create(input));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change an article")
    public ApiResponse<ArticleView> update(@PathParam("id") String id, @Valid @NotNull(message = "请提供文章内容") ArticleInput input) {
        return ApiResponse.ok(knowledge.update(id, input));
    }

    @POST
    @Path("/{id}/publish")
    @Operation(summary = "Publish an article")
    public ApiResponse<ArticleView> publish(@PathParam("id") String id) {
        return ApiResponse.ok(knowledge.publish(id));
    }

    @POST
    @Path("/{id}/unpublish")
    @Operation(summary = "Take an article back to draft")
    public ApiResponse<ArticleView> unpublish(@PathParam("id") String id) {
        return ApiResponse.ok(knowledge.unpublish(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an article")
    public ApiResponse<Map<String, Boolean>> delete(@PathParam("id") String id) {
        knowledge.delete(id);
        return ApiResponse.ok(Map.of("deleted", true));
    }
}
