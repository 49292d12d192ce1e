package health.leiming.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WeCom's server API over real HTTP, as far as the server under test uses it: access tokens (which
 * the test can invalidate) and OAuth codes that name a WeCom user, each good for one use.
 */
final class FakeWecomApi {

    static final String SECRET = "it-wecom-app-secret";
    private static FakeWecomApi instance;

    final AtomicInteger tokensIssued = new AtomicInteger();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, String> codes = new ConcurrentHashMap<>();

    private FakeWecomApi(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/cgi-bin/gettoken", exchange -> {
            Map<String, String> query = query(exchange);
            if (!FakeWecom.CORP_ID.equals(query.get("corpid")) || !SECRET.equals(query.get("corpsecret"))) {
                send(exchange, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
                return;
            }
            String token = "TOKEN-" + tokensIssued.incrementAndGet();
            validTokens.add(token);
            send(exchange, "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + token + "\",\"expires_in\":7200}");
        });
        server.createContext("/cgi-bin/auth/getuserinfo", exchange -> {
            Map<String, String> query = query(exchange);
            if (!validTokens.contains(query.get("access_token"))) {
                send(exchange, "{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}");
                return;
            }
            String user = codes.remove(query.getOrDefault("code", ""));
            send(exchange, user == null ? "{\"errcode\":40029,\"errmsg\":\"invalid code\"}"
                    : "{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"" + user + "\",\"user_ticket\":\"t\"}");
        });
        server.start();
    }

    static synchronized FakeWecomApi get() {
        if (instance == null) {
            try {
                instance = new FakeWecomApi(Integer.getInteger("leiming.it.wecom-port", 18091));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the fake WeCom API", e);
            }
        }
        return instance;
    }

    /** An OAuth code for the user, as WeCom hands one to our page. */
    String codeFor(String userId) {
        String code = "CODE" + System.nanoTime();
        codes.put(code, userId);
        return code;
    }

    /** Every token issued so far stops working (WeCom revoked them, say). */
    void invalidateTokens() {
        validTokens.clear();
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> values = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
