package health.leiming.web.platform;

import health.leiming.platform.RequestContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives every request an id: the caller's X-Request-Id when it is a sensible token, else a new one.
 * It is echoed in the response header, put in the envelope, and stamped on every log line. It also
 * settles who the client is (ClientAddresses, behind leiming.http.trusted-proxies), once, for the rate
 * limits, the caps and the audit.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestIdFilter extends HttpFilter {

    public static final String HEADER = "X-Request-Id";
    /** The request attribute that holds the client's address. */
    public static final String CLIENT = "leiming.client";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final long serialVersionUID = 1L;

    @Inject
    @ConfigProperty(name = "leiming.http.trusted-proxies", defaultValue = " ")
    transient String trustedProxies;

    private transient volatile ClientAddresses clients;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String incoming = request.getHeader(HEADER);
        String requestId = incoming != null && ACCEPTABLE.matcher(incoming).matches()
                ? incoming
                : "req_" + UUID.randomUUID().toString().replace("-", "");
        if (clients == null) {
            clients = ClientAddresses.trusting(trustedProxies);
        }
        String client = clients.client(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
        request.setAttribute(CLIENT, client);
        RequestContext.begin(requestId, client);
        response.setHeader(HEADER, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            RequestContext.end();
        }
    }
}
