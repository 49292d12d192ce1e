package health.leiming.order;

import health.leiming.platform.BusinessException;
import health.leiming.platform.Filter;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import health.leiming.platform.events.Outbox;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The reconciliation's side of the database: our books for a bill day, and the stored reports. */
@Stateless
public class ReconciliationRecords {

    private static final int IN_LIST = 500;

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    Outbox outbox;

    /** Our payments and refunds a bill day concerns: those of that day, and those its lines name. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Books books(LocalDate day, ZoneId zone, TradeBill bill) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, ReconciliationCheck.OurPayment> payments = new HashMap<>();
        Function<Payment, ReconciliationCheck.OurPayment> ours = p -> new ReconciliationCheck.OurPayment(p.outTradeNo(),
                fen(p.amount()), p.isPaid(), p.isPaid() && !p.paidAt().isBefore(from) && p.paidAt().isBefore(to));
        em.createQuery("select p from Payment p where p.paidAt >= :from and p.paidAt < :to", Payment.class)
                .setParameter("from", from).setParameter("to", to).getResultStream()
                .forEach(p -> payments.put(p.outTradeNo(), ours.apply(p)));
        for (List<String> numbers : chunks(bill.payments().stream().map(TradeBill.PaidLine::outTradeNo).toList())) {
            em.createQuery("select p from Payment p where p.outTradeNo in :numbers", Payment.class)
                    .setParameter("numbers", numbers).getResultStream()
                    .forEach(p -> payments.put(p.outTradeNo(), ours.apply(p)));
        }
        Map<String, ReconciliationCheck.OurRefund> refunds = new HashMap<>();
        Function<Object[], ReconciliationCheck.OurRefund> ourRefund = row -> {
            Refund r = (Refund) row[0];
            Instant submitted = r.submittedAt();
            return new ReconciliationCheck.OurRefund((String) row[1], r.outRefundNo(), fen(r.amount()),
                    r.status().name(), submitted != null && !submitted.isBefore(from) && submitted.isBefore(to));
        };
        em.createQuery("select r, o.orderNo from Refund r, Order o where o.id = r.orderId and r.submittedAt >= :from"
                + " and r.submittedAt < :to", Object[].class).setParameter("from", from).setParameter("to", to)
                .getResultStream().map(ourRefund).forEach(r -> refunds.put(r.outRefundNo(), r));
        for (List<String> numbers : chunks(bill.refunds().stream().map(TradeBill.RefundLine::outRefundNo).toList())) {
            em.createQuery("select r, o.orderNo from Refund r, Order o where o.id = r.orderId"
                    + " and r.outRefundNo in :numbers", Object[].class).setParameter("numbers", numbers)
                    .getResultStream().map(ourRefund).forEach(r -> refunds.put(r.outRefundNo(), r));
        }
        return new Books(payments, refunds);
    }

    /** A refund's status with us (requested, submitted, succeeded, failed), or none. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String refundStatus(String outRefundNo) {
        return em.createQuery("select r from Refund r where r.outRefundNo = :no", Refund.class)
                .setParameter("no", outRefundNo).getResultStream().findFirst().map(r -> r.status().name())
                .orElse("none");
    }

    /**
     * Stores a run's outcome for the day. Differences an earlier run settled stay as they were (the
     * record of what was found and done); open ones are replaced by this run's. A line an earlier run
     * settled is not counted as matched, so that running a day again gives the same report.
     */
    public Reconciliation.DayView save(LocalDate day, ReconciliationCheck.Result result, List<Outcome> outcomes) {
        Instant now = Instant.now();
        Reconciliation report = em.find(Reconciliation.class, day, LockModeType.PESSIMISTIC_WRITE);
        if (report == null) {
            report = new Reconciliation(day, now);
            em.persist(report);
        }
        Map<String, ReconciliationDifference> kept = new HashMap<>();
        Set<String> settledLines = new HashSet<>();
        for (ReconciliationDifference earlier : differencesOf(day)) {
            if (earlier.isSettled()) {
                kept.put(earlier.key(), earlier);
                settledLines.add(earlier.view().refundNo() != null ? earlier.view().refundNo() : earlier.view().orderNo());
            } else {
                em.remove(earlier);
            }
        }
        em.flush();
        for (Outcome outcome : outcomes) {
            ReconciliationDifference difference = new ReconciliationDifference(day, outcome.difference(), now);
            if (kept.containsKey(difference.key())) {
                continue;
            }
            if (outcome.settled()) {
                difference.settled(outcome.note(), now);
            } else {
                difference.open(outcome.note());
            }
            em.persist(difference);
            kept.put(difference.key(), difference);
        }
        int matched = (int) result.matched().stream().filter(line -> !settledLines.contains(line)).count();
        int open = (int) kept.values().stream().filter(d -> !d.isSettled()).count();
        report.ran(result, matched, kept.size(), open, now);
        if (open > 0) {
            outbox.publish(new OrderEvents.ReconciliationOpen(day, open, kept.size()));
        }
        return report.view();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<Reconciliation.DayView> days(PageRequest page) {
        return page.read(em, Reconciliation.class, "Reconciliation r", new Filter(), "r.billDate desc",
                Reconciliation::view);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public DayDetail day(LocalDate day) {
        Reconciliation report = day == null ? null : em.find(Reconciliation.class, day);
        if (report == null) {
            throw BusinessException.notFound("对账记录");
        }
        return new DayDetail(report.view(), differencesOf(day).stream().map(ReconciliationDifference::view).toList());
    }

    /** Differences of every day that wait for a person. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long openDifferences() {
        return em.createQuery("select count(d) from ReconciliationDifference d where d.settled = false", Long.class)
                .getSingleResult();
    }

    private List<ReconciliationDifference> differencesOf(LocalDate day) {
        return em.createQuery("select d from ReconciliationDifference d where d.billDate = :day"
                + " order by d.kind, d.outTradeNo, d.outRefundNo", ReconciliationDifference.class)
                .setParameter("day", day).getResultList();
    }

    private static List<List<String>> chunks(List<String> numbers) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i += IN_LIST) {
            chunks.add(numbers.subList(i, Math.min(numbers.size(), i + IN_LIST)));
        }
        return chunks;
    }

    private static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    /** Our side of a bill day. */
    public record Books(Map<String, ReconciliationCheck.OurPayment> payments,
            Map<String, ReconciliationCheck.OurRefund> refunds) {
    }

    /** What came of one difference: settled by the query API (and how), or open (and why). */
    public record Outcome(ReconciliationCheck.Difference difference, boolean settled, String note) {
    }

    public record DayDetail(Reconciliation.DayView day, List<ReconciliationDifference.DifferenceView> differences) {
    }
}
