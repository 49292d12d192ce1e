package health.leiming.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    private static Delivery delivery(Instant notBefore) {
        return new Delivery("event-1", "order.paid", Delivery.Channel.wecom, "staff:s1", "v1:x",
                new Notice(NoticeKind.order, "新任务", "内容", null, Map.of()), notBefore, NOW);
    }

    @Test
    void aDeliveryCannotBeTakenBeforeItIsDueNorTwice() {
        Delivery later = delivery(NOW.plusSeconds(60));
        assertFalse(later.claim(NOW, LEASE));
        Delivery due = delivery(NOW);
        assertTrue(due.claim(NOW, LEASE));
        assertFalse(due.claim(NOW.plusSeconds(60), LEASE), "taken until the lease runs out");
        assertTrue(due.claim(NOW.plus(LEASE), LEASE), "abandoned after the lease: taken again");
        assertEquals(2, due.attempts());
    }

    @Test
    void failuresWaitThenPark() {
        Delivery d = delivery(NOW);
        for (int attempt = 1; attempt < 3; attempt++) {
            assertTrue(d.claim(NOW.plus(Duration.ofHours(attempt)), LEASE));
            d.failed("busy", false, 3, Duration.ofSeconds(30), NOW.plus(Duration.ofHours(attempt)));
            assertEquals(Delivery.Status.pending, d.status());
        }
        assertTrue(d.claim(NOW.plus(Duration.ofHours(3)), LEASE));
        d.failed("busy", false, 3, Duration.ofSeconds(30), NOW.plus(Duration.ofHours(3)));
        assertEquals(Delivery.Status.dead, d.status(), "third failure of three: dead letter");
        assertTrue(d.replay(NOW.plus(Duration.ofHours(4))));
        assertEquals(Delivery.Status.pending, d.status());
        assertEquals(0, d.attempts());
    }

    @Test
    void aRefusalParksAtOnceAndOnlyDeadLettersReplay() {
        Delivery d = delivery(NOW);
        assertTrue(d.claim(NOW, LEASE));
        d.failed("user not found", true, 6, Duration.ofSeconds(30), NOW);
        assertEquals(Delivery.Status.dead, d.status());
        Delivery sent = delivery(NOW);
        assertTrue(sent.claim(NOW, LEASE));
        sent.sent(NOW);
        assertFalse(sent.replay(NOW), "a sent message is not sent again");
    }

    @Test
    void backoffDoublesUpToItsCap() {
        Deliveries deliveries = new Deliveries();
        deliveries.backoff = Duration.ofSeconds(30);
        deliveries.maxBackoff = Duration.ofMinutes(30);
        assertEquals(Duration.ofSeconds(30), deliveries.backoffAfter(1));
        assertEquals(Duration.ofSeconds(60), deliveries.backoffAfter(2));
        assertEquals(Duration.ofSeconds(240), deliveries.backoffAfter(4));
        assertEquals(Duration.ofMinutes(30), deliveries.backoffAfter(12));
    }
}
