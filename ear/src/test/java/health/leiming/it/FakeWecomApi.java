package health.leiming.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final List<JsonObject> messages = new CopyOnWriteArrayList<>();
    private final Set<String> unknownUsers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReference<String> signedInUser = new java.util.concurrent.atomic.AtomicReference<>();
    final List<Map<String, String>> authorizeRequests = new CopyOnWriteArrayList<>();

    private FakeWecomApi(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/cgi-bin/gettoken", exchange -> {
            Map<String, String> query = FakeHttp.query(exchange);
            if (!FakeWecom.CORP_ID.equals(query.get("corpid")) || !SECRET.equals(query.get("corpsecret"))) {
                FakeHttp.sendJson(exchange, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
                return;
            }
            String token = "TOKEN-" + tokensIssued.incrementAndGet();
            validTokens.add(token);
            FakeHttp.sendJson(exchange, "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + token + "\",\"expires_in\":7200}");
        });
        server.createContext("/cgi-bin/auth/getuserinfo", exchange -> {
            Map<String, String> query = FakeHttp.query(exchange);
            if (!validTokens.contains(query.get("access_token"))) {
                FakeHttp.sendJson(exchange, "{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}");
                return;
            }
            String user = codes.remove(query.getOrDefault("code", ""));
            FakeHttp.sendJson(exchange, user == null ? "{\"errcode\":40029,\"errmsg\":\"invalid code\"}"
                    : "{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"" + user + "\",\"user_ticket\":\"t\"}");
        });
        // The OAuth page a companion's WeCom opens (企业微信网页授权): signs in as the user the test chose.
        server.createContext("/connect/oauth2/authorize", exchange -> {
            Map<String, String> query = FakeHttp.query(exchange);
            String user = signedInUser.get();
            if (!FakeWecom.CORP_ID.equals(query.get("appid")) || user == null || query.get("redirect_uri") == null) {
                exchange.sendResponseHeaders(400, -1);
                exchange.close();
                return;
            }
            authorizeRequests.add(query);
            exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + codeFor(user)
                    + "&state=" + java.net.URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/cgi-bin/message/send", exchange -> {
            String body;
            try (var in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!validTokens.contains(FakeHttp.query(exchange).get("access_token"))) {
                FakeHttp.sendJson(exchange, "{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}");
                return;
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                FakeHttp.sendJson(exchange, "{\"errcode\":-1,\"errmsg\":\"system busy\"}");
                return;
            }
            JsonObject message = Json.createReader(new StringReader(body)).readObject();
            String user = message.getString("touser");
            if (unknownUsers.contains(user)) {
                FakeHttp.sendJson(exchange, "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"" + user + "\"}");
                return;
            }
            messages.add(message);
            FakeHttp.sendJson(exchange, "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"msgid\":\"M"
                    + System.nanoTime() + "\"}");
        });
        server.start();
    }

    /** The text messages our application sent to the WeCom user so far. */
    List<String> textsTo(String userId) {
        return messages.stream().filter(m -> userId.equals(m.getString("touser")))
                .map(m -> m.getJsonObject("text").getString("content")).toList();
    }

    /** The next n message sends fail as "system busy" (a WeCom outage, as far as we can tell). */
    void failNextSends(int n) {
        failuresLeft.set(n);
    }

    /** Messages to this user are refused: not in the application's visible range. */
    void refuse(String userId) {
        unknownUsers.add(userId);
    }

    void accept(String userId) {
        unknownUsers.remove(userId);
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
    /** The WeCom user the OAuth page signs in from now on (the phone the companion holds). */
    void signInAs(String userId) {
        signedInUser.set(userId);
    }

    String codeFor(String userId) {
        String code = "CODE" + System.nanoTime();
        codes.put(code, userId);
        return code;
    }

    /** Every token issued so far stops working (WeCom revoked them, say). */
    void invalidateTokens() {
        validTokens.clear();
    }
}
