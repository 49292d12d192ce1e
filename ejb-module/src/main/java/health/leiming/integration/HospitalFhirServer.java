package health.leiming.integration;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * A hospital's own FHIR R4 server, read by the hospital-import job: a search, followed through its Bundle's
 * next links (at most {@link #MAX_PAGES} pages, on the same server only). Failures are
 * {@link IllegalStateException} naming the server's answer; the job records them and tries at its next run.
 */
@ApplicationScoped
public class HospitalFhirServer {

    static final int MAX_PAGES = 200;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = JsonHttp.client();

    /** Every resource of the search's pages (of the searched type and of any type it includes). */
    public List<Resource> search(String baseUrl, String bearerToken, String resourceType, Map<String, String> parameters) {
        String base = baseUrl.replaceAll("/+$", "");
        String query = parameters.entrySet().stream().map(e -> JsonHttp.encode(e.getKey()) + "=" + JsonHttp.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String url = base + "/" + resourceType + (query.isEmpty() ? "" : "?" + query);
        List<Resource> found = new ArrayList<>();
        for (int page = 0; url != null; page++) {
            if (page == MAX_PAGES) {
                throw new IllegalStateException("Hospital FHIR server: more than " + MAX_PAGES + " pages of " + resourceType);
            }
            Bundle bundle = get(url, bearerToken);
            bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(r -> r != null).forEach(found::add);
            Bundle.BundleLinkComponent next = bundle.getLink(Bundle.LINK_NEXT);
            url = next == null || next.getUrl() == null ? null : next.getUrl();
            if (url != null && !url.startsWith(base + "/") && !url.startsWith(base + "?")) { // not :12345 for :1234
                throw new IllegalStateException("Hospital FHIR server sent a next link to another server: "
                        + withoutQuery(url));
            }
        }
        return found;
    }

    private Bundle get(String url, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Accept", "application/fhir+json").GET();
        if (bearerToken != null && !bearerToken.isBlank()) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Hospital FHIR server answered HTTP " + response.statusCode() + " for "
                        + withoutQuery(url));
            }
            return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, response.body());
        } catch (DataFormatException | ClassCastException e) {
            throw new IllegalStateException("Hospital FHIR server sent no Bundle for " + withoutQuery(url) + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("Hospital FHIR server unreachable at " + withoutQuery(url) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted reading " + withoutQuery(url), e);
        }
    }

    /** A request's address for messages and logs: its query may name a patient (patient=, identifier=). */
    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
