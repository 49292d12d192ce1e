package health.leiming.integration;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A hospital system's published public keys (its JWKS URL, SMART Backend Services): fetched over HTTP with
 * a short timeout, at most 64 KB, only from a 200 answer. What the keys are is for interop to check.
 */
@ApplicationScoped
public class KeySets {

    static final int MAX_BYTES = 64 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = JsonHttp.client();

    public String fetch(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "application/json")
                .GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("JWKS URL answered HTTP " + response.statusCode() + ": " + url);
            }
            if (response.body().length > MAX_BYTES) {
                throw new IllegalStateException("JWKS URL answered more than " + MAX_BYTES + " bytes: " + url);
            }
            return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("JWKS URL unreachable: " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted fetching " + url, e);
        }
    }
}
