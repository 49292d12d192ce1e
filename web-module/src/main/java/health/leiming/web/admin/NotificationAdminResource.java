package health.leiming.web.admin;

import health.leiming.notify.Deliveries;
import health.leiming.notify.Delivery;
import health.leiming.notify.DeliveryView;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

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
public class NotificationAdminResource {

    @Inject
    Deliveries deliveries;

    @GET
    public ApiResponse<Page<DeliveryView>> list(@QueryParam("status") @DefaultValue("dead") String status,
            @QueryParam("page") @DefaultValue("1") @Min(value = 1, message = "页码从1开始") int page,
            @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "每页至少1条") @Max(value = 200, message = "每页最多200条") int size) {
        Deliveries.DeliveryPage result = deliveries.list(status(status), page, size);
        return ApiResponse.ok(new Page<>(result.items(), result.page(), result.size(), result.total()));
    }

    @GET
    @Path("/events/{eventId}")
    public ApiResponse<List<DeliveryView>> ofEvent(@PathParam("eventId") String eventId) {
        return ApiResponse.ok(deliveries.ofEvent(eventId));
    }

    @POST
    @Path("/{id}/replay")
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
