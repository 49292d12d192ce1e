package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Many requests released at the same moment, each from a client of its own (so that the per-client
 * rate limit is not what answers), and the check every such test makes: no request answered 5xx.
 */
final class Crowd {

    /** How many requests the concurrency tests send at once. */
    static final int SIZE = 150;

    private Crowd() {
    }

    /** Sends n requests at once; request gets a fresh client and the request's index. */
    static List<Api.Reply> atOnce(int n, BiFunction<Api, Integer, Api.Reply> request) {
        List<Api> clients = new ArrayList<>();
        HttpClient fresh = Api.newHttpClient(); // new connections only: none the server may be closing just now
        for (int i = 0; i < n; i++) {
            clients.add(new Api(fresh));
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.apply(clients.get(index), index);
                }));
            }
            start.countDown();
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> future : futures) {
                replies.add(future.get(120, TimeUnit.SECONDS));
            }
            assertNoServerError(replies);
            return replies;
        } catch (Exception e) {
            throw new AssertionError("The crowd did not finish: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    static void assertNoServerError(List<Api.Reply> replies) {
        for (Api.Reply reply : replies) {
            assertTrue(reply.status() < 500, "a concurrent request answered " + reply.status() + ": " + reply.raw());
        }
    }

    static long count(List<Api.Reply> replies, int status) {
        return replies.stream().filter(r -> r.status() == status).count();
    }
}
