package health.leiming.web.console;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.wecom.StaffAuth;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where WeCom sends a companion back with the OAuth code: the state must be the one this browser's
 * session was given (no one can sign a companion in with a code they obtained elsewhere), the code
 * is exchanged with the same StaffAuth the API uses (active staff only), and a new session begins.
 */
@WebServlet(urlPatterns = "/staff/login")
public class StaffLoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffAuth auth;

    @Inject
    @ConfigProperty(name = "leiming.staff.idle-timeout", defaultValue = "PT12H")
    Duration idleTimeout;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (!ConsoleSession.oauthStateMatches(session, request.getParameter("state"))) {
            ConsoleFilter.refuse(response, 403, "登录链接已失效，请从企业微信工作台重新进入。", "/staff/");
            return;
        }
        StaffAuth.StaffLogin login;
        try {
            login = auth.login(request.getParameter("code"));
        } catch (BusinessException e) {
            ConsoleFilter.refuse(response, e.kind() == ErrorKind.FORBIDDEN ? 403 : e.kind() == ErrorKind.UNAVAILABLE ? 503 : 401,
                    e.getMessage(), "/staff/");
            return;
        }
        request.changeSessionId();
        ConsoleSession.signIn(request.getSession(), new StaffUser(login.staffId(), login.name()),
                (int) idleTimeout.toSeconds());
        response.sendRedirect(request.getContextPath() + "/staff/index.xhtml");
    }
}
