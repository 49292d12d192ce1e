package health.leiming.web.platform;

import health.leiming.platform.RequestContext;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The envelope of every response, errors included, as the product document (section 5.2) promises
 * the mini-program: {success, code, message, data, timestamp, requestId}. {@code code} is numeric and
 * HTTP-like (200, 400, 401, 403, 404, 409, 429, 500, 503); {@code timestamp} is epoch milliseconds.
 * Our stable machine-readable reason for an error is {@code errorCode} ("SLOT_FULL"); {@code message}
 * is for people, in Chinese. See docs/api.md.
 */
@Schema(description = "统一响应信封")
public record ApiResponse<T>(
        @Schema(description = "是否成功", example = "true") boolean success,
        @Schema(description = "状态码，与HTTP状态一致：200、400、401、403、404、409、429、500、503", example = "200") int code,
        @Schema(description = "给人看的说明（中文）", example = "操作成功") String message,
        @Schema(description = "失败时稳定的机器可读原因，如 SLOT_FULL；成功时省略", example = "SLOT_FULL") String errorCode,
        @Schema(description = "数据；参数错误时为 {fields: [{field, message}]}") T data,
        @Schema(description = "服务器时间，epoch毫秒", example = "1764489600000") long timestamp,
        @Schema(description = "请求ID，也在响应头 X-Request-Id 中", example = "3f2b9c1e-...") String requestId) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, 200, "操作成功", null, data, System.currentTimeMillis(), RequestContext.requestId());
    }

    public static ApiResponse<Object> error(int status, String errorCode, String message, Object details) {
        return new ApiResponse<>(false, status, message, errorCode, details, System.currentTimeMillis(),
                RequestContext.requestId());
    }
}
