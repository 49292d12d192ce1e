package health.leiming.web.notify;

import health.leiming.notify.MessageCenter;
import health.leiming.notify.MessagePage;
import health.leiming.notify.MessageView;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import health.leiming.web.platform.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The signed-in member's message centre (消息中心). Another member's message is a 404. */
@Path("/messages")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class MessageResource {

    @Inject
    MessageCenter messages;

    @Context
    SecurityContext security;

    @GET
    public ApiResponse<Page<MessageView>> list(@QueryParam("kind") String kind,
            @QueryParam("page") @DefaultValue("1") @Min(value = 1, message = "页码从1开始") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "每页至少1条") @Max(value = 100, message = "每页最多100条") int size) {
        MessagePage result = messages.list(Caller.memberId(security), kind, page, size);
        return ApiResponse.ok(new Page<>(result.items(), result.page(), result.size(), result.total()));
    }

    @GET
    @Path("/unread-count")
    public ApiResponse<Map<String, Long>> unreadCount() {
        return ApiResponse.ok(Map.of("count", messages.unreadCount(Caller.memberId(security))));
    }

    @GET
    @Path("/{id}")
    public ApiResponse<MessageView> get(@PathParam("id") String id) {
        return ApiResponse.ok(messages.get(Caller.memberId(security), id));
    }

    @PUT
    @Path("/{id}/read")
    public ApiResponse<MessageView> markRead(@PathParam("id") String id) {
        return ApiResponse.ok(messages.markRead(Caller.memberId(security), id));
    }

    @PUT
    @Path("/read-all")
    public ApiResponse<Map<String, Integer>> markAllRead() {
        return ApiResponse.ok(Map.of("updated", messages.markAllRead(Caller.memberId(security))));
    }
}
