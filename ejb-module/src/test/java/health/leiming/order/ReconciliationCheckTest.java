package health.leiming.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import health.leiming.order.ReconciliationCheck.Kind;
import health.leiming.order.ReconciliationCheck.OurPayment;
import health.leiming.order.ReconciliationCheck.OurRefund;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReconciliationCheckTest {

    private static final String HEADER = "交易时间,微信订单号,商户订单号,交易状态,订单金额,商户退款单号,申请退款金额,退款状态\n";
    private static final String SUMMARY = "总交易单数,订单总金额\n";

    private static String paid(String orderNo, String yuan) {
        return "`2026-11-30 09:00:00,`4200" + orderNo + ",`" + orderNo + ",`SUCCESS,`" + yuan + ",`,`0.00,`\n";
    }

    private static String refund(String orderNo, String yuan, String state) {
        return "`2026-11-30 12:00:00,`4200" + orderNo + ",`" + orderNo + ",`REFUND,`0.00,`RF" + orderNo + ",`" + yuan
                + ",`" + state + "\n";
    }

    private static TradeBill bill(String... lines) {
        return TradeBill.parse(HEADER + String.join("", lines) + SUMMARY + "`" + lines.length + ",`0\n");
    }

    private static Map<String, OurPayment> payments(OurPayment... payments) {
        return Stream.of(payments).collect(Collectors.toMap(OurPayment::outTradeNo, p -> p));
    }

    private static Map<String, OurRefund> refunds(OurRefund... refunds) {
        return Stream.of(refunds).collect(Collectors.toMap(OurRefund::outRefundNo, r -> r));
    }

    @Test
    void booksThatAgreeHaveNoDifference() {
        var result = ReconciliationCheck.compare(bill(paid("A", "88.00"), refund("B", "10.00", "SUCCESS")),
                payments(new OurPayment("A", 8800, true, true)),
                refunds(new OurRefund("B", "RFB", 1000, "succeeded", true)));
        assertEquals(List.of(), result.differences());
        assertEquals(List.of("A", "RFB"), result.matched());
        assertEquals(8800, result.billPaidFen());
        assertEquals(1000, result.billRefundedFen());
    }

    @Test
    void aPaymentPaidWithUsOnAnotherDayStillMatchesItsBillLine() {
        var result = ReconciliationCheck.compare(bill(paid("A", "88.00")),
                payments(new OurPayment("A", 8800, true, false)), Map.of());
        assertEquals(List.of(), result.differences());
    }

    @Test
    void everyKindOfDifferenceIsFoundOnce() {
        var result = ReconciliationCheck.compare(
                bill(paid("MISSING", "50.00"), paid("DEAR", "80.00"), refund("R1", "10.00", "SUCCESS"),
                        refund("R2", "20.00", "SUCCESS"), refund("R3", "30.00", "PROCESSING")),
                payments(new OurPayment("MISSING", 5000, false, false), new OurPayment("DEAR", 8800, true, true),
                        new OurPayment("ONLYOURS", 1200, true, true)),
                refunds(new OurRefund("R1", "RFR1", 1000, "submitted", false),
                        new OurRefund("R3", "RFR3", 3000, "requested", false),
                        new OurRefund("R4", "RFR4", 4000, "succeeded", true)));
        Map<Kind, List<String>> found = result.differences().stream().collect(Collectors.groupingBy(
                ReconciliationCheck.Difference::kind, Collectors.mapping(d -> d.outTradeNo() + d.outRefundNo(),
                        Collectors.toList())));
        assertEquals(Map.of(Kind.PAID_ONLY_AT_WECHAT, List.of("MISSING"), Kind.AMOUNT_DIFFERS, List.of("DEAR"),
                Kind.PAID_ONLY_WITH_US, List.of("ONLYOURS"), Kind.REFUND_STATE_DIFFERS, List.of("R1RFR1"),
                Kind.REFUND_ONLY_AT_WECHAT, List.of("R2RFR2", "R3RFR3"), Kind.REFUND_ONLY_WITH_US, List.of("R4RFR4")),
                found);
        assertEquals(List.of(), result.matched());
    }
}
