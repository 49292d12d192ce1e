package health.leiming.web.order;

import health.leiming.order.StaffTasks;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A companion's tasks (staff group): the day's list, and confirm, start on site, complete. */
@Path("/staff/tasks")
@RolesAllowed("staff")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "order")
public class StaffTaskResource {

    @Inject
    StaffTasks tasks;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The companion's tasks on a day")
    public ApiResponse<List<StaffTasks.Task>> day(@QueryParam("date") LocalDate date) {
        return ApiResponse.ok(tasks.tasks(Caller.memberId(security), date == null ? LocalDate.now(zone) : date));
    }

    @POST
    @Path("/{orderId}/confirm")
    @Operation(summary = "Accept a paid task")
    public ApiResponse<StaffTasks.Task> confirm(@PathParam("orderId") String orderId) {
        return ApiResponse.ok(tasks.confirm(Caller.memberId(security), orderId));
    }

    @POST
    @Path("/{orderId}/start")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check in on site with the member's code")
    public ApiResponse<StaffTasks.Task> start(@PathParam("orderId") String orderId, @Valid @NotNull StartRequest request) {
        return ApiResponse.ok(tasks.start(Caller.memberId(security), orderId, request.checkInCode()));
    }

    @POST
    @Path("/{orderId}/complete")
    @Operation(summary = "Complete a task")
    public ApiResponse<StaffTasks.Task> complete(@PathParam("orderId") String orderId) {
        return ApiResponse.ok(tasks.complete(Caller.memberId(security), orderId));
    }

    /** The check-in code the member shows on site. */
    public record StartRequest(@NotBlank(message = "请输入用户出示的签到码") String checkInCode) {
    }
}
