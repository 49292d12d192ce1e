package health.leiming.privacy;

import java.util.List;

/**
 * A member's consents: each current document with the version they accepted (null if none) and its
 * status (accepted, outdated: an earlier version accepted, withdrawn, not_given); and the required
 * kinds still to accept before health data can be recorded and read.
 */
public record ConsentsView(List<Item> documents, List<String> toAccept) {

    public record Item(ConsentDocument.DocumentView document, Integer acceptedVersion, String status) {
    }
}
