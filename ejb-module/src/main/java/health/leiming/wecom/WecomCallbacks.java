package health.leiming.wecom;

import health.leiming.platform.Logs;
import health.leiming.platform.events.Outbox;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * WeCom's callback URL: the verification request and the messages and events. Everything is checked
 * (signature, age, receive id = our corp id, XML without document types) before anything is read;
 * a message is stored once and handed to the broker through the outbox, so that WeCom gets its answer
 * at once (it retries after 5 s) and the work happens once, asynchronously.
 */
@Stateless
public class WecomCallbacks {

    private static final Logger LOG = Logs.get(WecomCallbacks.class);

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    @ConfigProperty(name = "leiming.wecom.token")
    Optional<String> token;

    @Inject
    @ConfigProperty(name = "leiming.wecom.encoding-aes-key")
    Optional<String> encodingAesKey;

    @Inject
    @ConfigProperty(name = "leiming.wecom.corp-id")
    Optional<String> corpId;

    @Inject
    @ConfigProperty(name = "leiming.wecom.callback-max-age", defaultValue = "PT5M")
    Duration maxAge;

    private WecomCrypto crypto;

    @PostConstruct
    void init() {
        if (token.isPresent() && encodingAesKey.isPresent() && corpId.isPresent()) {
            crypto = new WecomCrypto(encodingAesKey.get());
        }
    }

    /** URL verification: the decrypted echostr, to be answered as plain text. */
    public String verifyUrl(String signature, String timestamp, String nonce, String echostr) {
        return open(signature, timestamp, nonce, echostr);
    }

    /** A message or event: stored once and queued for processing; a repeat is acknowledged and ignored. */
    public void receive(String signature, String timestamp, String nonce, String body) {
        Map<String, String> outer = parse(body);
        String plain = open(signature, timestamp, nonce, outer.get("Encrypt"));
        Map<String, String> message = parse(plain);
        String msgType = message.getOrDefault("MsgType", "");
        if (msgType.isEmpty()) {
            throw new Rejected("no MsgType");
        }
        String key = dedupeKey(message);
        if (em.createQuery("select count(m) from InboxMessage m where m.dedupeKey = :key", Long.class)
                .setParameter("key", key).getSingleResult() > 0) {
            LOG.info(() -> "WeCom callback " + key + " received again; already stored");
            return;
        }
        InboxMessage stored = new InboxMessage(key, msgType, message.get("Event"), message.get("FromUserName"), plain,
                Instant.now());
        em.persist(stored);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new AlreadyReceived(key);
        }
        outbox.publish(new WecomEvents.WecomMessageReceived(stored.id(), msgType));
    }

    /** MsgId for messages; for events, what identifies them (sender, time, event and its subject). */
    static String dedupeKey(Map<String, String> message) {
        String msgId = message.get("MsgId");
        if (msgId != null && !msgId.isBlank()) {
            return "msg:" + msgId;
        }
        String key = "event:" + message.getOrDefault("FromUserName", "") + "|" + message.getOrDefault("CreateTime", "")
                + "|" + message.getOrDefault("Event", "") + "|" + message.getOrDefault("ChangeType", "") + "|"
                + message.getOrDefault("UserID", "") + "|" + message.getOrDefault("EventKey", "");
        return key.length() > 200 ? key.substring(0, 200) : key;
    }

    private String open(String signature, String timestamp, String nonce, String encrypted) {
        if (crypto == null) {
            throw new Rejected("WeCom is not configured (leiming.wecom.*)");
        }
        if (encrypted == null || encrypted.isBlank() || nonce == null) {
            throw new Rejected("missing ciphertext or nonce");
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp == null ? "" : timestamp.strip());
        } catch (NumberFormatException e) {
            throw new Rejected("no timestamp");
        }
        if (Math.abs(Instant.now().getEpochSecond() - sentAt) > maxAge.toSeconds()) {
            throw new Rejected("stale timestamp " + timestamp);
        }
        if (!WecomCrypto.signatureMatches(WecomCrypto.signature(token.orElseThrow(), timestamp.strip(), nonce,
                encrypted), signature)) {
            throw new Rejected("bad signature");
        }
        WecomCrypto.Envelope envelope;
        try {
            envelope = crypto.decrypt(encrypted);
        } catch (IllegalArgumentException e) {
            throw new Rejected("undecryptable: " + e.getMessage());
        }
        if (!corpId.orElseThrow().equals(envelope.receiveId())) {
            throw new Rejected("sent to " + envelope.receiveId() + ", not to this corp");
        }
        return envelope.message();
    }

    private static Map<String, String> parse(String xml) {
        try {
            return WecomXml.parse(xml == null ? "" : xml);
        } catch (IllegalArgumentException e) {
            throw new Rejected("malformed XML");
        }
    }

    /** A callback that did not pass a check: logged, nothing processed, answered with an error. */
    @ApplicationException(rollback = true)
    public static class Rejected extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Rejected(String why) {
            super(why);
        }
    }

    /** The same message arrived twice at the same moment; the other request stored it. */
    @ApplicationException(rollback = true)
    public static class AlreadyReceived extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public AlreadyReceived(String key) {
            super(key);
        }
    }
}
