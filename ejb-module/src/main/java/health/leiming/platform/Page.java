package health.leiming.platform;

import java.util.List;
import java.util.function.Function;

/** A page of a list, as every list answers: {items, page, size, total}. Pages count from 1. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<? super T, R> view) {
        return new Page<>(items.stream().<R>map(view).toList(), page, size, total);
    }
}
