package health.leiming.order;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One line on which a day's WeChat Pay bill and our books disagreed: its kind, both sides' amounts and
 * states, and whether the query API settled it (with what was done) or it waits for a person.
 */
@Entity
@Table(name = "reconciliation_differences")
public class ReconciliationDifference {

    @Id
    private String id;

    @Column(name = "bill_date", nullable = false)
    private LocalDate billDate;

    @Column(nullable = false)
    private String kind;

    @Column(name = "out_trade_no", nullable = false)
    private String outTradeNo;

    @Column(name = "out_refund_no", nullable = false)
    private String outRefundNo;

    @Column(name = "wechat_fen")
    private Long wechatFen;

    @Column(name = "our_fen")
    private Long ourFen;

    @Column(name = "wechat_state")
    private String wechatState;

    @Column(name = "our_state")
    private String ourState;

    @Column(nullable = false)
    private boolean settled;

    private String note;

    @Column(name = "found_at", nullable = false)
    private Instant foundAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    protected ReconciliationDifference() {
    }

    ReconciliationDifference(LocalDate billDate, ReconciliationCheck.Difference difference, Instant now) {
        this.id = Ids.newId();
        this.billDate = billDate;
        this.kind = difference.kind().name();
        this.outTradeNo = difference.outTradeNo();
        this.outRefundNo = difference.outRefundNo() == null ? "" : difference.outRefundNo();
        this.wechatFen = difference.wechatFen();
        this.ourFen = difference.ourFen();
        this.wechatState = difference.wechatState();
        this.ourState = difference.ourState();
        this.foundAt = now;
    }

    void settled(String how, Instant now) {
        this.settled = true;
        this.note = how;
        this.settledAt = now;
    }

    void open(String why) {
        this.note = why;
    }

    boolean isSettled() {
        return settled;
    }

    /** The line it is about: the kind and the order and refund numbers. */
    String key() {
        return kind + "/" + outTradeNo + "/" + outRefundNo;
    }

    DifferenceView view() {
        return new DifferenceView(kind, outTradeNo, outRefundNo.isEmpty() ? null : outRefundNo, wechatFen, ourFen,
                wechatState, ourState, settled, note, foundAt, settledAt);
    }

    public record DifferenceView(String kind, String orderNo, String refundNo, Long wechatFen, Long ourFen,
            String wechatState, String ourState, boolean settled, String note, Instant foundAt, Instant settledAt) {
    }
}
