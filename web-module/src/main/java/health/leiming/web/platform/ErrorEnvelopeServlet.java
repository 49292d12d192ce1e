package health.leiming.web.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of the web module (web.xml): an error the container itself answers (a request it
 * refuses before any resource runs) goes out in the envelope, with no exception text or stack.
 */
@WebServlet(urlPatterns = "/error")
public class ErrorEnvelopeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number && number >= 400 ? number : 404; // not an error dispatch: nothing here
        String[] reason = switch (status) {
            case 400 -> new String[] {"BAD_REQUEST", "请求内容格式不正确"};
            case 401 -> new String[] {"UNAUTHENTICATED", "请先登录"};
            case 403 -> new String[] {"FORBIDDEN", "没有权限执行此操作"};
            case 404 -> new String[] {"NOT_FOUND", "请求的资源不存在"};
            case 405 -> new String[] {"METHOD_NOT_ALLOWED", "不支持的请求方法"};
            default -> status < 500 ? new String[] {"REQUEST_REFUSED", "请求无法处理"}
                    : new String[] {"INTERNAL_ERROR", "服务器开小差了，请稍后再试"};
        };
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JsonConfig.JSONB.toJson(ApiResponse.error(status, reason[0], reason[1], null)));
    }
}
