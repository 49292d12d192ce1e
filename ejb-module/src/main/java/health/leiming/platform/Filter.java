package health.leiming.platform;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The where clause of a list query, built from the filters a caller gave: conditions joined by
 * "and", each with its named parameter, bound the same way on the items and the count query.
 */
public final class Filter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** A condition that always applies, e.g. "m.memberId = :member", and its parameter. */
    public Filter and(String condition, String name, Object value) {
        conditions.add(condition);
        parameters.put(name, value);
        return this;
    }

    /** A condition that applies only when the caller gave a value (not null, not blank). */
    public Filter andIfGiven(String condition, String name, Object value) {
        boolean given = value != null && !(value instanceof String text && text.isBlank());
        return given ? and(condition, name, value) : this;
    }

    /** A condition without parameters, or with several already bound through {@link #bind(String, Object)}. */
    public Filter and(String condition) {
        conditions.add(condition);
        return this;
    }

    public Filter bind(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** " where a and b", or nothing. */
    public String clause() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
