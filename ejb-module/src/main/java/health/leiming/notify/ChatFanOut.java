package health.leiming.notify;

import health.leiming.platform.BackgroundLoop;
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
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gets chat messages to the clients: after the sender's transaction commits, the message goes on the
 * chat topic, which every server consumes (ChatTopicConsumer) to reach its own connected clients.
 * With the broker down, this server's clients still get it at once, and the others find it in the
 * history; the recipient is then notified by the sweep. The sweep (every leiming.chat.sweep-interval)
 * pushes messages nobody received in time as notifications.
 */
@ApplicationScoped
public class ChatFanOut {

    private static final Logger LOG = Logs.get(ChatFanOut.class);

    @Resource(lookup = "jms/leimingCF")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/leimingChat")
    Topic topic;

    @Resource(lookup = "concurrent/leimingScheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    ChatRoom room;

    @Inject
    Chat chat;

    @Inject
    @ConfigProperty(name = "leiming.chat.sweep-interval", defaultValue = "PT5S")
    Duration sweepInterval;

    private BackgroundLoop sweeps;

    @PostConstruct
    void init() {
        sweeps = new BackgroundLoop("Chat notification sweep", sweepInterval, () -> {
            room.recheckClients();
            return chat.notifyUndelivered(50) == 50;
        }, LOG);
    }

    void start(@Observes SchemaReady ready) {
        sweeps.start(scheduler);
    }

    @PreDestroy
    void stop() {
        sweeps.stop();
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Chat.ChatMessageSent sent) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().setDeliveryMode(jakarta.jms.DeliveryMode.NON_PERSISTENT)
                    .send(topic, ChatRoom.toJson(sent.message()));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Chat topic unavailable, delivering on this server only: " + e);
            room.deliverLocally(sent.message());
        }
    }
}
