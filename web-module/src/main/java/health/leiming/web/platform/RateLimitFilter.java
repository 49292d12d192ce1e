package health.leiming.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-client rate limit on the public API: beyond leiming.rate-limit.requests-per-minute a client gets
 * 429 with Retry-After; asking for SMS codes, member logins and admin logins have their own, stricter
 * limits on top. The client is who RequestIdFilter found behind the trusted proxies. WeChat Pay's
 * notifications are not limited: they come from a few WeChat addresses, carry their own signature,
 * and a refused one would only delay a member's payment.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "leiming.rate-limit.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "leiming.rate-limit.requests-per-minute", defaultValue = "300")
    int requestsPerMinute;

    @Inject
    @ConfigProperty(name = "leiming.rate-limit.sms-code-per-minute", defaultValue = "5")
    int smsCodesPerMinute;

    @Inject
    @ConfigProperty(name = "leiming.rate-limit.login-per-minute", defaultValue = "10")
    int loginsPerMinute;

    @Inject
    @ConfigProperty(name = "leiming.rate-limit.admin-login-per-minute", defaultValue = "5")
    int adminLoginsPerMinute;

    @Context
    HttpServletRequest servletRequest;

    private RateLimiter limiter;
    private RateLimiter smsCodes;
    private RateLimiter logins;
    private RateLimiter adminLogins;

    @PostConstruct
    void init() {
        limiter = new RateLimiter(requestsPerMinute);
        smsCodes = new RateLimiter(smsCodesPerMinute);
        logins = new RateLimiter(loginsPerMinute);
        adminLogins = new RateLimiter(adminLoginsPerMinute);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = ApiPaths.relative(request.getUriInfo().getPath());
        if (!enabled || path.startsWith("payments/wechat/")) {
            return;
        }
        String client = client();
        long now = System.nanoTime();
        long retryAfter = limiter.acquire(client, now);
        RateLimiter strict = strictLimiter(path, request.getMethod());
        if (retryAfter == 0 && strict != null) {
            retryAfter = strict.acquire(client, now);
        }
        if (retryAfter > 0) {
            Response refused = Errors.of(429, "RATE_LIMITED", "请求过于频繁，请稍后再试", null);
            request.abortWith(Response.fromResponse(refused).header("Retry-After", retryAfter).build());
        }
    }

    private RateLimiter strictLimiter(String path, String method) {
        if (!"POST".equals(method)) {
            return null;
        }
        return switch (path) {
            case "auth/sms-code" -> smsCodes;
            case "auth/login", "auth/wechat-login", "auth/wechat-phone" -> logins;
            case "admin/login" -> adminLogins;
            default -> null;
        };
    }

    private String client() {
        Object client = servletRequest.getAttribute(RequestIdFilter.CLIENT);
        return client instanceof String address ? address : servletRequest.getRemoteAddr();
    }
}
