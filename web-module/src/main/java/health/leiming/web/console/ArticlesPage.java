package health.leiming.web.console;

import health.leiming.content.ArticleView;
import health.leiming.content.KnowledgeBase;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** 内容: the knowledge base as editors see it, drafts included, searched by title and state, paged. */
@Named
@RequestScoped
public class ArticlesPage {

    static final int SIZE = 20;

    @Inject
    KnowledgeBase knowledge;

    private String title;
    private String state;
    private int page = 1;
    private Page<ArticleView.Summary> result;

    public void search() {
        Boolean published = "published".equals(state) ? Boolean.TRUE : "draft".equals(state) ? Boolean.FALSE : null;
        result = knowledge.all(published, null, title == null || title.isBlank() ? null : title.strip(),
                new PageRequest(Math.max(page, 1), SIZE));
    }

    public List<ArticleView.Summary> getItems() {
        return result == null ? List.of() : result.items();
    }

    public long getTotal() {
        return result == null ? 0 : result.total();
    }

    public int getPages() {
        return result == null ? 1 : (int) Math.max(1, (result.total() + SIZE - 1) / SIZE);
    }

    public String link(int toPage) {
        return Console.query("title", title, "state", state, "page", toPage > 1 ? String.valueOf(toPage) : null);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
