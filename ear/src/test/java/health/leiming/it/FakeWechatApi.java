package health.leiming.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The mini-program's WeChat server API over real HTTP: code2session (each wx.login code names an
 * openid, once), the access token, and getuserphonenumber (each phone code names a number, once).
 */
final class FakeWechatApi {

    static final String SECRET = "it-mini-program-secret";
    static final String SESSION_KEY = "tiihtNczf5v6AKRyjwEUhQ==";
    private static FakeWechatApi instance;

    private final Map<String, String> loginCodes = new ConcurrentHashMap<>();
    private final Map<String, String> phoneCodes = new ConcurrentHashMap<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final List<JsonObject> subscribeMessages = new CopyOnWriteArrayList<>();

    private FakeWechatApi(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/sns/jscode2session", exchange -> {
            Map<String, String> query = FakeHttp.query(exchange);
            String openid = FakeWechatPay.APP_ID.equals(query.get("appid")) && SECRET.equals(query.get("secret"))
                    ? loginCodes.remove(query.getOrDefault("js_code", "")) : null;
            FakeHttp.sendJson(exchange, openid == null ? "{\"errcode\":40029,\"errmsg\":\"invalid code\"}"
                    : "{\"openid\":\"" + openid + "\",\"session_key\":\"" + SESSION_KEY + "\"}");
        });
        server.createContext("/cgi-bin/token", exchange -> {
            String token = "ACCESS" + System.nanoTime();
            tokens.add(token);
            FakeHttp.sendJson(exchange, "{\"access_token\":\"" + token + "\",\"expires_in\":7200}");
        });
        server.createContext("/wxa/business/getuserphonenumber", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!tokens.contains(FakeHttp.query(exchange).get("access_token"))) {
                FakeHttp.sendJson(exchange, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
                return;
            }
            String phone = phoneCodes.remove(Json.createReader(new StringReader(body)).readObject().getString("code", ""));
            FakeHttp.sendJson(exchange, phone == null ? "{\"errcode\":40029,\"errmsg\":\"invalid code\"}"
                    : "{\"errcode\":0,\"errmsg\":\"ok\",\"phone_info\":{\"phoneNumber\":\"" + phone
                            + "\",\"purePhoneNumber\":\"" + phone + "\",\"countryCode\":\"86\"}}");
        });
        server.createContext("/cgi-bin/message/subscribe/send", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!tokens.contains(FakeHttp.query(exchange).get("access_token"))) {
                FakeHttp.sendJson(exchange, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
                return;
            }
            subscribeMessages.add(Json.createReader(new StringReader(body)).readObject());
            FakeHttp.sendJson(exchange, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        });
        server.start();
    }

    /** The subscribe messages sent to the openid so far. */
    List<JsonObject> subscribeMessagesTo(String openid) {
        return subscribeMessages.stream().filter(m -> openid.equals(m.getString("touser"))).toList();
    }

    static synchronized FakeWechatApi get() {
        if (instance == null) {
            try {
                instance = new FakeWechatApi(Integer.getInteger("leiming.it.wechat-port", 18092));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the fake WeChat API", e);
            }
        }
        return instance;
    }

    String loginCode(String openid) {
        String code = "JS" + System.nanoTime();
        loginCodes.put(code, openid);
        return code;
    }

    String phoneCode(String phone) {
        String code = "PH" + System.nanoTime();
        phoneCodes.put(code, phone);
        return code;
    }
}
