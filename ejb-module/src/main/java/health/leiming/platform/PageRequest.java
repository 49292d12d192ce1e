package health.leiming.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.function.Function;

/**
 * Which page of a list to read: page from 1, size items per page. Refuses a page that cannot exist
 * (below 1, or so far out that its offset overflows) with a 400 before any query runs.
 */
public record PageRequest(int page, int size) {

    public PageRequest {
        if (page < 1 || size < 1) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "PAGE_INVALID", "页码和每页条数须大于0");
        }
        try {
            Math.multiplyExact(page - 1, size);
        } catch (ArithmeticException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "PAGE_INVALID", "页码过大");
        }
    }

    public int offset() {
        return (page - 1) * size;
    }

    /** This page of the query, mapped to views, with the count query's total. */
    public <E, T> Page<T> read(TypedQuery<E> items, TypedQuery<Long> count, Function<? super E, T> view) {
        return new Page<>(items.setFirstResult(offset()).setMaxResults(size).getResultStream().<T>map(view).toList(),
                page, size, count.getSingleResult());
    }

    /**
     * This page of {@code select alias from Entity alias} with the filter and the order, mapped to
     * views; the total counts the same rows.
     *
     * @param from the entity and its alias, as in a query: "Order o"
     * @param orderBy the ordering, e.g. "o.createdAt desc, o.id" (unique, so that pages do not overlap)
     */
    public <E, T> Page<T> read(EntityManager em, Class<E> type, String from, Filter filter, String orderBy,
            Function<? super E, T> view) {
        String alias = from.substring(from.lastIndexOf(' ') + 1);
        TypedQuery<E> items = filter.bind(em.createQuery("select " + alias + " from " + from + filter.clause()
                + " order by " + orderBy, type));
        TypedQuery<Long> count = filter.bind(em.createQuery("select count(" + alias + ") from " + from
                + filter.clause(), Long.class));
        return read(items, count, view);
    }
}
