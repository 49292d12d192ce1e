package health.leiming.web.console;

import health.leiming.platform.ActiveAccounts;
import health.leiming.platform.AuditTrail;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;

/**
 * Guards the console. Every answer gets headers that forbid framing, foreign scripts and caching.
 * The sign-in page is open; every other page needs a signed-in account that is still active (a
 * disabled operator is out at the next click), and pages under /console/admin/ need an admin. Every
 * POST must carry the session's CSRF token (ConsoleSession.CSRF_FIELD); without it nothing runs and
 * the answer is 403. A request without a session (a member's token changes nothing here) goes to
 * the sign-in page, which says so when the session had ended.
 */
@WebFilter(urlPatterns = "/console/*")
public class ConsoleFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String LOGIN = "/console/login.xhtml";

    @Inject
    ActiveAccounts accounts;

    @Inject
    AuditTrail audit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setCharacterEncoding("UTF-8"); // forms post UTF-8; read before any parameter is
        secureHeaders(response);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        HttpSession session = request.getSession(false);
        if ("POST".equals(request.getMethod())
                && !ConsoleSession.csrfMatches(session, request.getParameter(ConsoleSession.CSRF_FIELD))) {
            ConsoleUser user = ConsoleSession.user(session);
            if (user != null) {
                audit.queue(user.id(), user.role(), null, "CONSOLE POST " + shortPath(path), null, AuditTrail.DENIED);
            }
            refuse(response, 403, "请求已失效（缺少或错误的安全令牌），请刷新页面后重试。", "/console/index.xhtml");
            return;
        }
        if (path.equals(LOGIN) || path.equals("/console/login")) {
            chain.doFilter(request, response);
            return;
        }
        ConsoleUser user = ConsoleSession.user(session);
        if (user == null) {
            boolean ended = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
            response.sendRedirect(request.getContextPath() + LOGIN + (ended ? "?expired=true" : ""));
            return;
        }
        if (!accounts.isActive(user.id(), Set.of(user.role()))) {
            session.invalidate();
            response.sendRedirect(request.getContextPath() + LOGIN + "?disabled=true");
            return;
        }
        if (path.equals("/console/") || path.equals("/console")) { // the address people type or bookmark
            response.sendRedirect(request.getContextPath() + "/console/index.xhtml");
            return;
        }
        if (path.startsWith("/console/admin/") && !user.admin()) {
            audit.queue(user.id(), user.role(), null, "CONSOLE GET " + shortPath(path), null, AuditTrail.DENIED);
            refuse(response, 403, "该页面仅限管理员访问。", "/console/index.xhtml");
            return;
        }
        chain.doFilter(request, response);
    }

    /** No framing, no scripts or styles from elsewhere, no caching of pages with personal data. */
    static void secureHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self';"
                + " img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }

    private static String shortPath(String path) {
        return path.length() <= 45 ? path : path.substring(0, 45);
    }

    /** A plain Chinese page with a way back; no detail of why beyond what the user can act on. */
    static void refuse(HttpServletResponse response, int status, String message, String back) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><meta name=\"viewport\""
                + " content=\"width=device-width, initial-scale=1\"><title>无法访问</title></head><body><h1 id=\"refused\">"
                + (status == 403 ? "无法访问" : "请求被拒绝") + "</h1><p>" + message
                + "</p><p><a href=\"" + back + "\">返回首页</a></p></body></html>");
    }
}
