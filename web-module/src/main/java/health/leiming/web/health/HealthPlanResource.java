package health.leiming.web.health;

import health.leiming.health.GlucoseContext;
import health.leiming.health.HealthPlanService;
import health.leiming.health.MeasurementType;
import health.leiming.health.PlanGoal;
import health.leiming.health.PlanView;
import health.leiming.platform.ConsentKind;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import health.leiming.web.platform.RequiresConsent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Health plans (计划管理) of the member or a family member (personId), with their adherence. */
@RequiresConsent({ConsentKind.privacy_policy, ConsentKind.health_data})
@Path("/health/plans")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "health")
public class HealthPlanResource {

    @Inject
    HealthPlanService plans;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a health plan (goal, target, start date)")
    public ApiResponse<PlanView> create(@QueryParam("personId") String personId, @Valid @NotNull PlanRequest request) {
        PlanGoal goal = new PlanGoal(PlanGoal.Kind.valueOf(request.kind()), MeasurementType.parse(request.type()),
                request.target(), request.context() == null ? null : GlucoseContext.parse(request.context()));
        return ApiResponse.ok(plans.create(Caller.memberId(security), personId, request.title(), goal,
                request.startDate()));
    }

    @GET
    @Operation(summary = "The plans of the member or a family member")
    public ApiResponse<List<PlanView>> list(@QueryParam("personId") String personId) {
        return ApiResponse.ok(plans.list(Caller.memberId(security), personId));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One plan with its progress")
    public ApiResponse<PlanView> get(@PathParam("id") String id) {
        return ApiResponse.ok(plans.get(Caller.memberId(security), id));
    }

    @PUT
    @Path("/{id}/{action: pause|resume|end}")
    @Operation(summary = "Pause, resume or end a plan")
    public ApiResponse<PlanView> change(@PathParam("id") String id, @PathParam("action") String action) {
        return ApiResponse.ok(plans.change(Caller.memberId(security), id, action));
    }

    /**
     * A goal: measure (target readings a day), keep_below (every reading under target), reach (a
     * reading at or above target, e.g. steps).
     */
    public record PlanRequest(
            @NotBlank(message = "请填写计划名称") @Size(max = 100, message = "计划名称最多100个字符") String title,
            @NotNull(message = "请选择计划类型") @Pattern(regexp = "measure|keep_below|reach",
                    message = "计划类型只能是 measure、keep_below 或 reach") String kind,
            @NotBlank(message = "请选择健康数据类型") String type,
            @NotNull(message = "请填写目标值") @Positive(message = "目标值必须大于0") BigDecimal target,
            String context,
            LocalDate startDate) {
    }
}
