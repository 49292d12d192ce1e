package health.leiming.platform;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings every encrypted value under the current master key after a rotation (the new key in
 * leiming.crypto.field-key, the old ones in leiming.crypto.previous-keys): each column's provider
 * re-encrypts in batches of its own transactions, so the work can stop and run again. Once it answers
 * nothing left, the old keys can be removed from the configuration.
 */
@Stateless
public class KeyRotation {

    private static final Logger LOG = Logs.get(KeyRotation.class);
    private static final int BATCH = 200;

    @Inject
    @Any
    Instance<RotatesKeys> columns;

    @Inject
    FieldCipher cipher;

    /**
     * One batch of a column's rotation, for the RotatesKeys implementations: up to max entities whose
     * field holds a value not under the current key, handed to rotate (which re-encrypts it).
     */
    public static <T> int batch(EntityManager em, FieldCipher cipher, Class<T> entity, String field, int max,
            Consumer<T> rotate) {
        return batch(em, cipher, entity, field, null, max, rotate);
    }

    /**
     * The same for a column that was kept in clear before: the entities whose encrypted field is not under
     * the current key, and those the condition {@code inClear} (JPQL on alias e, such as "e.phone is not
     * null") finds still in clear: they get encrypted. A value
     * in none of our formats (written by hand into the database) is left alone: it cannot be read, and
     * picking it again and again would never end.
     */
    public static <T> int batch(EntityManager em, FieldCipher cipher, Class<T> entity, String field, String inClear,
            int max, Consumer<T> rotate) {
        String stale = "((e." + field + " like :v1 or e." + field + " like :v2) and e." + field + " not like :current)";
        List<T> found = em.createQuery("select e from " + entity.getSimpleName() + " e where " + stale
                + (inClear == null ? "" : " or " + inClear), entity)
                .setParameter("v1", FieldCipher.V1 + "%").setParameter("v2", FieldCipher.V2 + "%")
                .setParameter("current", cipher.currentPrefix() + "%").setMaxResults(max).getResultList();
        found.forEach(rotate);
        return found.size();
    }

    /** Re-encrypts everything not yet under the current key; answers how many values per column. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<String, Integer> rotate() {
        Map<String, Integer> rotated = new LinkedHashMap<>();
        for (RotatesKeys column : columns) {
            int total = 0;
            try {
                for (int done = column.rotateBatch(BATCH); done > 0; done = column.rotateBatch(BATCH)) {
                    total += done;
                }
            } catch (RuntimeException e) {
                // A value under a key no longer configured: the other columns still rotate; this one is
                // reported with what it did, and the log says why it stopped.
                int done = total;
                LOG.log(Level.WARNING, e, () -> "Key rotation of " + column.column() + " stopped after " + done
                        + " values: a value it cannot read (is its key still in leiming.crypto.previous-keys?)");
            }
            rotated.put(column.column(), total);
        }
        LOG.info(() -> "Key rotation to key " + cipher.currentKeyId() + ": " + rotated);
        return rotated;
    }
}
