package health.leiming.web.console;

import health.leiming.content.ArticleView;
import health.leiming.content.KnowledgeBase;
import health.leiming.platform.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** 内容: the knowledge base as editors see it, drafts included, searched by title and state, paged. */
@Named
@RequestScoped
public class ArticlesPage extends ListPage<ArticleView.Summary> {

    @Inject
    KnowledgeBase knowledge;

    private String title;
    private String state;

    public void search() {
        Boolean published = "published".equals(state) ? Boolean.TRUE : "draft".equals(state) ? Boolean.FALSE : null;
        shown(knowledge.all(published, null, title == null || title.isBlank() ? null : title.strip(),
                new PageRequest(pageAsked(), SIZE)));
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
}
