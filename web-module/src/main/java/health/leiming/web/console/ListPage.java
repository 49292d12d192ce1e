package health.leiming.web.console;

import health.leiming.platform.Page;
import java.util.List;

/** What every list page has: the page asked for (a GET parameter), the page read, and a refused filter's reason. */
public abstract class ListPage<T> {

    static final int SIZE = 20;

    private int page = 1;
    private Page<T> result;
    private String error;

    protected int pageAsked() {
        return Math.max(page, 1);
    }

    protected void shown(Page<T> result) {
        this.result = result;
    }

    protected void refused(String error) {
        this.error = error;
    }

    public List<T> getItems() {
        return result == null ? List.of() : result.items();
    }

    public long getTotal() {
        return result == null ? 0 : result.total();
    }

    public int getPages() {
        return result == null ? 1 : (int) Math.max(1, (result.total() + SIZE - 1) / SIZE);
    }

    public String getError() {
        return error;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
