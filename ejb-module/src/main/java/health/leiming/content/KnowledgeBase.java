package health.leiming.content;

import health.leiming.health.HealthProfileService;
import health.leiming.health.HealthRecordService;
import health.leiming.member.FamilyService;
import health.leiming.platform.BusinessException;
import health.leiming.platform.Filter;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The knowledge base (知识库): editors (admins) write, publish, unpublish and delete articles; members
 * read published ones, by category or tag, search them, and like them once each. Counts stay right
 * under concurrent requests: views by an atomic increment, likes under the article's row lock.
 */
@Stateless
public class KnowledgeBase {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FamilyService family;

    @Inject
    HealthRecordService records;

    @Inject
    HealthProfileService profiles;

    public ArticleView create(ArticleInput input) {
        Article article = new Article(input, Instant.now());
        em.persist(article);
        return article.view(false);
    }

    /** An article as its editors see it, draft or published. */
    public ArticleView get(String id) {
        return any(id).view(false);
    }

    public ArticleView update(String id, ArticleInput input) {
        Article article = any(id);
        article.change(input, Instant.now());
        return article.view(false);
    }

    public ArticleView publish(String id) {
        Article article = any(id);
        article.publish(Instant.now());
        return article.view(false);
    }

    public ArticleView unpublish(String id) {
        Article article = any(id);
        article.unpublish(Instant.now());
        return article.view(false);
    }

    public void delete(String id) {
        em.remove(any(id));
    }

    /**
     * The editors' list: every article, drafts included, newest change first; narrowed to published
     * or draft ones, one category, or titles containing some words when asked.
     */
    public Page<ArticleView.Summary> all(Boolean published, String category, String titleContains, PageRequest page) {
        Filter filter = new Filter().andIfGiven("a.published = :published", "published", published)
                .andIfGiven("a.category = :category", "category", category)
                .andIfGiven("lower(a.title) like :title escape '!'", "title",
                        titleContains == null || titleContains.isBlank() ? null : likePattern(titleContains.strip()));
        return page.read(em, Article.class, "Article a", filter, "a.updatedAt desc, a.id", Article::summaryView);
    }

    /** A LIKE pattern for text as typed; '!' escapes (a backslash means something else to MySQL than to the others). */
    private static String likePattern(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** Published articles, recommended first, then newest; one category or tag when given. */
    public Page<ArticleView.Summary> published(String category, String tag, PageRequest page) {
        Filter filter = new Filter().and("a.published = true").andIfGiven("a.category = :category", "category", category)
                .andIfGiven(":tag member of a.tags", "tag", tag);
        return page.read(em, Article.class, "Article a", filter, "a.recommended desc, a.publishedAt desc, a.id",
                Article::summaryView);
    }

    /**
     * Published articles whose title or text contains the words as typed (no word segmentation, so
     * "高血压" finds "妊娠期高血压的饮食"; case-insensitive for Latin letters); title matches first.
     * The same query on every database: MySQL's ngram full-text parser is not in MariaDB (MDEV-10267,
     * and our mysql migrations serve both), and with its default token size of 2 it would miss a
     * one-character search that H2 and PostgreSQL find. A hospital's knowledge base (hundreds to a
     * few thousand articles) is small enough to scan.
     */
    public Page<ArticleView.Summary> search(String query, PageRequest page) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return published(null, null, page);
        }
        String pattern = likePattern(q);
        String matches = " from Article a where a.published = true and (lower(a.title) like :p escape '!'"
                + " or lower(a.content) like :p escape '!')";
        return page.read(em.createQuery("select a, case when lower(a.title) like :p escape '!' then 0 else 1 end"
                + " as titleFirst" + matches + " order by titleFirst, a.recommended desc, a.publishedAt desc, a.id", Object[].class)
                .setParameter("p", pattern), em.createQuery("select count(a)" + matches, Long.class).setParameter("p", pattern),
                row -> ((Article) row[0]).summaryView());
    }

    /** A published article for a member (counted as a view), with whether they liked it. */
    public Read read(String memberId, String id) {
        Article article = published(id);
        em.createQuery("update Article a set a.viewCount = a.viewCount + 1 where a.id = :id").setParameter("id", id)
                .executeUpdate();
        em.refresh(article);
        return new Read(article.view(liked(memberId, id)), etag(article));
    }

    /** The version of what a member reads (content and likes; views change too often to bust caches). */
    public String etag(String id) {
        return etag(published(id));
    }

    public ArticleView like(String memberId, String id) {
        Article article = lockedPublished(id);
        if (em.find(ArticleLike.class, new ArticleLike.Key(id, memberId)) == null) {
            em.persist(new ArticleLike(id, memberId, Instant.now()));
            em.createQuery("update Article a set a.likeCount = a.likeCount + 1, a.version = a.version + 1 where a.id = :id")
                    .setParameter("id", id).executeUpdate();
        }
        em.refresh(article);
        return article.view(true);
    }

    public ArticleView unlike(String memberId, String id) {
        Article article = lockedPublished(id);
        ArticleLike like = em.find(ArticleLike.class, new ArticleLike.Key(id, memberId));
        if (like != null) {
            em.remove(like);
            em.createQuery("update Article a set a.likeCount = a.likeCount - 1, a.version = a.version + 1 where a.id = :id")
                    .setParameter("id", id).executeUpdate();
        }
        em.refresh(article);
        return article.view(false);
    }

    /**
     * Articles for a member: those tagged with the member's (and family's) health tags or with the
     * conditions their readings of the last 30 days point to (grade 1 blood pressure: hypertension
     * articles), then the recommended ones.
     */
    public List<ArticleView.Summary> recommendedFor(String memberId, int size) {
        java.util.Set<String> keywords = new java.util.LinkedHashSet<>();
        List<String> persons = family.idsOf(memberId);
        records.flaggedTypesOf(persons, Instant.now().minus(java.time.Duration.ofDays(30)))
                .forEach(type -> keywords.addAll(Topics.of(type)));
        keywords.addAll(profiles.tagsOf(persons));
        java.util.Map<String, ArticleView.Summary> picked = new java.util.LinkedHashMap<>();
        if (!keywords.isEmpty()) {
            em.createQuery("select a from Article a where a.published = true and exists (select b.id from Article b"
                    + " join b.tags t where b.id = a.id and t in :keywords)"
                    + " order by a.recommended desc, a.publishedAt desc, a.id", Article.class)
                    .setParameter("keywords", keywords).setMaxResults(size).getResultStream()
                    .forEach(a -> picked.put(a.id(), a.summaryView()));
        }
        if (picked.size() < size) {
            published(null, null, new PageRequest(1, size)).items().stream().filter(a -> !picked.containsKey(a.id()))
                    .limit(size - picked.size()).forEach(a -> picked.put(a.id(), a));
        }
        return List.copyOf(picked.values());
    }

    private boolean liked(String memberId, String id) {
        return memberId != null && em.find(ArticleLike.class, new ArticleLike.Key(id, memberId)) != null;
    }

    private static String etag(Article article) {
        return "\"" + article.id() + "-" + article.version() + "\"";
    }

    private Article any(String id) {
        Article article = id == null ? null : em.find(Article.class, id);
        if (article == null) {
            throw BusinessException.notFound("文章");
        }
        return article;
    }

    private Article published(String id) {
        Article article = any(id);
        if (!article.isPublished()) {
            throw BusinessException.notFound("文章");
        }
        return article;
    }

    /** The article's row lock serialises likes: each member's like counts once, the count stays exact. */
    private Article lockedPublished(String id) {
        Article article = id == null ? null : em.find(Article.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (article == null || !article.isPublished()) {
            throw BusinessException.notFound("文章");
        }
        return article;
    }

    public record Read(ArticleView article, String etag) {
    }

}
