package health.leiming.privacy;

import java.util.List;

/**
 * A member's consents: each current document with the version they accepted (null if none) and its
 * status (accepted, outdated: an earlier version accepted, withdrawn, not_given); and the required
 * kinds still to accept before health data can be recorded and read. Once a required consent is withdrawn,
 * the member is offered to delete the account and its data (deletion, else null).
 */
public record ConsentsView(List<Item> documents, List<String> toAccept, DeletionOffer deletion) {

    /** What the mini-program shows after a required consent was withdrawn, and the request that deletes. */
    public record DeletionOffer(String message, String request) {
        static final DeletionOffer INSTANCE = new DeletionOffer(
                "您已撤回同意，我们已停止处理您的健康数据。如需删除账号及全部个人信息，可申请注销账号。",
                "POST /api/v1/privacy/deletion");
    }

    public record Item(ConsentDocument.DocumentView document, Integer acceptedVersion, String status) {
    }
}
