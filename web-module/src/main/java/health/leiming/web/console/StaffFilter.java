package health.leiming.web.console;

import health.leiming.platform.ActiveAccounts;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guards the companions' page (/staff, opened inside WeCom). Without a signed-in companion the
 * browser goes to WeCom's OAuth page (企业微信网页授权, snsapi_base), which comes back to
 * /staff/login with a code and the state made here; /staff/login itself is open. A companion who
 * left (deactivated) is out at the next tap. POSTs carry the session's CSRF token, as in the console.
 */
@WebFilter(urlPatterns = "/staff/*")
public class StaffFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    ActiveAccounts accounts;

    @Inject
    @ConfigProperty(name = "leiming.wecom.oauth-authorize-url",
            defaultValue = "https://open.weixin.qq.com/connect/oauth2/authorize")
    String authorizeUrl;

    @Inject
    @ConfigProperty(name = "leiming.wecom.corp-id")
    Optional<String> corpId;

    @Inject
    @ConfigProperty(name = "leiming.wecom.agent-id")
    Optional<String> agentId;

    /** The address WeCom sends the companion back to; from the request when unset. */
    @Inject
    @ConfigProperty(name = "leiming.public-base-url")
    Optional<String> publicBaseUrl;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setCharacterEncoding("UTF-8");
        ConsoleFilter.secureHeaders(response);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        HttpSession session = request.getSession(false);
        if ("POST".equals(request.getMethod())
                && !ConsoleSession.csrfMatches(session, request.getParameter(ConsoleSession.CSRF_FIELD))) {
            ConsoleFilter.refuse(response, 403, "请求已失效（缺少或错误的安全令牌），请刷新页面后重试。", "/staff/");
            return;
        }
        if (path.equals("/staff/login")) {
            chain.doFilter(request, response);
            return;
        }
        StaffUser staff = ConsoleSession.staff(session);
        if (staff != null && !accounts.isActive(staff.staffId(), Set.of("staff"))) {
            session.invalidate();
            ConsoleFilter.refuse(response, 403, "您的服务人员账号已停用，请联系管理员。", "/staff/");
            return;
        }
        if (staff == null) {
            if (corpId.isEmpty()) {
                ConsoleFilter.refuse(response, 503, "企业微信登录暂未开通，请联系管理员。", "/staff/");
                return;
            }
            String state = ConsoleSession.newOAuthState(request.getSession(true));
            String back = publicBaseUrl.map(u -> u.replaceAll("/+$", "")).orElseGet(() -> request.getRequestURL()
                    .substring(0, request.getRequestURL().length() - request.getRequestURI().length())
                    + request.getContextPath()) + "/staff/login";
            response.sendRedirect(authorizeUrl + "?appid=" + encode(corpId.get()) + "&redirect_uri=" + encode(back)
                    + "&response_type=code&scope=snsapi_base&state=" + state
                    + agentId.map(id -> "&agentid=" + encode(id)).orElse("") + "#wechat_redirect");
            return;
        }
        if (path.equals("/staff/") || path.equals("/staff")) { // the address in the WeCom workbench's menu
            response.sendRedirect(request.getContextPath() + "/staff/index.xhtml");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
