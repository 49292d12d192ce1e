import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API benchmark for a running server (see bench/README.md; bench/run.sh starts one).
 *
 *   java bench/ApiBench.java [baseUrl] [members] [concurrency] [seconds]
 *
 * 1. Logins: `members` new members, each requesting an SMS code (received by a local fake SMS gateway
 *    on 127.0.0.1:18089, as in the tests) and logging in, `concurrency` at a time.
 * 2. Welcome messages: time until every new member's welcome message (outbox -> Artemis -> MDB) is there.
 * 3. Reads: for `seconds`, `concurrency` clients alternate GET /users/me and GET /messages.
 * Prints throughput and latency percentiles. Requests carry X-Forwarded-For addresses (the server must
 * trust the header): logins one per member, reads a new one per request, so that the per-client rate
 * limit applies as it would to many phones, not to one load generator.
 */
public class ApiBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    static final Map<String, String> CODES = new ConcurrentHashMap<>();
    static final Pattern CODE = Pattern.compile("\"code\":\"(\\d+)\"");
    static final Pattern PHONE = Pattern.compile("\"phone\":\"(\\d+)\"");
    static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    static String base;

    public static void main(String[] args) {
        int status = 0;
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    static void run(String[] args) throws Exception {
        base = args.length > 0 ? args[0] : "http://localhost:9080";
        int members = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        startFakeSmsGateway(18089);
        System.out.printf("server %s, %d members, %d concurrent clients, %d s of reads, %d cores here%n",
                base, members, concurrency, seconds, Runtime.getRuntime().availableProcessors());

        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        // warm-up: a few logins and reads, not measured
        List<String> warm = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            warm.add(login(newPhone(), client()).token);
        }

        List<Long> loginNanos = Collections.synchronizedList(new ArrayList<>());
        List<String> tokens = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            futures.add(pool.submit(() -> {
                Login l = login(newPhone(), client());
                loginNanos.add(l.nanos);
                tokens.add(l.token);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double loginSeconds = (System.nanoTime() - start) / 1e9;
        report("login (sms-code + login, new member)", loginNanos, loginSeconds);

        long deliveryStart = System.nanoTime();
        List<String> waiting = new ArrayList<>(tokens);
        while (!waiting.isEmpty()) {
            // each member checks from their own address, as their phones would
            waiting.removeIf(t -> get("/api/v1/messages/unread-count", t, client()).body().contains("\"count\":1"));
            if (!waiting.isEmpty()) {
                Thread.sleep(200);
            }
            if ((System.nanoTime() - deliveryStart) > 120e9) {
                HttpResponse<String> sample = get("/api/v1/messages/unread-count", waiting.get(0), client());
                throw new IllegalStateException(waiting.size() + " welcome messages not delivered after 120 s; e.g. "
                        + sample.statusCode() + " " + sample.body());
            }
        }
        System.out.printf("welcome messages: all %d delivered %.2f s after the last login%n", tokens.size(),
                (System.nanoTime() - deliveryStart) / 1e9);

        List<Long> readNanos = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long readEnd = System.nanoTime() + seconds * 1_000_000_000L;
        long readStart = System.nanoTime();
        futures.clear();
        for (int c = 0; c < concurrency; c++) {
            String token = tokens.get(c % tokens.size());
            futures.add(pool.submit(() -> {
                boolean profile = true;
                while (System.nanoTime() < readEnd) {
                    long t0 = System.nanoTime();
                    // each request as from another phone: one client stands for many members
                    HttpResponse<String> r = get(profile ? "/api/v1/users/me" : "/api/v1/messages?page=1&size=20",
                            token, client());
                    readNanos.add(System.nanoTime() - t0);
                    if (r.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                    profile = !profile;
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        report("reads (GET /users/me and /messages)", readNanos, (System.nanoTime() - readStart) / 1e9);
        System.out.printf("read errors: %d%n", errors.get());
        pool.shutdown();
    }

    record Login(String token, long nanos) {
    }

    static Login login(String phone, String address) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> sent = post("/api/v1/auth/sms-code", "{\"phone\":\"" + phone + "\"}", address);
        if (sent.statusCode() != 200) {
            throw new IllegalStateException("sms-code answered " + sent.statusCode() + ": " + sent.body());
        }
        String code = null;
        for (int i = 0; i < 200 && code == null; i++) {
            code = CODES.get(phone);
            if (code == null) {
                Thread.sleep(5);
            }
        }
        HttpResponse<String> login = post("/api/v1/auth/login",
                "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}", address);
        long nanos = System.nanoTime() - t0;
        Matcher m = TOKEN.matcher(login.body());
        if (login.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("login answered " + login.statusCode() + ": " + login.body());
        }
        return new Login(m.group(1), nanos);
    }

    static HttpResponse<String> post(String path, String json, String address) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path, String token, String address) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static void report(String what, List<Long> nanos, double seconds) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%s: %d in %.2f s = %.1f/s; latency ms p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n", what,
                sorted.size(), seconds, sorted.size() / seconds, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted.get(sorted.size() - 1) / 1e6);
    }

    static double pct(List<Long> sorted, int p) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    static String newPhone() {
        return "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String client() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    static void startFakeSmsGateway(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/sms/send", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher phone = PHONE.matcher(body);
            Matcher code = CODE.matcher(body);
            if (phone.find() && code.find()) {
                CODES.put(phone.group(1), code.group(1));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }
}
