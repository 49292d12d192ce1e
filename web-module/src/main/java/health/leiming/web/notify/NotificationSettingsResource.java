package health.leiming.web.notify;

import health.leiming.notify.NotificationSettings;
import health.leiming.notify.PreferencesView;
import health.leiming.notify.SubscriptionsView;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the signed-in member wants pushed and when (the message centre always gets everything), and
 * the subscribe-message templates they accepted in the mini-program.
 */
@Path("/messages")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "notify")
public class NotificationSettingsResource {

    @Inject
    NotificationSettings settings;

    @Context
    SecurityContext security;

    /** {kinds: {order: false, ...}, quietHours: {start: "22:00", end: "07:00"} or null to clear}. */
    public record PreferencesChange(Map<String, Boolean> kinds, QuietHours quietHours) {
    }

    public record QuietHours(String start, String end) {
    }

    /** {templateIds: [...]}: the templates the member accepted in wx.requestSubscribeMessage just now. */
    /** The template ids wx.requestSubscribeMessage answered "accept" for (a null in the list is a 400). */
    public record Acceptance(@Size(max = 20, message = "最多20个模板")
            List<@NotBlank(message = "模板编号不能为空") @Size(max = 64, message = "模板编号最多64个字符") String> templateIds) {
    }

    @GET
    @Path("/preferences")
    @Operation(summary = "Which kinds are pushed, and quiet hours")
    public ApiResponse<PreferencesView> preferences() {
        return ApiResponse.ok(settings.preferences(Caller.memberId(security)));
    }

    @PUT
    @Path("/preferences")
    @Operation(summary = "Change the push preferences and quiet hours")
    public ApiResponse<PreferencesView> change(PreferencesChange change) {
        PreferencesChange c = change == null ? new PreferencesChange(null, null) : change;
        return ApiResponse.ok(settings.change(Caller.memberId(security), c.kinds(),
                c.quietHours() == null ? null : c.quietHours().start(), c.quietHours() == null ? null : c.quietHours().end()));
    }

    @GET
    @Path("/subscriptions")
    @Operation(summary = "The subscribe-message templates and how many acceptances are left")
    public ApiResponse<SubscriptionsView> subscriptions() {
        return ApiResponse.ok(settings.subscriptions(Caller.memberId(security)));
    }

    @POST
    @Path("/subscriptions")
    @Operation(summary = "Record the templates the member accepted in wx.requestSubscribeMessage")
    public ApiResponse<SubscriptionsView> accept(@Valid Acceptance acceptance) {
        return ApiResponse.ok(settings.accept(Caller.memberId(security),
                acceptance == null ? null : acceptance.templateIds()));
    }
}
