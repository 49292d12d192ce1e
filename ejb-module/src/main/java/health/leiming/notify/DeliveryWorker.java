package health.leiming.notify;

import health.leiming.integration.OutsideRefusal;
import health.leiming.integration.SmsGateway;
import health.leiming.integration.WechatMiniApi;
import health.leiming.integration.WecomApi;
import health.leiming.platform.BackgroundLoop;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Logs;
import health.leiming.platform.SchemaReady;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Sends what the router queued: right after the routing transaction commits, and on a fixed tick
 * for retries that have come due (one {@link BackgroundLoop}). Each delivery is taken in its own transaction, sent outside any
 * transaction (an outside call never holds a database lock), and its outcome recorded in a third.
 * A failure is retried with a doubling wait; a refusal that retrying cannot fix, or running out of
 * attempts, parks it as a dead letter for an admin.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logs.get(DeliveryWorker.class);
    private static final Metadata FAILURES = Metadata.builder().withName("leiming.notify.failures")
            .withDescription("Notification attempts that failed, by channel and kind (refused: no retry; retry)").build();

    @Resource(lookup = "concurrent/leimingScheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    Deliveries deliveries;

    @Inject
    FieldCipher cipher;

    @Inject
    WecomApi wecom;

    @Inject
    WechatMiniApi wechat;

    @Inject
    SmsGateway sms;

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "leiming.notify.worker-interval", defaultValue = "PT5S")
    Duration interval;

    @Inject
    @ConfigProperty(name = "leiming.notify.batch-size", defaultValue = "20")
    int batchSize;

    private BackgroundLoop loop;

    @PostConstruct
    void init() {
        loop = new BackgroundLoop("Delivery worker", interval, this::sendDue, LOG);
    }

    void start(@Observes SchemaReady ready) {
        for (Delivery.Channel channel : Delivery.Channel.values()) { // from 0, so that rules find every series
            for (String kind : new String[] {"refused", "retry"}) {
                registry.counter(FAILURES, new Tag("channel", channel.name()), new Tag("kind", kind));
            }
        }
        loop.start(scheduler);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationRouter.DeliveriesQueued queued) {
        loop.nudge();
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }

    /** Sends one batch of due deliveries; true when the batch was full. */
    private boolean sendDue() {
        List<String> due = deliveries.due(batchSize);
        due.forEach(this::attempt);
        return due.size() == batchSize;
    }

    private void attempt(String id) {
        Optional<Deliveries.Attempt> claimed;
        try {
            claimed = deliveries.claim(id);
        } catch (RuntimeException e) {
            LOG.fine(() -> "Delivery " + id + " taken by another server");
            return;
        }
        claimed.ifPresent(attempt -> {
            try {
                send(attempt);
                deliveries.sent(attempt.id());
            } catch (CircuitBreakerOpenException e) {
                LOG.fine(() -> "Delivery " + attempt.id() + " waits: " + attempt.channel() + " circuit open");
                deliveries.postpone(attempt.id());
            } catch (OutsideRefusal e) {
                LOG.warning(() -> "Delivery " + attempt.id() + " (" + attempt.channel() + ") refused: " + e.getMessage());
                failure(attempt, "refused");
                deliveries.failed(attempt.id(), e.getMessage(), true);
            } catch (RuntimeException e) {
                LOG.info(() -> "Delivery " + attempt.id() + " (" + attempt.channel() + ") attempt " + attempt.attempt()
                        + " failed: " + e);
                failure(attempt, "retry");
                deliveries.failed(attempt.id(), e.toString(), false);
            }
        });
    }

    private void failure(Deliveries.Attempt attempt, String kind) {
        registry.counter(FAILURES, new Tag("channel", attempt.channel().name()), new Tag("kind", kind)).inc();
    }

    private void send(Deliveries.Attempt attempt) {
        String address = cipher.decrypt(Delivery.ADDRESS, attempt.encryptedAddress());
        switch (attempt.channel()) {
            case wecom -> wecom.sendText(address, attempt.content());
            case subscribe -> wechat.sendSubscribeMessage(address, attempt.templateId(), attempt.page(),
                    Json.createReader(new StringReader(attempt.templateData())).readObject());
            case sms -> sms.sendNotice(address, "health-alert", attempt.content());
        }
    }
}
