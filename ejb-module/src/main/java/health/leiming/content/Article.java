package health.leiming.content;

import health.leiming.platform.Ids;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A health knowledge article (seed: health_knowledge). Its content is sanitised HTML. */
@Entity
@Table(name = "health_knowledge")
public class Article {

    static final int SUMMARY_LENGTH = 120;

    @Id
    private String id;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String content;

    @Column(nullable = false)
    private String summary;

    @Column(nullable = false)
    private String category;

    private String source;

    private String author;

    @Column(name = "is_recommended", nullable = false)
    private boolean recommended;

    @Column(name = "view_count", nullable = false)
    private long viewCount;

    @Column(name = "like_count", nullable = false)
    private long likeCount;

    @Column(name = "is_published", nullable = false)
    private boolean published;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "knowledge_tags", joinColumns = @JoinColumn(name = "article_id"))
    @Column(name = "tag")
    private Set<String> tags = new LinkedHashSet<>();

    protected Article() {
    }

    Article(ArticleInput input, Instant now) {
        this.id = Ids.newId();
        this.createdAt = now;
        change(input, now);
    }

    /** New text, category, tags...; the content is cleaned here, so nothing unsafe is ever stored. */
    void change(ArticleInput input, Instant now) {
        this.title = input.title().strip();
        this.content = RichText.clean(input.content());
        String text = RichText.text(this.content);
        this.summary = text.length() > SUMMARY_LENGTH ? text.substring(0, SUMMARY_LENGTH) + "…" : text;
        this.category = input.category().strip();
        this.source = input.source();
        this.author = input.author();
        this.recommended = Boolean.TRUE.equals(input.recommended());
        this.tags.clear();
        if (input.tags() != null) {
            input.tags().stream().filter(t -> t != null && !t.isBlank()).map(String::strip).limit(10).forEach(tags::add);
        }
        this.updatedAt = now;
    }

    void publish(Instant now) {
        if (!published) {
            published = true;
            publishedAt = now;
            updatedAt = now;
        }
    }

    void unpublish(Instant now) {
        if (published) {
            published = false;
            updatedAt = now;
        }
    }

    public String id() {
        return id;
    }

    boolean isPublished() {
        return published;
    }

    long version() {
        return version;
    }

    String title() {
        return title;
    }

    public ArticleView view(boolean liked) {
        return new ArticleView(id, title, content, summary, category, List.copyOf(tags), source, author, recommended,
                viewCount, likeCount, liked, published, publishedAt, updatedAt);
    }

    public ArticleView.Summary summaryView() {
        return new ArticleView.Summary(id, title, summary, category, List.copyOf(tags), recommended, viewCount, likeCount,
                publishedAt);
    }
}
