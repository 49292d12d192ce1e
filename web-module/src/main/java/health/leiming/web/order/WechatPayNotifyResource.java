package health.leiming.web.order;

import health.leiming.integration.WechatPay;
import health.leiming.order.PaymentRecords;
import health.leiming.order.Payments;
import health.leiming.platform.Logs;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * WeChat Pay's payment and refund notifications. Answered in WeChat Pay's own shape, not our
 * envelope: 200 {"code":"SUCCESS"} when applied (or already applied before), an error status with
 * {"code":"FAIL"} otherwise, so that WeChat Pay repeats what could not be applied and gives up on
 * what was forged.
 */
@Path("/payments/wechat/notify")
@PermitAll
@ApplicationScoped
@Tag(name = "order")
public class WechatPayNotifyResource {

    private static final Logger LOG = Logs.get(WechatPayNotifyResource.class);

    @Inject
    Payments payments;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "WeChat Pay's payment and refund notifications (verified, applied once)")
    @APIResponse(responseCode = "200", description = "Applied (or applied before): WeChat Pay's own answer format",
            content = @Content(schema = @Schema(implementation = NotifyAnswer.class)))
    @APIResponse(responseCode = "400", description = "Not verified or not applicable (FAIL): WeChat Pay repeats it later",
            content = @Content(schema = @Schema(implementation = NotifyAnswer.class)))
    public Response notify(@HeaderParam("Wechatpay-Timestamp") String timestamp,
            @HeaderParam("Wechatpay-Nonce") String nonce, @HeaderParam("Wechatpay-Signature") String signature,
            @HeaderParam("Wechatpay-Serial") String serial, String body) {
        try {
            payments.notified(timestamp, nonce, signature, serial, body == null ? "" : body);
            return answer(200, "SUCCESS", "成功");
        } catch (WechatPay.ForgedNotification e) {
            LOG.warning(() -> "WeChat Pay notification refused: " + e.getMessage());
            return answer(401, "FAIL", "验签失败");
        } catch (PaymentRecords.AmountMismatch e) {
            LOG.severe(() -> "WeChat Pay notification not applied: " + e.getMessage());
            return answer(400, "FAIL", "金额不符");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "WeChat Pay notification could not be applied; WeChat Pay will repeat it", e);
            return answer(500, "FAIL", "处理失败");
        }
    }

    private static Response answer(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("code", code).add("message", message).build().toString()).build();
    }

    /** What WeChat Pay expects back: {"code": "SUCCESS"|"FAIL", "message"}. */
    public record NotifyAnswer(String code, String message) {
    }
}
