package health.leiming.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TradeBillTest {

    private static final String HEADER = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
            + "付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,"
            + "商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\r\n";

    private static String line(String time, String transaction, String orderNo, String state, String settled,
            String refundNo, String refund, String refundState, String total, String askedRefund) {
        String[] fields = {time, "wxd678efh567hg6787", "1900000109", "0", "", transaction, orderNo, "o-test", "JSAPI",
                state, "OTHERS", "CNY", settled, "0.00", refundNo.isEmpty() ? "0" : "5030" + refundNo, refundNo, refund,
                "0.00", refundNo.isEmpty() ? "" : "ORIGINAL", refundState, "陪诊, 半天", "", "0.00", "0.60%", total,
                askedRefund, ""};
        return "`" + String.join(",`", fields) + "\r\n";
    }

    @Test
    void readsPaymentsAndRefundsByTheirColumnNames() {
        String csv = HEADER
                + line("2026-11-30 09:10:11", "4200001", "LM2026113000001", "SUCCESS", "88.00", "", "0.00", "", "88.00", "0.00")
                + line("2026-11-30 10:00:00", "4200002", "LM2026113000002", "REFUND", "0.00", "RFLM2026113000002", "59.00",
                        "SUCCESS", "0.00", "59.00")
                + line("2026-11-30 11:00:00", "4200003", "LM2026113000003", "REVOKED", "0.00", "", "0.00", "", "10.00", "0.00")
                + "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n"
                + "`3,`88.00,`59.00,`0.00,`0.53,`98.00,`59.00\r\n";

        TradeBill bill = TradeBill.parse(csv);

        assertEquals(1, bill.payments().size());
        TradeBill.PaidLine paid = bill.payments().get(0);
        assertEquals("LM2026113000001", paid.outTradeNo());
        assertEquals("4200001", paid.transactionId());
        assertEquals(8800, paid.totalFen());
        assertEquals(1, bill.refunds().size());
        TradeBill.RefundLine refund = bill.refunds().get(0);
        assertEquals("RFLM2026113000002", refund.outRefundNo());
        assertEquals(5900, refund.refundFen());
        assertEquals("SUCCESS", refund.state());
    }

    @Test
    void aBillWhoseSummaryDisagreesWithItsLinesOrThatIsCutShortIsRefused() {
        String one = HEADER
                + line("2026-11-30 09:10:11", "4200001", "LM1", "SUCCESS", "88.00", "", "0.00", "", "88.00", "0.00");
        IllegalArgumentException miscounted = assertThrows(IllegalArgumentException.class, () -> TradeBill.parse(one
                + "总交易单数,应结订单总金额\r\n`2,`88.00\r\n"));
        assertTrue(miscounted.getMessage().contains("counts 2"), miscounted.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TradeBill.parse(one), "no summary: cut short");
        assertThrows(IllegalArgumentException.class, () -> TradeBill.parse("a,b,c\n"), "not a trade bill");
    }

    @Test
    void aDayWithoutTradesHasAnEmptyBill() {
        TradeBill bill = TradeBill.parse(HEADER + "总交易单数,应结订单总金额\r\n`0,`0.00\r\n");
        assertTrue(bill.payments().isEmpty());
        assertTrue(bill.refunds().isEmpty());
    }
}
