package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/** Member and companion chat on an order over WebSocket; history by REST; nobody else gets in. */
class ChatIT extends DeployedEar {

    private final Api api = new Api();
    private final Care care = new Care(api);
    private final FakeWechatPay wechatPay = FakeWechatPay.get();
    private final FakeWecomApi wecom = FakeWecomApi.get();

    private record Order(Api.Session member, String orderId, String orderNo, String staffToken, String wecomUser) {
    }

    private Order paidOrder(int hour) {
        String serviceId = care.service("陪诊" + System.nanoTime(), "199.00", 60).getString("id");
        String wecomUser = "chat-" + System.nanoTime();
        String staffId = care.staffInWecom("赵护工", wecomUser, serviceId).getString("id");
        Api.Session member = api.login(Api.newPhone());
        Api.Reply booked = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(hour), null), member.token());
        assertEquals(200, booked.status(), booked.raw());
        String orderId = booked.data().getString("orderId");
        String orderNo = booked.data().getString("orderNo");
        assertEquals(200, api.post("/api/v1/orders/" + orderId + "/pay", Api.json("openid", "o-chat"), member.token()).status());
        assertEquals(200, wechatPay.notify(FakeWechatPay.notificationBody("TRANSACTION.SUCCESS",
                FakeWechatPay.transaction(orderNo, 19900, "4200000030" + System.nanoTime()))).status());
        String staffToken = Tokens.signed(Tokens.claims(staffId, "staff", Instant.now(),
                Instant.now().plus(1, ChronoUnit.HOURS)), Tokens.serverKey());
        return new Order(member, orderId, orderNo, staffToken, wecomUser);
    }

    /** A chat connection as the mini-program (or the WeCom web view) opens one. */
    static final class Client implements WebSocket.Listener {

        final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        static Client connect(String orderId, String token) {
            return connectWith(orderId, token == null ? java.util.Map.of() : java.util.Map.of("Authorization", "Bearer " + token));
        }

        /** With the handshake's headers as given (a session cookie and an Origin, say). */
        static Client connectWith(String orderId, java.util.Map<String, String> headers) {
            return connectTo("ws://localhost:9080", orderId, headers);
        }

        /** To the server at wsBase (ws://host:port), one of a cluster's. */
        static Client connectTo(String wsBase, String orderId, java.util.Map<String, String> headers) {
            Client client = new Client();
            WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
            headers.forEach(builder::header);
            client.socket = builder.buildAsync(URI.create(wsBase + "/ws/chat/" + orderId), client).join();
            client.awaitReadyOrClose();
            return client;
        }

        void say(String content) {
            socket.sendText(Json.createObjectBuilder().add("content", content).build().toString(), true).join();
        }

        JsonObject next() {
            try {
                JsonObject frame = frames.poll(15, TimeUnit.SECONDS);
                if (frame == null) {
                    throw new AssertionError("No chat frame arrived" + (closed.isDone() ? "; the connection was closed: "
                            + closed.getNow("") : ""));
                }
                return frame;
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        /** Waits until the server has put this connection in the room, or has closed it. */
        void awaitReadyOrClose() {
            Instant deadline = Instant.now().plusSeconds(15);
            while (!closed.isDone() && Instant.now().isBefore(deadline)) {
                JsonObject frame;
                try {
                    frame = frames.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                if (frame != null) {
                    assertEquals("ready", frame.getString("type"), "the first frame says the connection is live");
                    return;
                }
            }
            if (!closed.isDone()) {
                throw new AssertionError("The chat connection neither became ready nor was closed");
            }
        }

        JsonObject nextOfType(String type) {
            JsonObject frame = next();
            while (!type.equals(frame.getString("type"))) {
                frame = next();
            }
            return frame;
        }

        /** The next message the other side wrote (one's own messages come back too, for one's other devices). */
        JsonObject nextFrom(String from) {
            JsonObject message = nextOfType("message").getJsonObject("message");
            while (!from.equals(message.getString("from"))) {
                message = nextOfType("message").getJsonObject("message");
            }
            return message;
        }

        String closeReason() {
            return closed.orTimeout(15, TimeUnit.SECONDS).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(Json.createReader(new StringReader(partial.toString())).readObject());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }

    @Test
    void theMemberAndTheCompanionChatAndNobodyElseGetsIn() {
        Order order = paidOrder(9);
        Client member = Client.connect(order.orderId(), order.member().token());
        Client staff = Client.connect(order.orderId(), order.staffToken());

        member.say("您好，我在门诊大厅等您");
        JsonObject sent = member.nextOfType("sent").getJsonObject("message");
        assertEquals("member", sent.getString("from"));
        JsonObject received = staff.nextOfType("message").getJsonObject("message");
        assertEquals(sent.getString("id"), received.getString("id"));
        assertEquals("您好，我在门诊大厅等您", received.getString("content"));

        staff.say("好的，我五分钟后到");
        assertEquals("好的，我五分钟后到", member.nextFrom("staff").getString("content"));

        member.say("   ");
        JsonObject refused = member.nextOfType("error");
        assertEquals("CHAT_EMPTY", refused.getString("code"));
        member.socket.sendText("not json", true).join();
        assertEquals("BAD_FRAME", member.nextOfType("error").getString("code"));

        Api.Reply history = api.get("/api/v1/orders/" + order.orderId() + "/chat", order.member().token());
        assertEquals(200, history.status(), history.raw());
        assertEquals(2, history.data().getInt("total"), "refused messages are not kept");
        assertEquals("好的，我五分钟后到", history.data().getJsonArray("items").getJsonObject(0).getString("content"),
                "newest first");
        assertEquals(200, api.get("/api/v1/orders/" + order.orderId() + "/chat", care.adminToken()).status(),
                "admins may read");
        assertEquals(200, api.get("/api/v1/orders/" + order.orderId() + "/chat", order.staffToken()).status());

        Api.Session stranger = api.login(Api.newPhone());
        assertEquals(404, api.get("/api/v1/orders/" + order.orderId() + "/chat", stranger.token()).status());
        assertEquals(404, api.post("/api/v1/orders/" + order.orderId() + "/chat", Api.json("content", "hi"),
                stranger.token()).status());
        Client third = Client.connect(order.orderId(), stranger.token());
        assertEquals("1008 NOT_FOUND", third.closeReason());
        Client anonymous = Client.connect(order.orderId(), null);
        assertEquals("1008 UNAUTHENTICATED", anonymous.closeReason());
        Client forged = Client.connect(order.orderId(), order.member().token().substring(0, 40) + "x.y.z");
        assertEquals("1008 UNAUTHENTICATED", forged.closeReason());

        FakeSmsGateway.sleep(3500);
        assertEquals(0, wecom.textsTo(order.wecomUser()).stream().filter(t -> t.contains("门诊大厅")).count(),
                "a message the companion saw is not pushed to them");
        assertEquals(2, api.get("/api/v1/orders/" + order.orderId() + "/chat", order.member().token()).data()
                .getInt("total"), "the stranger's attempts left nothing");
        member.close();
        staff.close();
    }

    @Test
    void aMessageForSomeoneOfflineIsPushedToThemOnce() {
        Order order = paidOrder(10);
        Api.Reply sent = api.post("/api/v1/orders/" + order.orderId() + "/chat", Api.json("content", "请问需要带医保卡吗？"),
                order.member().token());
        assertEquals(200, sent.status(), sent.raw());
        Instant deadline = Instant.now().plusSeconds(30);
        while (wecom.textsTo(order.wecomUser()).stream().noneMatch(t -> t.contains("请问需要带医保卡吗"))
                && Instant.now().isBefore(deadline)) {
            FakeSmsGateway.sleep(200);
        }
        assertEquals(1, wecom.textsTo(order.wecomUser()).stream().filter(t -> t.contains("请问需要带医保卡吗")).count(),
                "the offline companion gets it in WeCom");

        Api.Reply reply = api.post("/api/v1/orders/" + order.orderId() + "/chat", Api.json("content", "需要，请带上医保卡和病历"),
                order.staffToken());
        assertEquals(200, reply.status(), reply.raw());
        Api.Reply inbox = api.await("/api/v1/messages?kind=service", order.member().token(),
                r -> r.raw().contains("需要，请带上医保卡和病历"), Duration.ofSeconds(30));
        assertTrue(inbox.raw().contains("服务人员发来新消息"), inbox.raw());
        FakeSmsGateway.sleep(3000);
        assertEquals(1, api.get("/api/v1/messages?kind=service", order.member().token()).data().getInt("total"),
                "pushed once");

        // Sending ends with the order.
        assertEquals(200, api.post("/api/v1/orders/" + order.orderId() + "/cancel", Api.json("reason", "行程有变"),
                order.member().token()).status());
        Api.Reply closed = api.post("/api/v1/orders/" + order.orderId() + "/chat", Api.json("content", "还在吗"),
                order.member().token());
        assertEquals(409, closed.status(), closed.raw());
        assertEquals("CHAT_CLOSED", closed.body().getString("errorCode"));
        assertEquals(403, api.post("/api/v1/orders/" + order.orderId() + "/chat", Api.json("content", "x"),
                care.adminToken()).status(), "admins read, they do not write");
    }

    @Test
    void aMessageFromAnotherServerReachesAClientConnectedHere() {
        Order order = paidOrder(11);
        Client member = Client.connect(order.orderId(), order.member().token());
        Api.Reply fromElsewhere = api.post("/api/v1/orders/" + order.orderId() + "/chat", Api.json("content", "第一条"),
                order.staffToken());
        assertEquals("第一条", member.nextFrom("staff").getString("content"));

        // Another server's sender: the message arrives on the chat topic only.
        String id = "other-server-" + System.nanoTime();
        String message = Json.createObjectBuilder().add("id", id).add("orderId", order.orderId()).add("from", "staff")
                .add("content", "来自另一台服务器").add("createdAt", Instant.now().toString()).build().toString();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:61616", "leiming",
                "leiming-dev-only"); JMSContext context = factory.createContext()) {
            context.createProducer().send(context.createTopic("leiming.chat"), message);
        }
        JsonObject received = member.nextFrom("staff");
        assertEquals(id, received.getString("id"));
        assertEquals("来自另一台服务器", received.getString("content"));
        FakeSmsGateway.sleep(1000);
        assertNull(member.frames.poll(), "each message arrives once: " + fromElsewhere.raw());
        member.close();
    }

    @Test
    void aChatConnectionHasLimitsAndEndsWithItsTokenOrItsAccount() {
        Order order = paidOrder(12);
        Client member = Client.connect(order.orderId(), order.member().token());

        // Too fast: the test server takes 10 messages a minute per connection; the rest are refused, not kept.
        for (int i = 0; i < 12; i++) {
            member.say("第" + i + "条");
        }
        assertEquals("CHAT_TOO_FAST", member.nextOfType("error").getString("code"));
        FakeSmsGateway.sleep(500);
        assertEquals(10, api.get("/api/v1/orders/" + order.orderId() + "/chat", order.member().token()).data()
                .getInt("total"), "the refused messages are not kept");

        // Too big: the connection is closed (1009), nothing is kept.
        member.socket.sendText(Json.createObjectBuilder().add("content", "长".repeat(9000)).build().toString(), true);
        assertTrue(member.closeReason().startsWith("1009"), "closed for a frame too big");

        // The token expires: the connection is closed by the chat sweep (every second on the test server).
        String shortLived = Tokens.signed(Tokens.claims(order.member().memberId(), "member", Instant.now(),
                Instant.now().plusSeconds(3)), Tokens.serverKey());
        Client expiring = Client.connect(order.orderId(), shortLived);
        assertEquals("1008 TOKEN_EXPIRED", expiring.closeReason());

        // The member is suspended: their open connection is closed.
        Client suspended = Client.connect(order.orderId(), order.member().token());
        assertEquals(200, api.post("/api/v1/admin/members/" + order.member().memberId() + "/suspend", "",
                care.adminToken()).status());
        assertEquals("1008 ACCOUNT_DISABLED", suspended.closeReason());
    }
}
