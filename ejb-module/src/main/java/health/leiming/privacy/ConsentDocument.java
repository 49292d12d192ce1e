package health.leiming.privacy;

import health.leiming.platform.ConsentKind;
import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One published version of a consent document; never changed once stored (a new text is a new version). */
@Entity
@Table(name = "consent_documents")
public class ConsentDocument {

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ConsentKind kind;

    @Column(nullable = false, updatable = false)
    private int version;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "published_at", nullable = false, updatable = false)
    private Instant publishedAt;

    @Column(name = "published_by", updatable = false)
    private String publishedBy;

    protected ConsentDocument() {
    }

    ConsentDocument(ConsentKind kind, int version, String title, String body, String publishedBy, Instant now) {
        this.id = Ids.newId();
        this.kind = kind;
        this.version = version;
        this.title = title;
        this.body = body;
        this.publishedBy = publishedBy;
        this.publishedAt = now;
    }

    ConsentKind kind() {
        return kind;
    }

    int version() {
        return version;
    }

    public DocumentView view() {
        return new DocumentView(kind.name(), version, title, body, publishedAt, kind.essential());
    }

    /**
     * A document as members and admins see it; required: needed before health data is recorded or read
     * (the others when a family member is added, an ID card number given, or the model asked).
     */
    public record DocumentView(String kind, int version, String title, String body, Instant publishedAt,
            boolean required) {
    }
}
