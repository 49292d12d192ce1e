package health.leiming.web.content;

import health.leiming.content.ArticleInput;
import health.leiming.content.ArticleView;
import health.leiming.content.KnowledgeBase;
import health.leiming.platform.Text;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Editing the knowledge base: write (content cleaned on the way in), publish, unpublish, delete. Admins only. */
@Path("/admin/knowledge")
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class KnowledgeAdminResource {

    @Inject
    KnowledgeBase knowledge;

    /** The editors' list; {@code status=published|draft}, {@code category} and {@code q} (in the title) narrow it. */
    @GET
    public ApiResponse<Page<ArticleView.Summary>> all(
            @QueryParam("status") @Pattern(regexp = "published|draft", message = "status只能是published或draft") String status,
            @QueryParam("category") String category,
            @QueryParam("q") @Size(max = 100, message = "搜索词最多100个字") String q,
            @QueryParam("page") @DefaultValue("1") @Min(value = 1, message = "页码从1开始") int page,
            @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "每页至少1条") @Max(value = 200, message = "每页最多200条") int size) {
        Boolean published = status == null ? null : status.equals("published");
        KnowledgeBase.Page<ArticleView.Summary> result = knowledge.all(published, Text.blankToNull(category), q, page,
                size);
        return ApiResponse.ok(new Page<>(result.items(), result.page(), result.size(), result.total()));
    }

    @POST
    public ApiResponse<ArticleView> create(@Valid @NotNull(message = "请提供文章内容") ArticleInput input) {
        return ApiResponse.ok(knowledge.create(input));
    }

    @PUT
    @Path("/{id}")
    public ApiResponse<ArticleView> update(@PathParam("id") String id, @Valid @NotNull(message = "请提供文章内容") ArticleInput input) {
        return ApiResponse.ok(knowledge.update(id, input));
    }

    @POST
    @Path("/{id}/publish")
    public ApiResponse<ArticleView> publish(@PathParam("id") String id) {
        return ApiResponse.ok(knowledge.publish(id));
    }

    @POST
    @Path("/{id}/unpublish")
    public ApiResponse<ArticleView> unpublish(@PathParam("id") String id) {
        return ApiResponse.ok(knowledge.unpublish(id));
    }

    @DELETE
    @Path("/{id}")
    public ApiResponse<Map<String, Boolean>> delete(@PathParam("id") String id) {
        knowledge.delete(id);
        return ApiResponse.ok(Map.of("deleted", true));
    }
}
