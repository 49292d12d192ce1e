package health.leiming.web.content;

import health.leiming.content.ArticleView;
import health.leiming.content.KnowledgeBase;
import health.leiming.platform.Text;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import health.leiming.web.platform.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

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
public class KnowledgeResource {

    @Inject
    KnowledgeBase knowledge;

    @Context
    SecurityContext security;

    @GET
    public ApiResponse<Page<ArticleView.Summary>> list(@QueryParam("category") String category,
            @QueryParam("tag") String tag, @QueryParam("q") String query,
            @QueryParam("page") @DefaultValue("1") @Min(value = 1, message = "页码从1开始") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "每页至少1条") @Max(value = 100, message = "每页最多100条") int size) {
        KnowledgeBase.Page<ArticleView.Summary> result = query != null && !query.isBlank()
                ? knowledge.search(query, page, size) : knowledge.published(Text.blankToNull(category), Text.blankToNull(tag), page, size);
        return ApiResponse.ok(new Page<>(result.items(), result.page(), result.size(), result.total()));
    }

    @GET
    @Path("/recommendations")
    public ApiResponse<List<ArticleView.Summary>> recommendations(
            @QueryParam("size") @DefaultValue("10") @Min(value = 1, message = "至少1条") @Max(value = 50, message = "最多50条") int size) {
        return ApiResponse.ok(knowledge.recommendedFor(Caller.memberId(security), size));
    }

    @GET
    @Path("/{id}")
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
    public ApiResponse<ArticleView> like(@PathParam("id") String id) {
        return ApiResponse.ok(knowledge.like(Caller.memberId(security), id));
    }

    @DELETE
    @Path("/{id}/like")
    public ApiResponse<ArticleView> unlike(@PathParam("id") String id) {
        return ApiResponse.ok(knowledge.unlike(Caller.memberId(security), id));
    }
}
