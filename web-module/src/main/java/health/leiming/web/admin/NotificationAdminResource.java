package health.leiming.web.admin;

import health.leiming.notify.Deliveries;
import health.leiming.notify.Delivery;
import health.leiming.notify.DeliveryView;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Page;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.PageParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Pushes outside the message centre (WeCom, subscribe messages, SMS) for admins: the dead letters
 * (failed after every retry, or refused) and their replay; the deliveries of one event. Addresses
 * and message texts are not shown.
 */
@Path("/admin/notifications")
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "notify")
public class NotificationAdminResource {

    @Inject
    Deliveries deliveries;

    @GET
    @Operation(summary = "Notification deliveries by status (dead letters by default)")
    public ApiResponse<Page<DeliveryView>> list(@QueryParam("status") @DefaultValue("dead") String status,
            @Valid @BeanParam PageParams paging) {
        var result = deliveries.list(status(status), paging.request());
        return ApiResponse.ok(result);
    }

    @GET
    @Path("/events/{eventId}")
    @Operation(summary = "The deliveries one business event caused")
    public ApiResponse<List<DeliveryView>> ofEvent(@PathParam("eventId") String eventId) {
        return ApiResponse.ok(deliveries.ofEvent(eventId));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Send a dead letter again")
    public ApiResponse<DeliveryView> replay(@PathParam("id") String id) {
        return ApiResponse.ok(deliveries.replay(id));
    }

    private static Delivery.Status status(String status) {
        try {
            return Delivery.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "DELIVERY_STATUS_UNKNOWN", "状态只能是pending、sent或dead");
        }
    }
}
