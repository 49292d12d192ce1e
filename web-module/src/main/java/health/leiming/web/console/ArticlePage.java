package health.leiming.web.console;

import health.leiming.content.ArticleInput;
import health.leiming.content.ArticleView;
import health.leiming.content.KnowledgeBase;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * An article in the editor: title, category, tags, source, author, recommended, and the rich text
 * (the browser's editor fills a hidden field; the server's sanitiser, RichText, decides what is
 * kept). Save as draft, publish, withdraw; the preview shows what members will see. Every change is
 * audited. A refused save keeps everything typed and shows each reason next to its field.
 */
@Named
@ViewScoped
public class ArticlePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient KnowledgeBase knowledge;

    @Inject
    transient Validator validator;

    @Inject
    transient AuditTrail audit;

    @Inject
    transient Console console;

    private String id;
    private ArticleView saved;
    private String title;
    private String content;
    private String category;
    private String tags;
    private String source;
    private String author;
    private boolean recommended;

    /** f:viewAction: an existing article's fields, once per view; a new one starts empty. */
    public void load() {
        Actions.sayDone(done -> switch (done) {
            case "published" -> "文章已发布，会员现在可以看到";
            case "withdrawn" -> "已撤回，会员不再看到这篇文章";
            default -> "已保存草稿";
        });
        if (saved != null || id == null || id.isBlank()) {
            return;
        }
        try {
            saved = knowledge.get(id);
            title = saved.title();
            content = saved.content();
            category = saved.category();
            tags = String.join("，", saved.tags());
            source = saved.source();
            author = saved.author();
            recommended = saved.recommended();
        } catch (BusinessException e) {
            id = null;
        }
    }

    public void save() throws IOException {
        store(false);
    }

    public void saveAndPublish() throws IOException {
        store(true);
    }

    private void store(boolean publish) throws IOException {
        ArticleInput input = new ArticleInput(title, content, category, tagList(), source, author, recommended);
        Set<ConstraintViolation<ArticleInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            violations.forEach(v -> Console.error("article:" + field(v.getPropertyPath().toString()), v.getMessage()));
            return;
        }
        ConsoleUser user = console.getUser();
        boolean created = saved == null;
        try {
            saved = created ? knowledge.create(input) : knowledge.update(saved.id(), input);
            if (publish && !saved.published()) {
                saved = knowledge.publish(saved.id());
            }
        } catch (BusinessException e) {
            audit.queue(user.id(), user.role(), null, "CONSOLE POST /knowledge", created ? null : saved.id(),
                    AuditTrail.REJECTED);
            Console.error(null, e.getMessage());
            return;
        }
        audit.record(user.id(), user.role(), null, "CONSOLE POST /knowledge" + (publish ? "/publish" : ""), saved.id(),
                AuditTrail.SUCCESS);
        showAfterRedirect(publish ? "published" : "saved");
    }

    public void withdraw() throws IOException {
        ConsoleUser user = console.getUser();
        ArticleView withdrawn = Actions.audited(audit, user.id(), user.role(), "CONSOLE POST /knowledge/unpublish",
                saved.id(), null, () -> knowledge.unpublish(saved.id()));
        if (withdrawn != null) {
            saved = withdrawn;
            showAfterRedirect("withdrawn");
        }
    }

    /** After a change, the article's own address (a reload does not post again), saying what was done. */
    private void showAfterRedirect(String done) throws IOException {
        Actions.redirect("article.xhtml", "?id=" + saved.id() + "&done=" + done);
    }

    private List<String> tagList() {
        return tags == null || tags.isBlank() ? List.of()
                : Arrays.stream(tags.split("[,，、\\s]+")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** The form field a violation belongs to ("tags[2].<list element>" is the tags field). */
    private static String field(String path) {
        int cut = path.indexOf('[');
        return cut < 0 ? path : path.substring(0, cut);
    }

    public ArticleView getSaved() {
        return saved;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public boolean isRecommended() {
        return recommended;
    }

    public void setRecommended(boolean recommended) {
        this.recommended = recommended;
    }
}
