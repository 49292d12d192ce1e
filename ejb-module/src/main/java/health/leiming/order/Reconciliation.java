package health.leiming.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** The reconciliation of one bill day with WeChat Pay: the bill's totals and what came of the comparison. */
@Entity
@Table(name = "reconciliations")
public class Reconciliation {

    @Id
    @Column(name = "bill_date")
    private LocalDate billDate;

    @Column(name = "bill_payments", nullable = false)
    private int billPayments;

    @Column(name = "bill_paid_fen", nullable = false)
    private long billPaidFen;

    @Column(name = "bill_refunds", nullable = false)
    private int billRefunds;

    @Column(name = "bill_refunded_fen", nullable = false)
    private long billRefundedFen;

    @Column(nullable = false)
    private int matched;

    @Column(name = "differences_found", nullable = false)
    private int differencesFound;

    @Column(name = "differences_open", nullable = false)
    private int differencesOpen;

    @Column(nullable = false)
    private int runs;

    @Column(name = "run_at", nullable = false)
    private Instant runAt;

    @Version
    private long version;

    protected Reconciliation() {
    }

    Reconciliation(LocalDate billDate, Instant now) {
        this.billDate = billDate;
        this.runAt = now;
    }

    void ran(ReconciliationCheck.Result result, int matched, int found, int open, Instant now) {
        this.billPayments = result.billPayments();
        this.billPaidFen = result.billPaidFen();
        this.billRefunds = result.billRefunds();
        this.billRefundedFen = result.billRefundedFen();
        this.matched = matched;
        this.differencesFound = found;
        this.differencesOpen = open;
        this.runs++;
        this.runAt = now;
    }

    LocalDate billDate() {
        return billDate;
    }

    DayView view() {
        return new DayView(billDate, billPayments, billPaidFen, billRefunds, billRefundedFen, matched, differencesFound,
                differencesOpen, runs, runAt);
    }

    /** A day's report: the bill's totals in fen, how many lines matched, differences found and still open. */
    public record DayView(LocalDate billDate, int billPayments, long billPaidFen, int billRefunds, long billRefundedFen,
            int matched, int differencesFound, int differencesOpen, int runs, Instant runAt) {
    }
}
