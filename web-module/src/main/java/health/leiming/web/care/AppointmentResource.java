package health.leiming.web.care;

import health.leiming.care.Booking;
import health.leiming.care.BookingRequest;
import health.leiming.care.SlotsView;
import health.leiming.order.BookingView;
import health.leiming.order.Checkout;
import health.leiming.platform.Text;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Booking (seed 5.3.3): a service's slots on a day, and booking one for the member or a family member. */
@Path("/appointments")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "care")
public class AppointmentResource {

    @Inject
    Booking booking;

    @Inject
    Checkout checkout;

    @Context
    SecurityContext security;

    @GET
    @Path("/available-slots")
    @Operation(summary = "A service's bookable slots on a day (seed 5.3.3)")
    public ApiResponse<SlotsView> slots(@QueryParam("serviceId") @NotBlank(message = "请选择服务") String serviceId,
            @QueryParam("date") @NotNull(message = "请选择日期") LocalDate date,
            @QueryParam("hospitalId") String hospitalId) {
        return ApiResponse.ok(booking.availableSlots(serviceId, date, Text.blankToNull(hospitalId)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Book a slot for the member or a family member: an order to pay (seed 5.3.3)")
    public ApiResponse<BookingView> book(@Valid @NotNull BookRequest request) {
        return ApiResponse.ok(checkout.book(Caller.memberId(security), new BookingRequest(request.serviceId(),
                request.scheduledTime(), Text.blankToNull(request.personId()), Text.blankToNull(request.hospitalId()),
                request.contactPerson(), request.contactPhone(), request.notes())));
    }

    /** The seed's booking request, plus the person it is for and the hospital (both optional). */
    public record BookRequest(
            @NotBlank(message = "请选择服务") String serviceId,
            @NotNull(message = "请选择预约时间") Instant scheduledTime,
            String personId,
            String hospitalId,
            @NotBlank(message = "请填写联系人") @Size(max = 50, message = "联系人最多50个字") String contactPerson,
            @NotBlank(message = "请填写联系电话") @Pattern(regexp = "1[3-9]\\d{9}", message = "请填写正确的手机号码") String contactPhone,
            @Size(max = 500, message = "备注最多500个字") String notes) {
    }
}
