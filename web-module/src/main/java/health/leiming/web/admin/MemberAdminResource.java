package health.leiming.web.admin;

import health.leiming.member.AdminMemberView;
import health.leiming.member.MemberAdmin;
import health.leiming.order.AdminOrders;
import health.leiming.order.OrderService;
import health.leiming.order.Refund;
import health.leiming.platform.Page;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import health.leiming.web.platform.PageParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Member management (会员管理), order search and after-sales refunds for admins. */
@Path("/admin")
@RolesAllowed({"admin", "operator"})
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "member")
public class MemberAdminResource {

    @Inject
    MemberAdmin members;

    @Inject
    AdminOrders orders;

    @Context
    SecurityContext security;

    @GET
    @Path("/members")
    @Operation(summary = "Search members by phone or name, status and level (phones masked)")
    public ApiResponse<Page<AdminMemberView>> members(@QueryParam("q") String q, @QueryParam("status") String status,
            @QueryParam("level") String level,
            @Valid @BeanParam PageParams paging) {
        var result = members.search(q, status, level, paging.request());
        return ApiResponse.ok(result);
    }

    @GET
    @Path("/members/{id}/orders")
    @Operation(summary = "A member's orders, newest first")
    public ApiResponse<Page<OrderService.OrderDetail>> memberOrders(@PathParam("id") String memberId,
            @Valid @BeanParam PageParams paging) {
        return ApiResponse.ok(orders.search(new AdminOrders.Filter(null, null, null, null, null, memberId), paging.request()));
    }

    @PUT
    @Path("/members/{id}/membership")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a member's membership level")
    public ApiResponse<AdminMemberView> membership(@PathParam("id") String memberId, @Valid @NotNull LevelRequest request) {
        return ApiResponse.ok(members.setLevel(Caller.memberId(security), memberId, request.level()));
    }

    @POST
    @Path("/members/{id}/suspend")
    @Operation(summary = "Suspend a member: their tokens stop working")
    public ApiResponse<AdminMemberView> suspend(@PathParam("id") String memberId) {
        return ApiResponse.ok(members.suspend(Caller.memberId(security), memberId));
    }

    @POST
    @Path("/members/{id}/reactivate")
    @Operation(summary = "Restore a suspended member")
    public ApiResponse<AdminMemberView> reactivate(@PathParam("id") String memberId) {
        return ApiResponse.ok(members.reactivate(Caller.memberId(security), memberId));
    }

    @GET
    @Path("/orders")
    @Operation(summary = "Search orders by status, appointment day, service, hospital, companion, member phone or number")
    public ApiResponse<Page<OrderService.OrderDetail>> orders(@QueryParam("status") String status,
            @QueryParam("date") LocalDate date, @QueryParam("serviceId") String serviceId,
            @QueryParam("hospitalId") String hospitalId, @QueryParam("phone") String phone,
            @QueryParam("staffId") String staffId, @QueryParam("orderNo") String orderNo,
            @Valid @BeanParam PageParams paging) {
        return ApiResponse.ok(orders.search(new AdminOrders.Filter(status, date, serviceId, hospitalId, phone, null,
                orderNo, staffId), paging.request()));
    }

    @POST
    @Path("/orders/{id}/refund")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "After-sales refund of (part of) a completed order")
    public ApiResponse<Refund.RefundView> refund(@PathParam("id") String orderId, @Valid @NotNull RefundRequest request) {
        return ApiResponse.ok(orders.refund(Caller.memberId(security), orderId, request.amount(), request.reason()));
    }


    public record RefundRequest(@NotNull(message = "请填写退款金额") @DecimalMin(value = "0.01", message = "退款金额须大于0")
            @Digits(integer = 8, fraction = 2, message = "金额最多两位小数") BigDecimal amount,
            @NotBlank(message = "请填写退款原因") @Size(max = 100, message = "原因最多100个字") String reason) {
    }

    public record LevelRequest(@NotBlank(message = "请选择会员等级") String level) {
    }
}
