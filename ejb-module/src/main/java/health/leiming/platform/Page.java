package health.leiming.platform;

import java.util.List;
import java.util.function.Function;

/** A page of a list, as every list answers: {items, page, size, total}. Pages count from 1. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<? super T, R> view) {
        return new Page<>(items.stream().<R>map(view).toList(), page, size, total);
    }

    private static final int ALL_PAGE_SIZE = 200;

    /** Every item of a paged list, read page after page at the largest size (exports). */
    public static <T> List<T> all(Function<PageRequest, Page<T>> read) {
        List<T> all = new java.util.ArrayList<>();
        for (int page = 1;; page++) {
            Page<T> current = read.apply(new PageRequest(page, ALL_PAGE_SIZE));
            all.addAll(current.items());
            if (current.items().size() < ALL_PAGE_SIZE || all.size() >= current.total()) {
                return all;
            }
        }
    }
}
