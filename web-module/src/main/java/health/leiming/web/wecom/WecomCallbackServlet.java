package health.leiming.web.wecom;

import health.leiming.platform.Logs;
import health.leiming.wecom.WecomCallbacks;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * WeCom's callback URL, outside /api/v1 because WeCom speaks its own protocol: GET verifies the URL
 * (the decrypted echostr as plain text), POST delivers messages and events (stored, then processed
 * asynchronously; the answer is an empty 200 at once). Anything that fails a check gets 400 and
 * changes nothing.
 */
@WebServlet(urlPatterns = "/wecom/callback")
public class WecomCallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logs.get(WecomCallbackServlet.class);
    /** WeCom's messages are small; anything larger is not one of them. */
    private static final int MAX_BODY = 64 * 1024;

    @Inject
    transient WecomCallbacks callbacks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String echo = callbacks.verifyUrl(request.getParameter("msg_signature"), request.getParameter("timestamp"),
                    request.getParameter("nonce"), request.getParameter("echostr"));
            answer(response, 200, echo);
        } catch (WecomCallbacks.Rejected e) {
            refuse(response, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            refuse(response, new WecomCallbacks.Rejected("body over " + MAX_BODY + " bytes"));
            return;
        }
        try {
            callbacks.receive(request.getParameter("msg_signature"), request.getParameter("timestamp"),
                    request.getParameter("nonce"), new String(body, StandardCharsets.UTF_8));
            answer(response, 200, "");
        } catch (WecomCallbacks.Rejected e) {
            refuse(response, e);
        } catch (WecomCallbacks.AlreadyReceived e) {
            answer(response, 200, "");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "WeCom callback could not be stored; WeCom will retry it", e);
            answer(response, 500, "error");
        }
    }

    private static void refuse(HttpServletResponse response, WecomCallbacks.Rejected e) throws IOException {
        LOG.warning(() -> "WeCom callback refused: " + e.getMessage());
        answer(response, 400, "invalid");
    }

    private static void answer(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(text);
    }
}
