package health.leiming.privacy;

import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ConsentKind;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Filter;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Consent documents and members' answers (PIPL arts. 14, 15, 29-31). A member accepts the current
 * version of a document; a newer version needs a new acceptance; a withdrawal is recorded like an
 * acceptance, and both are listed to the member with the request and client they came from.
 */
@Stateless
@LocalBean
public class ConsentService {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    ConsentCheck check;

    /** The current (latest) version of every document. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ConsentDocument.DocumentView> current() {
        return latest().values().stream().map(ConsentDocument::view).toList();
    }

    /** Every version of one kind of document, newest first (admins). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ConsentDocument.DocumentView> versions(String kind) {
        return em.createQuery("select d from ConsentDocument d where d.kind = :kind order by d.version desc",
                ConsentDocument.class).setParameter("kind", kindOf(kind)).getResultStream()
                .map(ConsentDocument::view).toList();
    }

    /** Each document's current version with the member's answer to it, and what is still to be accepted. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ConsentsView state(String memberId) {
        Map<ConsentKind, Integer> answered = acceptedVersions(memberId);
        List<ConsentsView.Item> items = new ArrayList<>();
        List<String> required = new ArrayList<>();
        boolean essentialWithdrawn = false;
        for (ConsentDocument document : latest().values()) {
            ConsentDocument.DocumentView view = document.view();
            int accepted = answered.getOrDefault(document.kind(), 0);
            String status = accepted == document.version() ? "accepted"
                    : accepted > 0 ? "outdated" : answered.containsKey(document.kind()) ? "withdrawn" : "not_given";
            items.add(new ConsentsView.Item(view, accepted > 0 ? accepted : null, status));
            if (view.required() && accepted != document.version()) {
                required.add(view.kind());
            }
            essentialWithdrawn |= view.required() && "withdrawn".equals(status);
        }
        return new ConsentsView(items, required, essentialWithdrawn ? ConsentsView.DeletionOffer.INSTANCE : null);
    }

    /**
     * Accepts the given versions; each must be the current one (an older text is 409
     * CONSENT_VERSION_OUTDATED: the member has not seen what they would agree to). Accepting what is
     * already accepted records nothing new.
     */
    public ConsentsView accept(String memberId, List<Acceptance> acceptances) {
        if (acceptances == null || acceptances.isEmpty()) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "CONSENT_EMPTY", "请选择要同意的内容");
        }
        Map<ConsentKind, ConsentDocument> latest = latest();
        Map<ConsentKind, Integer> answered = acceptedVersions(memberId);
        Instant now = Instant.now();
        for (Acceptance acceptance : acceptances) {
            ConsentKind kind = kindOf(acceptance.kind());
            ConsentDocument document = latest.get(kind);
            if (document == null || acceptance.version() != document.version()) {
                throw new BusinessException(ErrorKind.CONFLICT, "CONSENT_VERSION_OUTDATED",
                        "《" + (document == null ? kind.name() : document.view().title()) + "》已更新，请阅读最新版本后再同意");
            }
            if (answered.getOrDefault(kind, 0) != document.version()) {
                audit.audited(memberId, memberId, "privacy.consent.accept", kind.name() + ":" + document.version(), () -> {
                    em.persist(new ConsentRecord(memberId, kind, document.version(), ConsentRecord.Action.accepted, now));
                    return null;
                });
                answered.put(kind, document.version());
            }
        }
        check.forget(memberId);
        return state(memberId);
    }

    /**
     * Withdraws a consent (PIPL art. 15): processing that needs it stops from now on (for the health
     * data: readings are refused, and no alert or report is made). Withdrawing what is not given
     * records nothing.
     */
    public ConsentsView withdraw(String memberId, String kindName) {
        ConsentKind kind = kindOf(kindName);
        Integer accepted = acceptedVersions(memberId).get(kind);
        if (accepted != null && accepted > 0) {
            audit.audited(memberId, memberId, "privacy.consent.withdraw", kind.name() + ":" + accepted, () -> {
                em.persist(new ConsentRecord(memberId, kind, accepted, ConsentRecord.Action.withdrawn, Instant.now()));
                return null;
            });
        }
        check.forget(memberId);
        return state(memberId);
    }

    /** The member's acceptances and withdrawals, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<ConsentRecord.RecordView> history(String memberId, PageRequest page) {
        return page.read(em, ConsentRecord.class, "ConsentRecord r", new Filter().and("r.memberId = :member", "member", memberId),
                "r.occurredAt desc, r.id", ConsentRecord::view);
    }

    /** Publishes a new version of a document (admins); the text of earlier versions stays as it was. */
    public ConsentDocument.DocumentView publish(String adminId, String kindName, String title, String body) {
        ConsentKind kind = kindOf(kindName);
        ConsentDocument previous = latest().get(kind);
        ConsentDocument document = new ConsentDocument(kind, previous == null ? 1 : previous.version() + 1,
                title.strip(), body.strip(), adminId, Instant.now());
        try {
            em.persist(document);
            em.flush();
        } catch (PersistenceException e) {
            // Another admin published the same version a moment ago (unique kind and version).
            throw new BusinessException(ErrorKind.CONFLICT, "CONSENT_DOCUMENT_CONFLICT", "该文本刚刚有新版本发布，请刷新后再试");
        }
        audit.record(adminId, "admin", null, "privacy.document.publish", kind.name() + ":" + document.version(),
                AuditTrail.SUCCESS);
        check.forgetDocuments();
        return document.view();
    }

    /** The version of each kind the member has accepted and not withdrawn since (0: withdrawn). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<ConsentKind, Integer> acceptedVersions(String memberId) {
        Map<ConsentKind, Integer> answered = new EnumMap<>(ConsentKind.class);
        em.createQuery("select r from ConsentRecord r where r.memberId = :member order by r.occurredAt, r.id",
                ConsentRecord.class).setParameter("member", memberId).getResultStream()
                .forEach(r -> answered.put(r.kind(), r.accepted() ? r.version() : 0));
        return answered;
    }

    /** The same for several members at once: one query. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, Map<ConsentKind, Integer>> acceptedVersions(Collection<String> memberIds) {
        Map<String, Map<ConsentKind, Integer>> answered = new HashMap<>();
        if (!memberIds.isEmpty()) {
            em.createQuery("select r from ConsentRecord r where r.memberId in :members order by r.occurredAt, r.id",
                    ConsentRecord.class).setParameter("members", memberIds).getResultStream()
                    .forEach(r -> answered.computeIfAbsent(r.memberId(), m -> new EnumMap<>(ConsentKind.class))
                            .put(r.kind(), r.accepted() ? r.version() : 0));
        }
        return answered;
    }

    /** The current version number of every kind of document. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<ConsentKind, Integer> currentVersions() {
        Map<ConsentKind, Integer> versions = new EnumMap<>(ConsentKind.class);
        latest().forEach((kind, document) -> versions.put(kind, document.version()));
        return versions;
    }

    private Map<ConsentKind, ConsentDocument> latest() {
        Map<ConsentKind, ConsentDocument> latest = new EnumMap<>(ConsentKind.class);
        em.createQuery("select d from ConsentDocument d order by d.kind, d.version", ConsentDocument.class)
                .getResultStream().forEach(d -> latest.put(d.kind(), d));
        return latest;
    }

    private static ConsentKind kindOf(String name) {
        ConsentKind kind = ConsentKind.named(name);
        if (kind == null) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "CONSENT_KIND_UNKNOWN",
                    "没有这项同意：可选 privacy_policy、health_data、id_card、family_data、ai_model");
        }
        return kind;
    }

    /** One acceptance: the kind of document and the version the member read. */
    public record Acceptance(String kind, int version) {
    }
}
