package health.leiming.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.leiming.platform.FieldCipher;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderStateMachineTest {

    private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");

    /** The legal moves, written out once more by hand: the enum must agree with this table. */
    private static final Map<OrderStatus, Set<OrderStatus>> LEGAL = Map.of(
            OrderStatus.pending, EnumSet.of(OrderStatus.paid, OrderStatus.cancelled),
            OrderStatus.paid, EnumSet.of(OrderStatus.confirmed, OrderStatus.cancelled),
            OrderStatus.confirmed, EnumSet.of(OrderStatus.in_progress, OrderStatus.cancelled),
            OrderStatus.in_progress, EnumSet.of(OrderStatus.completed),
            OrderStatus.completed, EnumSet.of(OrderStatus.refunded),
            OrderStatus.cancelled, EnumSet.noneOf(OrderStatus.class),
            OrderStatus.refunded, EnumSet.noneOf(OrderStatus.class));

    private static Order orderIn(OrderStatus status) {
        Order order = Order.place("ORDER202611290001", "member-1", "member-1", "service-1", new BigDecimal("299.00"),
                Json.createObjectBuilder().add("name", "张三").add("phone", "13800138000").build().toString(),
                Json.createObjectBuilder().add("name", "陪诊").add("category", "companion").build(), NOW.plusSeconds(86_400), null, NOW).order();
        OrderStatus[] path = switch (status) {
            case pending -> new OrderStatus[] {};
            case paid -> new OrderStatus[] {OrderStatus.paid};
            case confirmed -> new OrderStatus[] {OrderStatus.paid, OrderStatus.confirmed};
            case in_progress -> new OrderStatus[] {OrderStatus.paid, OrderStatus.confirmed, OrderStatus.in_progress};
            case completed -> new OrderStatus[] {OrderStatus.paid, OrderStatus.confirmed, OrderStatus.in_progress,
                OrderStatus.completed};
            case refunded -> new OrderStatus[] {OrderStatus.paid, OrderStatus.confirmed, OrderStatus.in_progress,
                OrderStatus.completed, OrderStatus.refunded};
            case cancelled -> new OrderStatus[] {OrderStatus.cancelled};
        };
        for (OrderStatus step : path) {
            order.moveTo(step, Actor.system(), "test", NOW);
        }
        assertEquals(status, order.status());
        return order;
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void everyLegalMoveIsMadeAndRecorded(OrderStatus from) {
        for (OrderStatus to : LEGAL.get(from)) {
            Order order = orderIn(from);
            OrderTransition transition = order.moveTo(to, Actor.staff("staff-1"), "reason", NOW.plusSeconds(60));
            assertEquals(to, order.status());
            OrderTransition.TransitionView view = transition.view();
            assertEquals(from.name(), view.from());
            assertEquals(to.name(), view.to());
            assertEquals("staff", view.by());
            assertEquals(NOW.plusSeconds(60), view.at());
        }
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void everyOtherMoveIsRefusedAndChangesNothing(OrderStatus from) {
        for (OrderStatus to : EnumSet.complementOf(EnumSet.copyOf(LEGAL.get(from)))) {
            Order order = orderIn(from);
            BusinessException refused = assertThrows(BusinessException.class,
                    () -> order.moveTo(to, Actor.system(), "test", NOW), from + " -> " + to);
            assertEquals(ErrorKind.CONFLICT, refused.kind());
            assertEquals("ORDER_STATE_INVALID", refused.code());
            assertEquals(from, order.status());
        }
    }

    @Test
    void theEnumAgreesWithTheTable() {
        for (OrderStatus status : OrderStatus.values()) {
            assertEquals(LEGAL.get(status), status.next(), status.name());
        }
    }

    @Test
    void placingRecordsTheFirstTransitionAndCancellingKeepsTheReason() {
        Order.Placed placed = Order.place("ORDER202611290002", "m", "m", "s", new BigDecimal("10.00"),
                Json.createObjectBuilder().add("name", "李四").add("phone", "13900001111").build().toString(),
                Json.createObjectBuilder().add("name", "代取报告").add("category", "report_pickup").build(), NOW.plusSeconds(86_400), null, NOW);
        assertNull(placed.transition().view().from());
        assertEquals("pending", placed.transition().view().to());
        placed.order().cancel(Actor.member("m"), "行程有变", new BigDecimal("10.00"), NOW);
        OrderView view = placed.order().view(new FieldCipher()); // a contact in clear, as written before encryption
        assertEquals("cancelled", view.status());
        assertEquals("行程有变", view.cancelReason());
        assertNull(view.refundAmount(), "nothing was paid, nothing comes back");
        assertEquals("139****1111", view.contact().phone());
        assertNotNull(view.cancelledAt());
    }
}
