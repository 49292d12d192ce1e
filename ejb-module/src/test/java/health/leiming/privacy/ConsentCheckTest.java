package health.leiming.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import health.leiming.platform.ConsentKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentCheckTest {

    /** The database's answers, changed by the test; counts how often it was asked. */
    static class Stored extends ConsentService {
        final Map<ConsentKind, Integer> current = new EnumMap<>(Map.of(ConsentKind.privacy_policy, 1,
                ConsentKind.health_data, 2, ConsentKind.ai_model, 1));
        final Map<ConsentKind, Integer> accepted = new EnumMap<>(ConsentKind.class);
        int reads;

        @Override
        public Map<ConsentKind, Integer> currentVersions() {
            return new EnumMap<>(current);
        }

        @Override
        public Map<ConsentKind, Integer> acceptedVersions(String memberId) {
            reads++;
            return new EnumMap<>(accepted);
        }
    }

    private static ConsentCheck check(Stored stored, Duration ttl) {
        ConsentCheck check = new ConsentCheck();
        check.consents = stored;
        check.ttl = ttl;
        check.init();
        return check;
    }

    private static final Set<ConsentKind> HEALTH = Set.of(ConsentKind.privacy_policy, ConsentKind.health_data);

    @Test
    void onlyTheCurrentVersionCounts() {
        Stored stored = new Stored();
        ConsentCheck check = check(stored, Duration.ZERO);
        assertEquals(List.of(ConsentKind.privacy_policy, ConsentKind.health_data), check.missing("m", HEALTH));
        stored.accepted.put(ConsentKind.privacy_policy, 1);
        stored.accepted.put(ConsentKind.health_data, 1); // an earlier version of the health-data consent
        assertEquals(List.of(ConsentKind.health_data), check.missing("m", HEALTH));
        stored.accepted.put(ConsentKind.health_data, 2);
        assertEquals(List.of(), check.missing("m", HEALTH));
        stored.accepted.put(ConsentKind.health_data, 0); // withdrawn
        assertEquals(List.of(ConsentKind.health_data), check.missing("m", HEALTH));
        assertEquals(List.of(ConsentKind.ai_model), check.missing("m", Set.of(ConsentKind.ai_model)));
    }

    @Test
    void answersAreKeptUntilForgotten() {
        Stored stored = new Stored();
        ConsentCheck check = check(stored, Duration.ofHours(1));
        check.missing("m", HEALTH);
        check.missing("m", HEALTH);
        assertEquals(1, stored.reads, "the second question is answered from memory");
        stored.accepted.putAll(Map.of(ConsentKind.privacy_policy, 1, ConsentKind.health_data, 2));
        assertEquals(2, check.missing("m", HEALTH).size(), "kept until this server forgets");
        check.forget("m");
        assertEquals(List.of(), check.missing("m", HEALTH));
        stored.current.put(ConsentKind.health_data, 3); // a new version published
        assertEquals(List.of(), check.missing("m", HEALTH));
        check.forgetDocuments();
        assertEquals(List.of(ConsentKind.health_data), check.missing("m", HEALTH));
    }
}
