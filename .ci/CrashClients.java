import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of the crash test (.ci/crash-test), no dependencies beyond the JDK.
 *
 *   java CrashClients.java login <base-url> <sms-file> <dir>   log 4 members in, keep their tokens in dir
 *   java CrashClients.java write <base-url> <dir>              each member records readings until the server
 *                                                              stops answering; every acknowledged record's id
 *                                                              is written (and flushed) to dir before the next
 *   java CrashClients.java check <base-url> <dir>              after the restart: every acknowledged reading is
 *                                                              there, and none is there twice
 *   java CrashClients.java read <base-url> <dir> <n>           each member lists its readings n times; prints how
 *                                                              many reads were answered (each is audited)
 */
public class CrashClients {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"(\\d+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern RECORDED = Pattern.compile("\"recordedAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final int MEMBERS = 4;

    public static void main(String[] args) throws Exception {
        String base = args[1];
        switch (args[0]) {
            case "login" -> login(base, Path.of(args[2]), Path.of(args[3]));
            case "write" -> write(base, Path.of(args[2]));
            case "check" -> System.exit(check(base, Path.of(args[2])) ? 0 : 1);
            case "read" -> read(base, Path.of(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static HttpResponse<String> send(String base, String method, String path, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void login(String base, Path smsFile, Path dir) throws Exception {
        Files.createDirectories(dir);
        for (int m = 0; m < MEMBERS; m++) {
            String phone = "1370000" + String.format("%04d", 1000 + m);
            check(send(base, "POST", "/api/v1/auth/sms-code", "{\"phone\":\"" + phone + "\"}", null), "sms-code");
            String code = null;
            for (int i = 0; i < 40 && code == null; i++) {
                Thread.sleep(100);
                for (String line : Files.readAllLines(smsFile)) {
                    if (line.contains(phone)) {
                        Matcher matcher = CODE.matcher(line);
                        code = matcher.find() ? matcher.group(1) : code;
                    }
                }
            }
            HttpResponse<String> login = check(send(base, "POST", "/api/v1/auth/login",
                    "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}", null), "login");
            Matcher token = TOKEN.matcher(login.body());
            token.find();
            acceptConsents(base, token.group(1));
            Files.writeString(dir.resolve("member-" + m + ".token"), token.group(1));
        }
    }

    private static final Pattern KIND = Pattern.compile("\"kind\":\"(\\w+)\"");
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

    private static volatile String consentDocuments;

    /** Accepts the current version of every consent document, as a member does at registration. */
    static void acceptConsents(String base, String token) throws Exception {
        if (consentDocuments == null) { // the same for every member of the run
            consentDocuments = check(send(base, "GET", "/api/v1/privacy/documents", null, null), "documents").body();
        }
        String documents = consentDocuments;
        Matcher kinds = KIND.matcher(documents);
        Matcher versions = VERSION.matcher(documents);
        StringBuilder items = new StringBuilder();
        while (kinds.find() && versions.find()) {
            items.append(items.length() == 0 ? "" : ",").append("{\"kind\":\"").append(kinds.group(1))
                    .append("\",\"version\":").append(versions.group(1)).append('}');
        }
        check(send(base, "POST", "/api/v1/privacy/consents", "{\"consents\":[" + items + "]}", token), "consent");
    }

    private static HttpResponse<String> check(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static void write(String base, Path dir) throws Exception {
        AtomicBoolean stopped = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        Instant origin = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int m = 0; m < MEMBERS; m++) {
            int member = m;
            String token = Files.readString(dir.resolve("member-" + m + ".token")).strip();
            Thread thread = new Thread(() -> {
                try (PrintWriter acknowledged = new PrintWriter(Files.newBufferedWriter(dir.resolve("member-" + member + ".acked")))) {
                    for (int i = 0; !stopped.get(); i++) {
                        String at = origin.plusSeconds(i).toString();
                        String reading = "{\"type\":\"heart_rate\",\"value\":" + (60 + i % 40) + ",\"unit\":\"bpm\",\"recordedAt\":\""
                                + at + "\"}";
                        HttpResponse<String> response;
                        try {
                            response = send(base, "POST", "/api/v1/health/records", reading, token);
                        } catch (IOException e) {
                            break; // the server is gone
                        }
                        if (response.statusCode() == 200) {
                            Matcher id = ID.matcher(response.body());
                            id.find();
                            acknowledged.println(id.group(1) + " " + at);
                            acknowledged.flush();
                        } else if (response.statusCode() >= 500) {
                            System.err.println("member " + member + ": " + response.statusCode() + " " + response.body());
                        }
                    }
                } catch (Exception e) {
                    System.err.println("member " + member + ": " + e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void read(String base, Path dir, int times) throws Exception {
        int answered = 0;
        for (int m = 0; m < MEMBERS; m++) {
            String token = Files.readString(dir.resolve("member-" + m + ".token")).strip();
            for (int i = 0; i < times; i++) {
                check(send(base, "GET", "/api/v1/health/records?size=1", null, token), "read");
                answered++;
            }
        }
        System.out.println(answered);
    }

    private static boolean check(String base, Path dir) throws Exception {
        boolean ok = true;
        long acknowledgedTotal = 0;
        for (int m = 0; m < MEMBERS; m++) {
            String token = Files.readString(dir.resolve("member-" + m + ".token")).strip();
            Map<String, String> acknowledged = new HashMap<>();
            for (String line : Files.readAllLines(dir.resolve("member-" + m + ".acked"))) {
                String[] parts = line.split(" ");
                if (parts.length == 2) {
                    acknowledged.put(parts[0], parts[1]);
                }
            }
            acknowledgedTotal += acknowledged.size();
            Set<String> stored = new HashSet<>();
            List<String> times = new ArrayList<>();
            for (int page = 1;; page++) {
                String body = check(send(base, "GET", "/api/v1/health/records?type=heart_rate&size=200&page=" + page,
                        null, token), "records").body();
                Matcher id = ID.matcher(body);
                int found = 0;
                while (id.find()) {
                    stored.add(id.group(1));
                    found++;
                }
                Matcher recorded = RECORDED.matcher(body);
                while (recorded.find()) {
                    times.add(recorded.group(1));
                }
                if (found < 200) {
                    break;
                }
            }
            Set<String> missing = new HashSet<>(acknowledged.keySet());
            missing.removeAll(stored);
            long distinctTimes = times.stream().distinct().count();
            System.out.println("member " + m + ": " + acknowledged.size() + " acknowledged, " + times.size()
                    + " stored, " + missing.size() + " acknowledged but missing, " + (times.size() - distinctTimes)
                    + " stored twice");
            if (!missing.isEmpty() || distinctTimes != times.size() || acknowledged.isEmpty()) {
                ok = false;
            }
        }
        System.out.println(ok ? "crash: all " + acknowledgedTotal + " acknowledged readings survived, none twice"
                : "crash: acknowledged readings lost or duplicated");
        return ok;
    }
}
