import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Data and JDBC side of bench/health-bench.sh (see bench/README.md).
 *
 *   java -cp <jdbc driver> bench/HealthBench.java load <baseUrl> <outDir> <members> <readingsEach>
 *   java bench/HealthBench.java sms-sink
 *   java -cp <jdbc driver> bench/HealthBench.java sql <jdbcUrl> <user> <password> <personId> <threads> <seconds>
 *
 * load: logs in one member and gives them a year of blood pressure readings (4 a day, 1,460), then
 * `members` other members with `readingsEach` readings each; writes their tokens for wrk.
 * sql: runs the 1-year trend as one raw GROUP BY-day query over JDBC from `threads` threads for
 * `seconds` and prints the rate and latency percentiles (the floor the API's trend is compared with).
 */
public class HealthBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Map<String, String> CODES = new ConcurrentHashMap<>();
    static final Pattern CODE = Pattern.compile("\"code\":\"(\\d+)\"");
    static final Pattern PHONE = Pattern.compile("\"phone\":\"(\\d+)\"");
    static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            if (args[0].equals("load")) {
                load(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            } else if (args[0].equals("sms-sink")) {
                smsGateway().start();
                Thread.currentThread().join(); // until the script stops it
            } else {
                sql(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            }
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    /**
     * The SMS gateway as the server is configured to call it: keeps login codes, answers 200. Runs
     * during the load and then as "sms-sink" for the measured phases, so that the risk alerts the
     * readings raise are sent once, as in production, instead of being retried against a dead port.
     */
    static HttpServer smsGateway() throws java.io.IOException {
        HttpServer sms = HttpServer.create(new InetSocketAddress("127.0.0.1", 18089), 64);
        sms.setExecutor(Executors.newFixedThreadPool(4));
        sms.createContext("/sms/send", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher phone = PHONE.matcher(body);
            Matcher code = CODE.matcher(body);
            if (phone.find() && code.find()) {
                CODES.put(phone.group(1), code.group(1));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        return sms;
    }

    static void load(String base, Path out, int members, int readingsEach) throws Exception {
        HttpServer sms = smsGateway();
        sms.start();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();

        String main = login(base);
        Instant now = Instant.now();
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < 1460; i++) {
            Instant at = now.minusSeconds(6 * 3600L * (i + 1));
            int systolic = 115 + ThreadLocalRandom.current().nextInt(40);
            work.add(pool.submit(() -> record(base, main, at, systolic)));
        }
        List<String> others = Collections.synchronizedList(new ArrayList<>());
        for (int m = 0; m < members; m++) {
            work.add(pool.submit(() -> {
                String token = login(base);
                for (int i = 0; i < readingsEach; i++) {
                    record(base, token, now.minusSeconds(6 * 3600L * (i + 1)), 115 + i % 40);
                }
                others.add(token);
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("main-token"), main);
        Files.write(out.resolve("tokens"), others);
        HttpResponse<String> me = get(base + "/api/v1/users/me", main);
        Matcher id = ID.matcher(me.body());
        id.find();
        Files.writeString(out.resolve("main-person"), id.group(1));
        System.out.printf("loaded: 1 member with 1,460 readings, %d members with %d each, in %.1f s%n", members,
                readingsEach, (System.nanoTime() - start) / 1e9);
        pool.shutdown();
        sms.stop(0);
    }

    static String login(String base) throws Exception {
        String phone = "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        post(base + "/api/v1/auth/sms-code", "{\"phone\":\"" + phone + "\"}", null);
        String code = null;
        for (int i = 0; i < 400 && code == null; i++) {
            code = CODES.get(phone);
            if (code == null) {
                Thread.sleep(5);
            }
        }
        HttpResponse<String> login = post(base + "/api/v1/auth/login",
                "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}", null);
        Matcher m = TOKEN.matcher(login.body());
        if (!m.find()) {
            throw new IllegalStateException("login failed: " + login.body());
        }
        acceptConsents(base, m.group(1));
        return m.group(1);
    }

    private static final Pattern KIND = Pattern.compile("\"kind\":\"(\\w+)\"");
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

    private static volatile String consentDocuments;

    /** Accepts the current version of every consent document, as a member does at registration. */
    static void acceptConsents(String base, String token) throws Exception {
        if (consentDocuments == null) { // the same for every member of the run
            consentDocuments = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/privacy/documents")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        String documents = consentDocuments;
        Matcher kinds = KIND.matcher(documents);
        Matcher versions = VERSION.matcher(documents);
        StringBuilder items = new StringBuilder();
        while (kinds.find() && versions.find()) {
            items.append(items.length() == 0 ? "" : ",").append("{\"kind\":\"").append(kinds.group(1))
                    .append("\",\"version\":").append(versions.group(1)).append('}');
        }
        HttpResponse<String> accepted = post(base + "/api/v1/privacy/consents", "{\"consents\":[" + items + "]}", token);
        if (accepted.statusCode() != 200) {
            throw new IllegalStateException("consent failed: " + accepted.body());
        }
    }

    static Object record(String base, String token, Instant at, int systolic) throws Exception {
        HttpResponse<String> r = post(base + "/api/v1/health/records", "{\"type\":\"blood_pressure\",\"value\":"
                + systolic + ",\"recordedAt\":\"" + at + "\",\"metadata\":{\"diastolic\":" + (systolic - 40) + "}}", token);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("record failed: " + r.statusCode() + " " + r.body());
        }
        return null;
    }

    static HttpResponse<String> post(String url, String json, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("X-Forwarded-For", address()).POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("X-Forwarded-For", address()).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    static void sql(String url, String user, String password, String personId, int threads, int seconds)
            throws Exception {
        // The raw version of the 1-year trend: every reading of the year, grouped by day in SQL.
        String query = "select cast(recorded_at as date) as d, count(*), avg(reading), min(reading), max(reading),"
                + " avg(diastolic) from health_records where person_id = ? and data_type = 'blood_pressure'"
                + " and recorded_at >= ? and recorded_at < ? group by cast(recorded_at as date) order by d";
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<?>> work = new ArrayList<>();
        Instant now = Instant.now();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password);
                        PreparedStatement ps = c.prepareStatement(query)) {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        ps.setString(1, personId);
                        ps.setTimestamp(2, Timestamp.from(now.minusSeconds(366L * 86400)));
                        ps.setTimestamp(3, Timestamp.from(now.plusSeconds(86400)));
                        int rows = 0;
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                rows++;
                            }
                        }
                        if (rows == 0) {
                            throw new IllegalStateException("no rows");
                        }
                        nanos.add(System.nanoTime() - t0);
                    }
                }
                return null;
            }));
        }
        long started = System.nanoTime();
        for (Future<?> f : work) {
            f.get();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("raw SQL 1-year GROUP BY day: %.0f queries/s; latency ms p50 %.2f, p99 %.2f (%d threads)%n",
                sorted.size() / elapsed, sorted.get(sorted.size() / 2) / 1e6,
                sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6, threads);
        pool.shutdown();
    }
}
