package health.leiming.it;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * A hospital's own FHIR R4 server over real HTTP (on a free port): it serves the resources a test puts
 * in it, two to a page with Bundle next links, only to the bearer token the server is configured with.
 * It keeps the requests, so that a test can see what the import asked.
 */
final class FakeHospitalFhir implements AutoCloseable {

    static final String TOKEN = "it-hospital-fhir-token";
    private static final int PAGE = 2;

    final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, List<Resource>> resources = new ConcurrentHashMap<>();
    private final HttpServer server;

    FakeHospitalFhir() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fhir/", this::answer);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    /** What the server holds of a type from now on. */
    void put(String type, List<? extends Resource> items) {
        resources.put(type, List.copyOf(items));
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestURI().toString());
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        String type = exchange.getRequestURI().getPath().substring("/fhir/".length());
        int page = Integer.parseInt(FakeHttp.query(exchange).getOrDefault("page", "1"));
        List<Resource> all = resources.getOrDefault(type, List.of());
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(all.size());
        all.stream().skip((long) (page - 1) * PAGE).limit(PAGE).forEach(r -> bundle.addEntry().setResource(r));
        if ((long) page * PAGE < all.size()) {
            bundle.addLink().setRelation("next").setUrl(baseUrl() + "/" + type + "?page=" + (page + 1));
        }
        byte[] body = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
