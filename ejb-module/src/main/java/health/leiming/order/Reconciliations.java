package health.leiming.order;

import health.leiming.integration.WechatPay;
import health.leiming.platform.BackgroundLoop;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Logs;
import health.leiming.platform.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The daily reconciliation with WeChat Pay (对账): downloads a day's trade bill, compares it with our
 * payments and refunds ({@link ReconciliationCheck}), settles through the query API what the query can
 * settle (a payment WeChat Pay took that we missed is applied as its notification would be; a refund's
 * state is brought up to date; a payment the bill leaves out is confirmed at WeChat Pay), and stores
 * the day's report. A day with differences left for a person is logged as SEVERE and counted in the
 * metric payment.reconciliation.open, which the hospital's monitoring alerts on. Run by the
 * reconciliation batch job; running a day again gives the same report.
 */
@ApplicationScoped
public class Reconciliations {

    private static final Logger LOG = Logs.get(Reconciliations.class);
    private static final Metadata OPEN = Metadata.builder().withName("payment.reconciliation.open")
            .withDescription("对账差异待处理数 (reconciliation differences waiting for a person)").build();

    @Inject
    WechatPay wechat;

    @Inject
    Payments payments;

    @Inject
    ReconciliationRecords records;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    void start(@Observes SchemaReady ready) {
        metrics.gauge(OPEN, records::openDifferences);
    }

    /** Whether there is anything to reconcile: WeChat Pay is configured on this server. */
    public boolean configured() {
        return wechat.configured();
    }

    /** Reconciles one bill day; the day's report. */
    public Reconciliation.DayView run(LocalDate day) {
        if (!wechat.configured()) {
            throw new BusinessException(ErrorKind.UNAVAILABLE, "PAYMENT_UNAVAILABLE", "微信支付未配置，无法对账");
        }
        TradeBill bill = wechat.tradeBill(day).map(TradeBill::parse).orElse(TradeBill.empty());
        ReconciliationRecords.Books books = records.books(day, zone, bill);
        ReconciliationCheck.Result result = ReconciliationCheck.compare(bill, books.payments(), books.refunds());
        List<ReconciliationRecords.Outcome> outcomes = result.differences().stream().map(this::settle).toList();
        Reconciliation.DayView report = records.save(day, result, outcomes);
        if (report.differencesOpen() > 0) {
            LOG.severe(() -> "Reconciliation of " + day + " with WeChat Pay: " + report.differencesOpen()
                    + " difference(s) wait for a person (GET /api/v1/admin/reconciliations/" + day + ")");
        } else {
            LOG.info(() -> "Reconciliation of " + day + " with WeChat Pay: " + report.matched() + " line(s) matched, "
                    + report.differencesFound() + " difference(s), all settled");
        }
        return report;
    }

    private ReconciliationRecords.Outcome settle(ReconciliationCheck.Difference difference) {
        try {
            return switch (difference.kind()) {
                case PAID_ONLY_AT_WECHAT -> payments.settle(difference.outTradeNo()) == Payments.Settlement.PAID
                        ? settled(difference, "已按微信支付查询结果补记支付")
                        : open(difference, "微信支付查询未确认支付，需人工核对");
                case PAID_ONLY_WITH_US -> confirmPaid(difference);
                case REFUND_STATE_DIFFERS, REFUND_ONLY_WITH_US -> refreshRefund(difference);
                default -> open(difference, "需人工核对");
            };
        } catch (RuntimeException e) {
            LOG.warning(() -> "Reconciliation could not settle " + difference + ": " + BackgroundLoop.rootMessage(e));
            return open(difference, "查询微信支付失败，需人工核对或重新对账");
        }
    }

    /** A payment of ours the bill leaves out: WeChat Pay confirming it paid (a bill day apart) settles it. */
    private ReconciliationRecords.Outcome confirmPaid(ReconciliationCheck.Difference difference) {
        Optional<JsonObject> transaction = wechat.queryTransaction(difference.outTradeNo());
        boolean paid = transaction.map(t -> "SUCCESS".equals(t.getString("trade_state", ""))
                && t.getJsonObject("amount").getJsonNumber("total").longValueExact() == difference.ourFen()).orElse(false);
        return paid ? settled(difference, "微信支付确认已支付，计入相邻日期的账单")
                : open(difference, "微信支付无此笔支付，需人工核对");
    }

    /** A refund whose state or presence disagrees: WeChat Pay's current state is applied; agreeing then settles it. */
    private ReconciliationRecords.Outcome refreshRefund(ReconciliationCheck.Difference difference) {
        Optional<String> answered = payments.refreshRefund(difference.outRefundNo());
        if (answered.isEmpty()) {
            return open(difference, "微信支付无此退款，需人工核对");
        }
        String state = answered.get();
        return ReconciliationCheck.sameState(records.refundStatus(difference.outRefundNo()), state)
                ? settled(difference, "已按微信支付查询结果更新退款状态为" + state)
                : open(difference, "微信支付退款状态为" + state + "，与本系统不一致，需人工核对");
    }

    private static ReconciliationRecords.Outcome settled(ReconciliationCheck.Difference difference, String how) {
        return new ReconciliationRecords.Outcome(difference, true, how);
    }

    private static ReconciliationRecords.Outcome open(ReconciliationCheck.Difference difference, String why) {
        return new ReconciliationRecords.Outcome(difference, false, why);
    }
}
