package health.leiming.web.platform;

import health.leiming.platform.ConsentKind;
import health.leiming.platform.Consents;
import health.leiming.privacy.ConsentDocument;
import health.leiming.privacy.ConsentService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses processing a member has not consented to: 403 CONSENT_REQUIRED, with the current version of
 * each document still to accept in data.missing ({kind, version, title}), so that the mini-program can
 * show them and post the acceptance.
 */
@ApplicationScoped
public class ConsentGate {

    @Inject
    Consents consents;

    @Inject
    ConsentService documents;

    /** The refusal, when the member lacks one of the consents. */
    public Optional<Response> refusal(String memberId, Set<ConsentKind> needed) {
        List<ConsentKind> missing = consents.missing(memberId, needed);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> toAccept = documents.current().stream()
                .filter(document -> missing.contains(ConsentKind.named(document.kind())))
                .map(ConsentGate::describe).toList();
        String titles = String.join("、", toAccept.stream().map(d -> "《" + d.get("title") + "》").toList());
        return Optional.of(Errors.of(403, "CONSENT_REQUIRED", "请先阅读并同意" + titles, Map.of("missing", toAccept)));
    }

    /** Throws the refusal (for checks that depend on the request's content). */
    public void require(String memberId, Set<ConsentKind> needed) {
        refusal(memberId, needed).ifPresent(response -> {
            throw new WebApplicationException(response);
        });
    }

    private static Map<String, Object> describe(ConsentDocument.DocumentView document) {
        return Map.of("kind", document.kind(), "version", document.version(), "title", document.title());
    }
}
