package health.leiming.web.console;

import health.leiming.member.AdminAuth;
import health.leiming.platform.BusinessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-in with the personal admin or operator account: the same login as the API (password, the
 * authenticator's code once enrolled, lock-out after repeated failures, audited), then a new session.
 */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    AdminAuth auth;

    @Inject
    @ConfigProperty(name = "leiming.console.idle-timeout", defaultValue = "PT15M")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "leiming.admin.totp-required", defaultValue = "true")
    boolean secondFactorRequired;

    private String username;
    private String password;
    private String otp;

    public void signIn() throws IOException {
        AdminAuth.AdminLogin login;
        try {
            login = auth.login(username, password, blankToNull(otp), null);
        } catch (BusinessException e) {
            Console.error(e.code().startsWith("OTP") ? "login:otp" : "login:password",
                    e.getMessage());
            return;
        }
        if (secondFactorRequired && !login.secondFactor()) {
            Console.error("login:otp", "请先在“我的账号”中绑定身份验证器，再登录控制台");
            return;
        }
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) context.getRequest();
        request.getSession(true);
        request.changeSessionId();
        ConsoleSession.signIn(request.getSession(), new ConsoleUser(login.adminId(), login.username(), login.name(),
                login.role()), (int) idleTimeout.toSeconds());
        context.redirect(context.getRequestContextPath() + "/console/index.xhtml");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getOtp() {
        return otp;
    }

    public void setOtp(String otp) {
        this.otp = otp;
    }
}
