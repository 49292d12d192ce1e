package health.leiming.web.platform;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the error envelope responses, so that every mapper answers the same way. */
final class Errors {

    private Errors() {
    }

    static Response of(int status, String code, String message, Object details) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(ApiResponse.error(status, code, message, details))
                .build();
    }

    /** Yasson's "Json property {0} can not be mapped to a class {1}." (and its Chinese translation). */
    private static final java.util.regex.Pattern UNKNOWN_FIELD =
            java.util.regex.Pattern.compile("Json (?:property|\u5c5e\u6027) (\\S{1,80}) ");

    /**
     * A body that could not be read: 400 UNKNOWN_FIELD naming the field when JSON-B met one we do not
     * know, else 400 BAD_REQUEST. Nothing of the reader's message goes out but the field's name.
     */
    static Response unreadable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            java.util.regex.Matcher unknown = UNKNOWN_FIELD.matcher(String.valueOf(cause.getMessage()));
            if (unknown.find()) {
                String field = unknown.group(1);
                return of(400, "UNKNOWN_FIELD", "不认识的字段：" + field + "，请检查字段名",
                        java.util.Map.of("fields", java.util.List.of(java.util.Map.of("field", field,
                                "message", "不认识的字段"))));
            }
        }
        return of(400, "BAD_REQUEST", "请求内容格式不正确", null);
    }

    static Response of(BusinessException e) {
        int status = status(e.kind());
        Response.ResponseBuilder builder = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(ApiResponse.error(status, e.code(), e.getMessage(), null));
        if (e.retryAfterSeconds() != null) {
            builder.header("Retry-After", e.retryAfterSeconds());
        }
        if (e.kind() == ErrorKind.UNAUTHENTICATED) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    static int status(ErrorKind kind) {
        return switch (kind) {
            case BAD_REQUEST -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case GONE -> 410;
            case TOO_MANY_REQUESTS -> 429;
            case UNAVAILABLE -> 503;
        };
    }
}
