package health.leiming.web.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own refusals (unknown route, wrong method, unreadable body, missing role) in our envelope. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return switch (status) {
            case 400 -> Errors.unreadable(e);
            case 401 -> Errors.of(401, "UNAUTHENTICATED", "请先登录", null);
            case 403 -> Errors.of(403, "FORBIDDEN", "没有权限执行此操作", null);
            case 404 -> Errors.of(404, "NOT_FOUND", "请求的资源不存在", null);
            case 405 -> Errors.of(405, "METHOD_NOT_ALLOWED", "不支持的请求方法", null);
            case 406 -> Errors.of(406, "NOT_ACCEPTABLE", "不支持的响应格式", null);
            case 415 -> Errors.of(415, "UNSUPPORTED_MEDIA_TYPE", "请使用 application/json 提交", null);
            default -> status >= 500
                    ? Errors.of(status, "INTERNAL_ERROR", "服务器开小差了，请稍后再试", null)
                    : Errors.of(status, "REQUEST_REFUSED", "请求无法处理", null);
        };
    }
}
