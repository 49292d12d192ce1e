package health.leiming.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A WeChat Pay trade bill (交易账单, bill_type ALL) read from its CSV text: a header line, one line per
 * trade with every field prefixed by a backtick (so that spreadsheets keep long numbers), then a summary
 * header and the summary line. Columns are found by their Chinese header names, not by position, so a
 * merchant's bill with more or fewer columns reads the same. Amounts are in yuan in the bill, in fen here.
 * A bill whose summary count disagrees with its lines is refused.
 */
public final class TradeBill {

    /** A successful payment in the bill. */
    public record PaidLine(String outTradeNo, String transactionId, long totalFen, String time) {
    }

    /** A refund the bill lists, with WeChat Pay's state of it when the bill was made. */
    public record RefundLine(String outTradeNo, String outRefundNo, long refundFen, String state, String time) {
    }

    private final List<PaidLine> payments;
    private final List<RefundLine> refunds;

    private TradeBill(List<PaidLine> payments, List<RefundLine> refunds) {
        this.payments = List.copyOf(payments);
        this.refunds = List.copyOf(refunds);
    }

    /** The bill of a day without trades (WeChat Pay has none to give). */
    public static TradeBill empty() {
        return new TradeBill(List.of(), List.of());
    }

    public List<PaidLine> payments() {
        return payments;
    }

    public List<RefundLine> refunds() {
        return refunds;
    }

    public static TradeBill parse(String csv) {
        String[] lines = csv.replace("\r", "").replace("\uFEFF", "").split("\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new IllegalArgumentException("an empty bill");
        }
        Map<String, Integer> columns = columns(lines[0]);
        int time = column(columns, "交易时间");
        int transaction = column(columns, "微信订单号");
        int outTradeNo = column(columns, "商户订单号");
        int state = column(columns, "交易状态");
        int total = columns.containsKey("订单金额") ? columns.get("订单金额") : column(columns, "应结订单金额");
        int outRefundNo = column(columns, "商户退款单号");
        int refundAmount = columns.containsKey("申请退款金额") ? columns.get("申请退款金额") : column(columns, "退款金额");
        int refundState = column(columns, "退款状态");

        List<PaidLine> payments = new ArrayList<>();
        List<RefundLine> refunds = new ArrayList<>();
        int line = 1;
        int trades = 0;
        for (; line < lines.length && lines[line].startsWith("`"); line++) {
            String[] fields = fields(lines[line]);
            if (fields.length < columns.size()) {
                throw new IllegalArgumentException("line " + (line + 1) + " has " + fields.length + " fields, the header "
                        + columns.size());
            }
            trades++;
            String tradeState = fields[state];
            if ("SUCCESS".equals(tradeState)) {
                payments.add(new PaidLine(fields[outTradeNo], fields[transaction], fen(fields[total]), fields[time]));
            } else if ("REFUND".equals(tradeState)) {
                refunds.add(new RefundLine(fields[outTradeNo], fields[outRefundNo], fen(fields[refundAmount]),
                        fields[refundState], fields[time]));
            }
        }
        if (line + 1 < lines.length && lines[line].startsWith("总交易单数")) {
            long stated = Long.parseLong(fields(lines[line + 1])[0]);
            if (stated != trades) {
                throw new IllegalArgumentException("the bill's summary counts " + stated + " trades, its lines " + trades);
            }
        } else {
            throw new IllegalArgumentException("the bill has no summary after its trades (line " + (line + 1) + ")");
        }
        return new TradeBill(payments, refunds);
    }

    private static Map<String, Integer> columns(String header) {
        Map<String, Integer> columns = new HashMap<>();
        String[] names = header.split(",", -1);
        for (int i = 0; i < names.length; i++) {
            columns.putIfAbsent(names[i].strip(), i);
        }
        return columns;
    }

    private static int column(Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null) {
            throw new IllegalArgumentException("the bill has no column " + name);
        }
        return index;
    }

    /** The fields of a line, each without its leading backtick. */
    private static String[] fields(String line) {
        String[] fields = (line.startsWith("`") ? line.substring(1) : line).split(",`", -1);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i].strip();
        }
        return fields;
    }

    private static long fen(String yuan) {
        return new BigDecimal(yuan.isEmpty() ? "0" : yuan).movePointRight(2).longValueExact();
    }
}
