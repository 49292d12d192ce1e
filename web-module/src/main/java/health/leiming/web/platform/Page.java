package health.leiming.web.platform;

import java.util.List;

/** A page of a list: {items, page, size, total}. Pages count from 1. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
