package health.leiming.web.member;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The cost ladder's first rung inside the application (bench/README.md): a plain servlet on the public
 * port, no JAX-RS, no filters of ours, no token; what the application's web container costs over
 * Liberty's /health/live. 404 unless leiming.bench.ladder=true (refused in production).
 */
@WebServlet(urlPatterns = "/bench/servlet")
public class BenchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] BODY = "{\"success\":true,\"code\":200}".getBytes(StandardCharsets.UTF_8);

    private boolean enabled;

    @Override
    public void init() {
        enabled = ConfigProvider.getConfig().getOptionalValue("leiming.bench.ladder", Boolean.class).orElse(false);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!enabled) {
            response.sendError(404);
            return;
        }
        response.setContentType("application/json");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
