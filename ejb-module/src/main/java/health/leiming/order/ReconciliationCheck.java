package health.leiming.order;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a day's WeChat Pay trade bill with our books, line by line: every payment the bill lists
 * must be paid with us for the same amount, every payment we took that day must be in the bill, and
 * every refund must agree in amount and state. What does not agree is a {@link Difference} of one
 * {@link Kind}. Pure: the caller reads the books and settles what it can.
 */
public final class ReconciliationCheck {

    public enum Kind {
        /** WeChat Pay took the money; we have the order unpaid. */
        PAID_ONLY_AT_WECHAT,
        /** We have the order paid that day; the bill does not list it. */
        PAID_ONLY_WITH_US,
        /** Both have it, for different amounts (a payment or a refund). */
        AMOUNT_DIFFERS,
        /** Both have the refund, in different states. */
        REFUND_STATE_DIFFERS,
        /** The bill lists a refund we never submitted. */
        REFUND_ONLY_AT_WECHAT,
        /** We submitted a refund that day; the bill does not list it. */
        REFUND_ONLY_WITH_US
    }

    /** Our payment of an order: whether it is paid, for how much, and whether that was on the bill's day. */
    public record OurPayment(String outTradeNo, long amountFen, boolean paid, boolean paidThatDay) {
    }

    /** Our refund: requested (not yet at WeChat Pay), submitted, succeeded or failed; submitted on the bill's day. */
    public record OurRefund(String outTradeNo, String outRefundNo, long amountFen, String status,
            boolean submittedThatDay) {
    }

    public record Difference(Kind kind, String outTradeNo, String outRefundNo, Long wechatFen, Long ourFen,
            String wechatState, String ourState) {
    }

    /** The bill's totals, how many lines agreed (and which), and the differences. */
    public record Result(int billPayments, long billPaidFen, int billRefunds, long billRefundedFen, List<String> matched,
            List<Difference> differences) {
    }

    private ReconciliationCheck() {
    }

    /**
     * @param payments our payments of the bill's orders and of the orders paid with us that day, by out_trade_no
     * @param refunds our refunds the bill names and those submitted that day, by out_refund_no
     */
    public static Result compare(TradeBill bill, Map<String, OurPayment> payments, Map<String, OurRefund> refunds) {
        List<String> matched = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();
        long paidFen = 0;
        Set<String> billed = new HashSet<>();
        for (TradeBill.PaidLine line : bill.payments()) {
            paidFen += line.totalFen();
            billed.add(line.outTradeNo());
            OurPayment ours = payments.get(line.outTradeNo());
            if (ours == null || !ours.paid()) {
                differences.add(new Difference(Kind.PAID_ONLY_AT_WECHAT, line.outTradeNo(), "", line.totalFen(),
                        ours == null ? null : ours.amountFen(), "SUCCESS", ours == null ? "NONE" : "UNPAID"));
            } else if (ours.amountFen() != line.totalFen()) {
                differences.add(new Difference(Kind.AMOUNT_DIFFERS, line.outTradeNo(), "", line.totalFen(),
                        ours.amountFen(), "SUCCESS", "PAID"));
            } else {
                matched.add(line.outTradeNo());
            }
        }
        for (OurPayment ours : payments.values()) {
            if (ours.paidThatDay() && !billed.contains(ours.outTradeNo())) {
                differences.add(new Difference(Kind.PAID_ONLY_WITH_US, ours.outTradeNo(), "", null, ours.amountFen(),
                        "NONE", "PAID"));
            }
        }
        long refundedFen = 0;
        Set<String> refundsBilled = new HashSet<>();
        for (TradeBill.RefundLine line : bill.refunds()) {
            refundedFen += line.refundFen();
            refundsBilled.add(line.outRefundNo());
            OurRefund ours = refunds.get(line.outRefundNo());
            if (ours == null || "requested".equals(ours.status())) {
                differences.add(new Difference(Kind.REFUND_ONLY_AT_WECHAT, line.outTradeNo(), line.outRefundNo(),
                        line.refundFen(), ours == null ? null : ours.amountFen(), line.state(),
                        ours == null ? "NONE" : wechatState(ours.status())));
            } else if (ours.amountFen() != line.refundFen()) {
                differences.add(new Difference(Kind.AMOUNT_DIFFERS, line.outTradeNo(), line.outRefundNo(),
                        line.refundFen(), ours.amountFen(), line.state(), wechatState(ours.status())));
            } else if (!sameState(ours.status(), line.state())) {
                differences.add(new Difference(Kind.REFUND_STATE_DIFFERS, line.outTradeNo(), line.outRefundNo(),
                        line.refundFen(), ours.amountFen(), line.state(), wechatState(ours.status())));
            } else {
                matched.add(line.outRefundNo());
            }
        }
        for (OurRefund ours : refunds.values()) {
            if (ours.submittedThatDay() && !refundsBilled.contains(ours.outRefundNo())) {
                differences.add(new Difference(Kind.REFUND_ONLY_WITH_US, ours.outTradeNo(), ours.outRefundNo(), null,
                        ours.amountFen(), "NONE", wechatState(ours.status())));
            }
        }
        return new Result(bill.payments().size(), paidFen, bill.refunds().size(), refundedFen, List.copyOf(matched),
                List.copyOf(differences));
    }

    /** Our refund status in WeChat Pay's words. */
    static String wechatState(String status) {
        return switch (status) {
            case "succeeded" -> "SUCCESS";
            case "submitted" -> "PROCESSING";
            case "failed" -> "CLOSED";
            default -> "NOT_SUBMITTED";
        };
    }

    /** WeChat Pay's bill states: SUCCESS, PROCESSING, and for refunds that ended unpaid CLOSED, ABNORMAL, REFUNDCLOSE, CHANGE. */
    static boolean sameState(String ourStatus, String billState) {
        return switch (ourStatus) {
            case "succeeded" -> "SUCCESS".equals(billState);
            case "submitted" -> "PROCESSING".equals(billState);
            case "failed" -> Set.of("CLOSED", "ABNORMAL", "REFUNDCLOSE", "CHANGE").contains(billState);
            default -> false;
        };
    }
}
