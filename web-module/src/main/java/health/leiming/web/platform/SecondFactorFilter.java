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
import java.util.function.BooleanSupplier;
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
        if (enrolmentRequired(Caller.groups(security), request.getUriInfo().getPath(),
                () -> accounts.hasSecondFactor(caller.getName()))) {
            request.abortWith(Errors.of(403, "OTP_ENROLMENT_REQUIRED", "请先在“我的账号”中绑定身份验证器", null));
        }
    }

    /**
     * Whether an admin or operator must enrol a second factor before this request: everywhere but their
     * own account (admin/me and below, where they enrol). Members and staff are never asked.
     */
    static boolean enrolmentRequired(Set<String> groups, String path, BooleanSupplier hasSecondFactor) {
        if (!groups.contains("admin") && !groups.contains("operator")) {
            return false;
        }
        return !ApiPaths.under(ApiPaths.relative(path), "admin/me") && !hasSecondFactor.getAsBoolean();
    }
}
