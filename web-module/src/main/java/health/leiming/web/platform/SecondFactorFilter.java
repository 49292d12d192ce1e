package health.leiming.web.platform;

import health.leiming.member.AdminAccounts;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admins and operators work with a second factor: until their account has a confirmed authenticator,
 * their token opens only their own account's pages (/admin/me: enrol, change the password); anything
 * else answers 403 OTP_ENROLMENT_REQUIRED. leiming.admin.totp-required=false turns this off (tests).
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class SecondFactorFilter implements ContainerRequestFilter {

    @Inject
    AdminAccounts accounts;

    @Inject
    @ConfigProperty(name = "leiming.admin.totp-required", defaultValue = "true")
    boolean required;

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        Principal caller = security.getUserPrincipal();
        if (!required || caller == null) {
            return;
        }
        Set<String> groups = Caller.groups(security);
        if (!groups.contains("admin") && !groups.contains("operator")) {
            return;
        }
        String path = request.getUriInfo().getPath();
        path = path.startsWith("/") ? path.substring(1) : path;
        if (!path.startsWith("admin/me") && !accounts.hasSecondFactor(caller.getName())) {
            request.abortWith(Errors.of(403, "OTP_ENROLMENT_REQUIRED", "请先在“我的账号”中绑定身份验证器", null));
        }
    }
}
