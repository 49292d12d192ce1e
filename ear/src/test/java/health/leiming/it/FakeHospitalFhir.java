package health.leiming.it;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A hospital's own FHIR R4 server over real HTTP (on a free port): it serves the resources a test puts
 * in it, two to a page with Bundle next links, only to the bearer token the server is configured with.
 * Patient searches honour {@code identifier}; DiagnosticReport searches with {@code _include} bring the
 * Observations the reports name, but ignore {@code patient} (every report comes, as from a careless
 * server: the import must keep to its own patient). It keeps the requests, so that a test can see what the
 * import asked.
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
        Map<String, String> query = FakeHttp.query(exchange);
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        List<Resource> all = resources.getOrDefault(type, List.of());
        if (query.containsKey("identifier")) {
            all = all.stream().filter(r -> r instanceof Patient p
                    && p.getIdentifier().stream().anyMatch(i -> query.get("identifier").equals(i.getValue()))).toList();
        }
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(all.size());
        all.stream().skip((long) (page - 1) * PAGE).limit(PAGE).forEach(r -> {
            bundle.addEntry().setResource(r).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
            if (r instanceof DiagnosticReport report && "DiagnosticReport:result".equals(query.get("_include"))) {
                for (Reference result : report.getResult()) {
                    resources.getOrDefault("Observation", List.of()).stream()
                            .filter(o -> result.getReference().equals("Observation/" + o.getIdElement().getIdPart()))
                            .forEach(o -> bundle.addEntry().setResource(o).getSearch().setMode(Bundle.SearchEntryMode.INCLUDE));
                }
            }
        });
        if ((long) page * PAGE < all.size()) {
            StringBuilder next = new StringBuilder(baseUrl() + "/" + type + "?page=" + (page + 1));
            query.forEach((k, v) -> {
                if (!k.equals("page")) {
                    next.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                }
            });
            bundle.addLink().setRelation("next").setUrl(next.toString());
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
