package health.leiming.web.chat;

import health.leiming.member.TokenVerifier;
import health.leiming.notify.Chat;
import health.leiming.notify.ChatMessageView;
import health.leiming.platform.Page;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import health.leiming.web.platform.PageParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The chat of an order by REST: its history (newest first, paged) for the member, the assigned
 * companion and admins; sending for the two parties (when a WebSocket is not at hand). Anyone else
 * gets a 404.
 */
@Path("/orders/{orderId}/chat")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "notify")
public class ChatResource {

    @Inject
    Chat chat;

    @Context
    SecurityContext security;

    public record Send(String content) {
    }

    @GET
    @RolesAllowed({"member", "staff", "admin", "operator"})
    @Operation(summary = "An order's chat history, newest first (member, assigned companion; admins read)")
    public ApiResponse<Page<ChatMessageView>> history(@PathParam("orderId") String orderId,
            @Valid @BeanParam PageParams paging) {
        var result = chat.history(chat.party(caller(), orderId), paging.request());
        return ApiResponse.ok(result);
    }

    @POST
    @RolesAllowed({"member", "staff"})
    @Operation(summary = "Send a chat message on an order (member or assigned companion)")
    public ApiResponse<ChatMessageView> send(@PathParam("orderId") String orderId, Send message) {
        return ApiResponse.ok(chat.send(chat.party(caller(), orderId), message == null ? null : message.content()));
    }

    private TokenVerifier.Bearer caller() {
        return new TokenVerifier.Bearer(Caller.memberId(security), Caller.groups(security));
    }
}
