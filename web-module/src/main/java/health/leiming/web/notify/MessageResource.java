package health.leiming.web.notify;

import health.leiming.notify.MessageCenter;
import health.leiming.notify.MessageView;
import health.leiming.platform.Page;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import health.leiming.web.platform.PageParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in member's message centre (消息中心). Another member's message is a 404. */
@Path("/messages")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "notify")
public class MessageResource {

    @Inject
    MessageCenter messages;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The member's message centre, newest first, by kind")
    public ApiResponse<Page<MessageView>> list(@QueryParam("kind") String kind,
            @Valid @BeanParam PageParams paging) {
        var result = messages.list(Caller.memberId(security), kind, paging.request());
        return ApiResponse.ok(result);
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many messages are unread")
    public ApiResponse<Map<String, Long>> unreadCount() {
        return ApiResponse.ok(Map.of("count", messages.unreadCount(Caller.memberId(security))));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One message")
    public ApiResponse<MessageView> get(@PathParam("id") String id) {
        return ApiResponse.ok(messages.get(Caller.memberId(security), id));
    }

    @PUT
    @Path("/{id}/read")
    @Operation(summary = "Mark a message read")
    public ApiResponse<MessageView> markRead(@PathParam("id") String id) {
        return ApiResponse.ok(messages.markRead(Caller.memberId(security), id));
    }

    @PUT
    @Path("/read-all")
    @Operation(summary = "Mark every message read")
    public ApiResponse<Map<String, Integer>> markAllRead() {
        return ApiResponse.ok(Map.of("updated", messages.markAllRead(Caller.memberId(security))));
    }
}
