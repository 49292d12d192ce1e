package health.leiming.web.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Caps request bodies before they are read (leiming.api.max-body-bytes, 256 KiB by default): a larger
 * declared length, or a chunked body that turns out larger, answers 413 BODY_TOO_LARGE and nothing of
 * it is parsed.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class BodySizeFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "leiming.api.max-body-bytes", defaultValue = "262144")
    int maxBytes;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        int declared = request.getLength();
        if (declared > maxBytes) {
            refuse(request);
            return;
        }
        if (declared < 0 && request.hasEntity()) { // chunked: read at most one byte over the cap
            byte[] body = request.getEntityStream().readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                refuse(request);
                return;
            }
            request.setEntityStream(new ByteArrayInputStream(body));
        }
    }

    private void refuse(ContainerRequestContext request) {
        request.abortWith(Errors.of(413, "BODY_TOO_LARGE", "请求内容过大（最多" + maxBytes / 1024 + "KB）", null));
    }
}
