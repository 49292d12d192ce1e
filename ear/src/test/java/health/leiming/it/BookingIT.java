package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Slots, booking, cancelling and the unpaid timeout, over HTTP; no place is ever given twice. */
class BookingIT extends DeployedEar {

    private final Api api = new Api();
    private final Care care = new Care(api);

    private JsonObject slot(String serviceId, LocalDate date, String time, String token) {
        Api.Reply reply = api.get("/api/v1/appointments/available-slots?serviceId=" + serviceId + "&date=" + date, token);
        assertEquals(200, reply.status(), reply.raw());
        return reply.data().getJsonArray("slots").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("time").equals(time)).findFirst().orElseThrow();
    }

    private long orderCount(Api.Session member) {
        return api.get("/api/v1/orders", member.token()).data().getJsonNumber("total").longValue();
    }

    @Test
    void slotsShowTheirCapacityAndWhyTheyAreClosed() {
        String serviceId = care.service("陪诊" + System.nanoTime(), "199.00", 60).getString("id");
        care.staff("甲", serviceId);
        care.staff("乙", serviceId);
        Api.Session member = api.login(Api.newPhone());

        JsonObject ten = slot(serviceId, Care.slotDay(), "10:00", member.token());
        assertTrue(ten.getBoolean("available"));
        assertEquals(2, ten.getInt("remaining"));
        assertEquals(Care.slot(10).toString(), ten.getString("startsAt"));

        Api.Reply today = api.get("/api/v1/appointments/available-slots?serviceId=" + serviceId + "&date="
                + LocalDate.now(Care.SHANGHAI), member.token());
        for (JsonObject s : today.data().getJsonArray("slots").getValuesAs(JsonObject.class)) {
            if (Instant.parse(s.getString("startsAt")).isBefore(Instant.now())) {
                assertEquals("已过期", s.getString("reason"), s.toString());
            }
        }
        String lonely = care.service("无人服务" + System.nanoTime(), "10.00", 60).getString("id");
        assertEquals("当天暂无可服务人员", slot(lonely, Care.slotDay(), "10:00", member.token()).getString("reason"));
        assertEquals(404, api.get("/api/v1/appointments/available-slots?serviceId=nope&date=" + Care.slotDay(),
                member.token()).status());
        assertEquals(400, api.get("/api/v1/appointments/available-slots?serviceId=" + serviceId, member.token())
                .status(), "the date is required");
    }

    @Test
    void aBookingTakesThePriceFromTheCatalogAndOnlyItsMemberSeesIt() {
        JsonObject service = care.service("全程陪诊" + System.nanoTime(), "299.00", 60);
        String serviceId = service.getString("id");
        care.staff("甲", serviceId);
        Api.Session member = api.login(Api.newPhone());
        String tampered = Json.createObjectBuilder(Json.createReader(new java.io.StringReader(
                Care.booking(serviceId, Care.slot(9), null))).readObject()).add("amount", 0.01).build().toString();
        Api.Reply refused = api.post("/api/v1/appointments", tampered, member.token());
        assertEquals(400, refused.status(), "a price is not something the client sends: " + refused.raw());
        assertEquals("UNKNOWN_FIELD", refused.errorCode());
        assertEquals(0, orderCount(member), "and nothing was booked");

        Api.Reply booked = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(9), null), member.token());
        assertEquals(200, booked.status(), booked.raw());
        JsonObject data = booked.data();
        assertTrue(data.getString("orderNo").matches("ORDER\\d{8}\\d{4,}"), data.toString());
        assertEquals("pending", data.getString("status"));
        assertEquals(new BigDecimal("299.00"), data.getJsonNumber("amount").bigDecimalValue(),
                "the amount is the catalog's");
        assertEquals(Care.slot(9).toString(), data.getString("scheduledTime"));
        assertNotNull(data.getString("payBefore"));
        assertEquals(0, slot(serviceId, Care.slotDay(), "09:00", member.token()).getInt("remaining"));
        assertEquals("已约满", slot(serviceId, Care.slotDay(), "09:00", member.token()).getString("reason"));

        String orderId = data.getString("orderId");
        JsonObject order = api.get("/api/v1/orders/" + orderId, member.token()).data();
        assertEquals("pending", order.getJsonObject("order").getString("status"));
        assertEquals("138****8000", order.getJsonObject("order").getJsonObject("contact").getString("phone"));
        assertTrue(order.getJsonObject("appointment").getString("checkInCode").matches("\\d{6}"));
        assertEquals("甲", order.getJsonObject("appointment").getJsonObject("staff").getString("name"));
        assertEquals("pending", order.getJsonArray("history").getJsonObject(0).getString("to"));
        assertEquals(1, orderCount(member));

        Api.Session other = api.login(Api.newPhone());
        assertEquals(404, api.get("/api/v1/orders/" + orderId, other.token()).status());
        assertEquals(404, api.post("/api/v1/orders/" + orderId + "/cancel", "{}", other.token()).status());
        assertEquals(0, orderCount(other));
        assertEquals("pending", api.get("/api/v1/orders/" + orderId, member.token()).data().getJsonObject("order")
                .getString("status"), "the other member's cancel changed nothing");
    }

    @Test
    void badBookingsAreRefusedAndWriteNothing() {
        String serviceId = care.service("陪诊" + System.nanoTime(), "99.00", 60).getString("id");
        care.staff("甲", serviceId);
        Api.Session member = api.login(Api.newPhone());
        Api.Session stranger = api.login(Api.newPhone());

        Api.Reply halfPast = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(9).plusSeconds(1800),
                null), member.token());
        assertEquals(400, halfPast.status());
        assertEquals("SLOT_INVALID", halfPast.body().getString("errorCode"));
        Api.Reply past = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(9).minus(Duration.ofDays(7)),
                null), member.token());
        assertEquals(409, past.status(), past.raw());
        assertEquals("SLOT_CLOSED", past.body().getString("errorCode"));
        Api.Reply someoneElses = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(9),
                stranger.memberId()), member.token());
        assertEquals(404, someoneElses.status(), "another member's person is not found");
        Api.Reply noPhone = api.post("/api/v1/appointments", Json.createObjectBuilder().add("serviceId", serviceId)
                .add("scheduledTime", Care.slot(9).toString()).add("contactPerson", "张三").build().toString(),
                member.token());
        assertEquals(400, noPhone.status());
        assertEquals(404, api.post("/api/v1/appointments", Care.booking("nope", Care.slot(9), null), member.token())
                .status());

        assertEquals(0, orderCount(member));
        assertEquals(0, orderCount(stranger));
        assertEquals(1, slot(serviceId, Care.slotDay(), "09:00", member.token()).getInt("remaining"));
    }

    @Test
    void aLongServiceHoldsEverySlotItTouchesAndCancellingFreesThem() {
        String serviceId = care.service("住院陪护" + System.nanoTime(), "480.00", 120).getString("id");
        care.staff("甲", serviceId);
        Api.Session member = api.login(Api.newPhone());
        Api.Reply booked = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(9), null), member.token());
        assertEquals(200, booked.status(), booked.raw());
        assertEquals("已约满", slot(serviceId, Care.slotDay(), "10:00", member.token()).getString("reason"),
                "a two-hour visit at nine keeps the companion at ten");
        assertTrue(slot(serviceId, Care.slotDay(), "11:00", member.token()).getBoolean("available"));

        String orderId = booked.data().getString("orderId");
        Api.Reply cancelled = api.post("/api/v1/orders/" + orderId + "/cancel", Api.json("reason", "行程有变"),
                member.token());
        assertEquals(200, cancelled.status(), cancelled.raw());
        assertEquals("cancelled", cancelled.data().getJsonObject("order").getString("status"));
        assertEquals("行程有变", cancelled.data().getJsonObject("order").getString("cancelReason"));
        assertEquals("cancelled", cancelled.data().getJsonObject("appointment").getString("appointmentStatus"));
        assertEquals(2, cancelled.data().getJsonArray("history").size());
        assertTrue(slot(serviceId, Care.slotDay(), "09:00", member.token()).getBoolean("available"));
        assertTrue(slot(serviceId, Care.slotDay(), "10:00", member.token()).getBoolean("available"));

        Api.Reply again = api.post("/api/v1/orders/" + orderId + "/cancel", "{}", member.token());
        assertEquals(409, again.status());
        assertEquals("ORDER_STATE_INVALID", again.body().getString("errorCode"));
        assertEquals(1, api.get("/api/v1/orders?status=cancelled", member.token()).data().getInt("total"));
        assertEquals(0, api.get("/api/v1/orders?status=pending", member.token()).data().getInt("total"));
    }

    @Test
    void aDoubleTapBooksOnce() throws Exception {
        String serviceId = care.service("陪诊" + System.nanoTime(), "199.00", 60).getString("id");
        care.staff("甲", serviceId);
        care.staff("乙", serviceId);
        Api.Session member = api.login(Api.newPhone());
        String body = Care.booking(serviceId, Care.slot(15), null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Api.Reply> first = pool.submit(() -> api.post("/api/v1/appointments", body, member.token()));
            Future<Api.Reply> second = pool.submit(() -> api.post("/api/v1/appointments", body, member.token()));
            List<Integer> statuses = List.of(first.get().status(), second.get().status());
            assertTrue(statuses.contains(200) && statuses.contains(409), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, orderCount(member));
        assertEquals(1, slot(serviceId, Care.slotDay(), "15:00", member.token()).getInt("remaining"),
                "the second companion is still free for someone else");
    }

    @Test
    void anUnpaidOrderIsCancelledAfterThePaymentWindowAndItsPlaceFreed() {
        String serviceId = care.service("代取报告" + System.nanoTime(), "39.00", 60).getString("id");
        care.staff("甲", serviceId);
        Api.Session member = api.login(Api.newPhone());
        Api.Reply booked = api.post("/api/v1/appointments", Care.booking(serviceId, Care.slot(14), null), member.token());
        assertEquals(200, booked.status(), booked.raw());
        String orderId = booked.data().getString("orderId");

        // The test server's payment window is 8 s and the sweep runs every second.
        Api.Reply order = api.await("/api/v1/orders/" + orderId, member.token(),
                r -> "cancelled".equals(r.data().getJsonObject("order").getString("status")), Duration.ofSeconds(30));
        JsonObject detail = order.data();
        assertEquals("cancelled", detail.getJsonObject("order").getString("status"), detail.toString());
        assertEquals("超时未支付，已自动取消", detail.getJsonObject("order").getString("cancelReason"));
        assertEquals("system", detail.getJsonArray("history").getJsonObject(1).getString("by"));
        assertTrue(slot(serviceId, Care.slotDay(), "14:00", member.token()).getBoolean("available"));
    }

    @Test
    void aHundredAndFiftyConcurrentBookingsForThreePlacesMakeExactlyThreeAndNoError() throws Exception {
        String serviceId = care.service("陪诊" + System.nanoTime(), "199.00", 60).getString("id");
        for (String name : List.of("甲", "乙", "丙")) {
            care.staff(name, serviceId);
        }
        List<Api.Session> members = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            members.add(api.login(Api.newPhone()));
        }
        String body = Care.booking(serviceId, Care.slot(16), null);
        int requests = 150; // 100 members, 50 of them tapping twice
        Map<String, Api> devices = new HashMap<>(); // each member's phone: its own client, over new connections
        HttpClient fresh = Api.newHttpClient();
        members.forEach(m -> devices.put(m.phone(), new Api(fresh)));
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                Api.Session member = members.get(i % members.size());
                replies.add(pool.submit(() -> {
                    start.await();
                    return devices.get(member.phone()).post("/api/v1/appointments", body, member.token());
                }));
            }
            start.countDown();
            int booked = 0;
            for (Future<Api.Reply> future : replies) {
                Api.Reply reply = future.get();
                if (reply.status() == 200) {
                    booked++;
                } else {
                    assertEquals(409, reply.status(), reply.raw());
                    String code = reply.body().getString("errorCode");
                    assertTrue(code.equals("SLOT_FULL") || code.equals("SLOT_BUSY") || code.equals("BOOKING_DUPLICATE"),
                            reply.raw());
                }
            }
            assertEquals(3, booked, "exactly as many bookings as places");
        } finally {
            pool.shutdownNow();
        }
        long orders = members.stream().mapToLong(this::orderCount).sum();
        assertEquals(3, orders, "and exactly as many orders");
    }
}
