package health.leiming.web.platform;

import health.leiming.platform.RequestContext;
import java.time.Instant;

/**
 * The envelope of every response, errors included: {success, code, message, data, timestamp, requestId}.
 * {@code code} is stable and machine-readable; {@code message} is for people.
 */
public record ApiResponse<T>(boolean success, String code, String message, T data, Instant timestamp,
        String requestId) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, "OK", "操作成功", data, Instant.now(), RequestContext.requestId());
    }

    public static ApiResponse<Object> error(String code, String message, Object details) {
        return new ApiResponse<>(false, code, message, details, Instant.now(), RequestContext.requestId());
    }
}
