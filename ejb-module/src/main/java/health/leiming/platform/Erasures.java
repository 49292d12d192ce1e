package health.leiming.platform;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Runs every context's {@link Erasure} for a subject, by stage, in the caller's transaction. */
@Stateless
public class Erasures {

    @Inject
    @Any
    Instance<Erasure> parts;

    /** The first reason any context gives why the subject cannot be erased now. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> obstacle(ErasureSubject subject) {
        return ordered().stream().map(part -> part.obstacle(subject)).flatMap(Optional::stream).findFirst();
    }

    /** Erases the subject everywhere; answers the rows of each kind. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Map<String, Integer> erase(ErasureSubject subject) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Erasure part : ordered()) {
            part.erase(subject).forEach((kind, count) -> counts.merge(kind, count, Integer::sum));
        }
        return counts;
    }

    private List<Erasure> ordered() {
        return parts.stream().sorted(Comparator.comparingInt(Erasure::stage)).toList();
    }
}
