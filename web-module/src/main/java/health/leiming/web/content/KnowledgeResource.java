package health.leiming.web.content;

import health.leiming.content.ArticleView;
import health.leiming.content.KnowledgeBase;
import health.leiming.platform.Page;
import health.leiming.platform.Text;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import health.leiming.web.platform.PageParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The knowledge base for members (知识库): published articles by category or tag, search, one
 * article (with an ETag: an unchanged article answers 304), likes, and recommendations from the
 * member's health tags and recent readings.
 */
@Path("/knowledge")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "content")
public class KnowledgeResource {

    @Inject
    KnowledgeBase knowledge;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Published articles by category or tag, or searched by words")
    public ApiResponse<Page<ArticleView.Summary>> list(@QueryParam("category") String category,
            @QueryParam("tag") String tag, @QueryParam("q") String query,
            @Valid @BeanParam PageParams paging) {
        var result = query != null && !query.isBlank()
                ? knowledge.search(query, paging.request()) : knowledge.published(Text.blankToNull(category), Text.blankToNull(tag), paging.request());
        return ApiResponse.ok(result);
    }

    @GET
    @Path("/recommendations")
    @Operation(summary = "Articles recommended for the member's health tags and recent readings")
    public ApiResponse<List<ArticleView.Summary>> recommendations(
            @QueryParam("size") @DefaultValue("10") @Min(value = 1, message = "至少1条") @Max(value = 50, message = "最多50条") int size) {
        return ApiResponse.ok(knowledge.recommendedFor(Caller.memberId(security), size));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One published article (ETag; counts a view)")
    @APIResponse(responseCode = "200", description = "The envelope; data: the article, with an ETag header",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "304", description = "The article has not changed since the ETag sent in If-None-Match")
    public Response get(@PathParam("id") String id, @Context HttpHeaders headers) {
        String memberId = Caller.memberId(security);
        String match = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoCache(true); // may be kept, but asked again each time (If-None-Match)
        if (match != null && match.equals(knowledge.etag(id))) {
            return Response.notModified().header(HttpHeaders.ETAG, match).cacheControl(cache).build();
        }
        KnowledgeBase.Read read = knowledge.read(memberId, id);
        return Response.ok(ApiResponse.ok(read.article())).header(HttpHeaders.ETAG, read.etag()).cacheControl(cache).build();
    }

    @POST
    @Path("/{id}/like")
    @Operation(summary = "Like an article (once per member)")
    public ApiResponse<ArticleView> like(@PathParam("id") String id) {
        return ApiResponse.ok(knowledge.like(Caller.memberId(security), id));
    }

    @DELETE
    @Path("/{id}/like")
    @Operation(summary = "Take a like back")
    public ApiResponse<ArticleView> unlike(@PathParam("id") String id) {
        return ApiResponse.ok(knowledge.unlike(Caller.memberId(security), id));
    }
}
