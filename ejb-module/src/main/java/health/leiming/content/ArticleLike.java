package health.leiming.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A member likes an article: at most one per member and article (the key). */
@Entity
@Table(name = "knowledge_likes")
@IdClass(ArticleLike.Key.class)
public class ArticleLike {

    @Id
    @Column(name = "article_id")
    private String articleId;

    @Id
    @Column(name = "member_id")
    private String memberId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ArticleLike() {
    }

    ArticleLike(String articleId, String memberId, Instant now) {
        this.articleId = articleId;
        this.memberId = memberId;
        this.createdAt = now;
    }

    public record Key(String articleId, String memberId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
