package health.leiming.integration;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls to outside JSON APIs (WeChat, WeCom): one client setup, one way to send and read the
 * answer, and failures as {@link IllegalStateException} for the fault-tolerance around the callers.
 */
public final class JsonHttp {

    private JsonHttp() {
    }

    /** HTTP/1.1 (no h2c upgrade attempts on plain http), 3 s to connect. */
    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3))
                .build();
    }

    /** Sends with a 5 s timeout and reads a JSON object from a 200 answer. */
    public static JsonObject send(HttpClient client, HttpRequest.Builder request, String service) {
        return send(client, request, service, Duration.ofSeconds(5));
    }

    /** Sends with the given timeout and reads a JSON object from a 200 answer. */
    public static JsonObject send(HttpClient client, HttpRequest.Builder request, String service, Duration timeout) {
        try {
            HttpResponse<String> response = client.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(service + " answered HTTP " + response.statusCode());
            }
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new IllegalStateException(service + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted calling " + service, e);
        }
    }

    public static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
