package health.leiming.platform;

import jakarta.persistence.Query;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JPQL condition that holds where a free-text field contains any of an erased subject's traces (ids,
 * phone numbers, names; {@link ErasureSubject#traces()}), with its parameters.
 */
public record Traces(String condition, Map<String, Object> parameters) {

    /** The condition on {@code field} (as in "e.payload"); never true for no traces. */
    public static Traces in(String field, List<String> traces) {
        if (traces.isEmpty()) {
            return new Traces("1 = 0", Map.of());
        }
        StringBuilder condition = new StringBuilder("(");
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < traces.size(); i++) {
            condition.append(i == 0 ? "" : " or ").append(field).append(" like :trace").append(i);
            parameters.put("trace" + i, "%" + traces.get(i) + "%");
        }
        return new Traces(condition.append(')').toString(), parameters);
    }

    /** Sets the parameters on a query that uses the condition. */
    public <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
