package health.leiming.wecom;

import health.leiming.care.Staff;
import health.leiming.care.StaffDirectory;
import health.leiming.order.StaffTasks;
import health.leiming.platform.BusinessException;
import health.leiming.platform.Logs;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What WeCom's messages and events do, processed from the broker once per stored message: a
 * companion's "接单 ORDER..." reply accepts the task; contact changes keep the staff directory in
 * step; anything else is logged and acknowledged.
 */
@Stateless
public class WecomCommands {

    private static final Logger LOG = Logs.get(WecomCommands.class);
    private static final Pattern ACCEPT = Pattern.compile("^\\s*接单\\s*(ORDER\\d{12,})\\s*$");

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    StaffDirectory directory;

    @Inject
    StaffTasks tasks;

    @Resource
    SessionContext session;

    /** Observes the stored message's event, in the dispatcher's transaction: processed once. */
    public void received(@Observes WecomEvents.WecomMessageReceived received) {
        process(received.inboxId());
    }

    void process(String inboxId) {
        InboxMessage stored = em.find(InboxMessage.class, inboxId);
        if (stored == null || stored.isProcessed()) {
            return;
        }
        Map<String, String> message = WecomXml.parse(stored.payload());
        String outcome = switch (message.getOrDefault("MsgType", "")) {
            case "text" -> text(message.get("FromUserName"), message.getOrDefault("Content", ""));
            case "event" -> event(message);
            default -> "message type " + message.get("MsgType") + " acknowledged";
        };
        LOG.info(() -> "WeCom " + message.get("MsgType") + " " + inboxId + ": " + outcome);
        stored.processed(outcome, Instant.now());
    }

    private String text(String fromUser, String content) {
        Matcher accept = ACCEPT.matcher(content);
        if (!accept.matches()) {
            return "text without a command";
        }
        Optional<Staff> staff = directory.byWecomUser(fromUser);
        if (staff.isEmpty()) {
            return "接单 from " + fromUser + ", who is not staff";
        }
        try {
            session.getBusinessObject(WecomCommands.class).accept(staff.get().id(), accept.group(1));
            return "task " + accept.group(1) + " accepted by " + fromUser;
        } catch (BusinessException e) {
            return "task " + accept.group(1) + " not accepted: " + e.code();
        }
    }

    /** In a transaction of its own, so that a refusal does not undo the message's processing. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void accept(String staffId, String orderNo) {
        tasks.confirmByOrderNo(staffId, orderNo);
    }

    private String event(Map<String, String> message) {
        String event = message.getOrDefault("Event", "");
        if ("change_contact".equals(event)) {
            String changeType = message.get("ChangeType");
            if (List.of("create_user", "update_user", "delete_user").contains(changeType)) {
                return directory.contactChanged(changeType, message.get("UserID"), message.get("NewUserID"),
                        message.get("Name"), message.get("Mobile"));
            }
            return "contact change " + changeType + " acknowledged";
        }
        return "event " + event + " acknowledged";
    }
}
