package health.leiming.content;

import java.time.Instant;
import java.util.List;

/** An article as read: sanitised HTML content, counts, and whether the reader liked it. */
public record ArticleView(String id, String title, String content, String summary, String category, List<String> tags,
        String source, String author, boolean recommended, long viewCount, long likeCount, boolean liked,
        boolean published, Instant publishedAt, Instant updatedAt) {

    /** A list entry: no content. */
    public record Summary(String id, String title, String summary, String category, List<String> tags,
            boolean recommended, long viewCount, long likeCount, Instant publishedAt) {
    }
}
