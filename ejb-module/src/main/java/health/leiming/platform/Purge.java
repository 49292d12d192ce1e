package health.leiming.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Deletes a bounded batch of an entity's rows matching a condition on one time parameter (Retention). */
public final class Purge {

    private Purge() {
    }

    /**
     * Deletes up to max rows of {@code entity} (alias e) whose {@code condition} holds with
     * {@code :before}; the ids are read first so that one batch stays small on every database.
     */
    public static int batch(EntityManager em, String entity, String condition, Instant before, int max) {
        return batch(em, entity, condition, Map.of("before", before), max);
    }

    /** The same with the condition's named parameters given. */
    public static int batch(EntityManager em, String entity, String condition, Map<String, Object> parameters, int max) {
        return batchBy(em, entity, "id", condition, parameters, max);
    }

    /**
     * The same for an entity whose rows are picked by another field than id (a phone, an event id); with
     * a key of two fields, the condition, applied again to the delete, keeps to the rows it matched.
     */
    public static int batchBy(EntityManager em, String entity, String keyField, String condition,
            Map<String, Object> parameters, int max) {
        TypedQuery<String> ids = em.createQuery("select e." + keyField + " from " + entity + " e where " + condition,
                String.class).setMaxResults(max);
        parameters.forEach(ids::setParameter);
        List<String> batch = ids.getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        Query delete = em.createQuery("delete from " + entity + " e where e." + keyField + " in :ids and (" + condition + ")")
                .setParameter("ids", batch);
        parameters.forEach(delete::setParameter);
        return delete.executeUpdate();
    }
}
