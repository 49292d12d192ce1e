package health.leiming.web.order;

import health.leiming.integration.WechatPay;
import health.leiming.order.OrderService;
import health.leiming.order.Payments;
import health.leiming.order.Review;
import health.leiming.order.Reviews;
import health.leiming.platform.Page;
import health.leiming.web.platform.ApiResponse;
import health.leiming.web.platform.Caller;
import health.leiming.web.platform.PageParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The member's orders (with their appointments): list by status, details with history, cancel. */
@Path("/orders")
@RolesAllowed("member")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "order")
public class OrderResource {

    @Inject
    OrderService orders;

    @Inject
    Payments payments;

    @Inject
    Reviews reviews;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "The member's orders, newest first, by status")
    public ApiResponse<Page<OrderService.OrderDetail>> mine(@QueryParam("status") String status,
            @Valid @BeanParam PageParams paging) {
        var result = orders.mine(Caller.memberId(security), status, paging.request());
        return ApiResponse.ok(result);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One order with its appointment, history and refund")
    public ApiResponse<OrderService.OrderDetail> get(@PathParam("id") String id) {
        return ApiResponse.ok(orders.get(Caller.memberId(security), id));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel an order (a paid one is refunded by the refund policy)")
    public ApiResponse<OrderService.OrderDetail> cancel(@PathParam("id") String id, @Valid CancelRequest request) {
        return ApiResponse.ok(orders.cancel(Caller.memberId(security), id, request == null ? null : request.reason()));
    }

    @POST
    @Path("/{id}/pay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pay an order with WeChat Pay: the parameters for wx.requestPayment")
    public ApiResponse<WechatPay.JsapiPayment> pay(@PathParam("id") String id, @Valid PayRequest request) {
        return ApiResponse.ok(payments.pay(Caller.memberId(security), id, request == null ? null : request.openid()));
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Review a completed order (1-5 stars, tags, text)")
    public ApiResponse<Review.ReviewView> review(@PathParam("id") String id, @Valid @NotNull ReviewRequest request) {
        return ApiResponse.ok(reviews.review(Caller.memberId(security), id, request.rating(), request.content(),
                request.tags()));
    }

    /** A rating of 1 to 5 stars, optional text and tags. */
    public record ReviewRequest(@NotNull(message = "请选择评分") @Min(value = 1, message = "评分须为1到5星")
            @Max(value = 5, message = "评分须为1到5星") Integer rating,
            @Size(max = 1000, message = "评价最多1000个字") String content,
            @Size(max = 5, message = "最多选择5个标签") List<@Size(max = 20, message = "标签最多20个字") String> tags) {
    }

    /** The payer's openid, for members who have not logged in with WeChat yet. */
    public record PayRequest(@Size(max = 64, message = "openid 过长") String openid) {
    }

    public record CancelRequest(@Size(max = 200, message = "原因最多200个字") String reason) {
    }
}
