package health.leiming.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class BackgroundLoopTest {

    private final Logger log = Logger.getAnonymousLogger();
    private final List<LogRecord> logged = new ArrayList<>();

    BackgroundLoopTest() {
        log.setUseParentHandlers(false);
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    @Test
    void aRoundGoesOnWhileBatchesAreFull() {
        AtomicInteger left = new AtomicInteger(250);
        AtomicInteger batches = new AtomicInteger();
        BackgroundLoop loop = new BackgroundLoop("test loop", Duration.ofSeconds(1), () -> {
            batches.incrementAndGet();
            int taken = Math.min(100, left.get());
            left.addAndGet(-taken);
            return taken == 100;
        }, log);
        loop.round();
        assertEquals(0, left.get(), "everything waiting was done in one round");
        assertEquals(3, batches.get());
    }

    @Test
    void anOutageIsLoggedOnceWhenItStartsAndOnceWhenItEnds() {
        AtomicInteger calls = new AtomicInteger();
        BackgroundLoop loop = new BackgroundLoop("test loop", Duration.ofSeconds(1), () -> {
            if (calls.incrementAndGet() <= 3) {
                throw new IllegalStateException("broker down", new RuntimeException("connection refused"));
            }
            return false;
        }, log);
        for (int i = 0; i < 4; i++) {
            loop.round();
        }
        List<String> warnings = logged.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(true, warnings.get(0).contains("RuntimeException: connection refused"), warnings.get(0));
        assertEquals(1, logged.stream().filter(r -> r.getLevel() == Level.INFO).count(), "and once that it works again");
    }
}
