package health.leiming.notify;

import health.leiming.care.Appointment;
import health.leiming.care.Booking;
import health.leiming.care.Hospital;
import health.leiming.care.Staff;
import health.leiming.health.HealthProfileService;
import health.leiming.member.Member;
import health.leiming.member.WechatMiniApi;
import health.leiming.order.Order;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Logs;
import health.leiming.wecom.WecomApi;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Routes a business event to the people it concerns and to their channels: the member's message
 * centre (always), a WeChat subscribe message (when the member has a template acceptance left and
 * wants that kind pushed; after their quiet hours), a WeCom application message to the assigned
 * companion, and SMS to the member and the person's emergency contact for urgent health alerts.
 * Runs in the event's transaction: the message-centre entries and the delivery rows commit together
 * with the record that the event was processed, and the delivery worker sends after the commit.
 */
@Stateless
public class NotificationRouter {

    private static final Logger LOG = Logs.get(NotificationRouter.class);

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    MessageCenter messages;

    @Inject
    SubscribeTemplates templates;

    @Inject
    FieldCipher cipher;

    @Inject
    HealthProfileService profiles;

    @Inject
    Booking booking;

    @Inject
    WecomApi wecom;

    @Inject
    WechatMiniApi wechat;

    @Inject
    Event<DeliveriesQueued> queued;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    /** Fired when deliveries were stored; the worker sends them after the commit. */
    public record DeliveriesQueued() {
    }

    public void route(String eventId, String eventType, JsonObject data, Instant now) {
        switch (eventType) {
            case EventTypes.MEMBER_REGISTERED -> toMember(eventId, eventType, data.getString("memberId"), Notices.welcome(), now);
            case EventTypes.HEALTH_RISK_ALERT -> riskAlert(eventId, eventType, data, now);
            case EventTypes.ORDER_PLACED, EventTypes.ORDER_PAID, EventTypes.ORDER_CONFIRMED, EventTypes.ORDER_STARTED,
                    EventTypes.ORDER_COMPLETED, EventTypes.ORDER_CANCELLED, EventTypes.ORDER_REFUNDED ->
                orderProgress(eventId, eventType, data, now);
            case EventTypes.APPOINTMENT_REMINDER -> reminder(eventId, eventType, data, now);
            case EventTypes.CHAT_MESSAGE -> unreadChat(eventId, eventType, data, now);
            case EventTypes.HEALTH_REPORT_READY -> toMember(eventId, eventType, data.getString("memberId"),
                    Notices.reportReady(data), now);
            default -> LOG.fine(() -> "No notification for event type " + eventType);
        }
    }

    private void riskAlert(String eventId, String eventType, JsonObject alert, Instant now) {
        String memberId = alert.getString("ownerId");
        toMember(eventId, eventType, memberId, Notices.riskAlert(alert, zone), now);
        Notice sms = new Notice(NoticeKind.health_alert, "健康风险提醒", Notices.riskAlertSms(alert), null,
                Map.of());
        Member member = em.find(Member.class, memberId);
        if (member != null) {
            queue(new Delivery(eventId, eventType, Delivery.Channel.sms, "member:" + memberId,
                    cipher.encrypt(member.phone()), sms, now, now));
        }
        String contactPhone = profiles.emergencyPhoneOf(alert.getString("personId"));
        if (contactPhone != null && (member == null || !contactPhone.equals(member.phone()))) {
            queue(new Delivery(eventId, eventType, Delivery.Channel.sms, "contact:" + alert.getString("personId"),
                    cipher.encrypt(contactPhone), sms, now, now));
        }
    }

    private void orderProgress(String eventId, String eventType, JsonObject event, Instant now) {
        // An order and its appointment are made in one transaction: where there is one, there is the other.
        Order order = em.find(Order.class, event.getString("orderId"));
        Appointment appointment = order == null ? null : booking.appointmentOf(order.id());
        Instant scheduled = appointment == null ? null : appointment.scheduledTime();
        String serviceName = order == null ? event.getString("serviceName", "陪诊服务") : order.serviceName();
        toMember(eventId, eventType, event.getString("memberId"),
                Notices.order(eventType, event, serviceName, scheduled, zone), now);
        boolean staffKnowsTheTask = eventType.equals(EventTypes.ORDER_PAID)
                || eventType.equals(EventTypes.ORDER_CANCELLED) && order != null && order.isPaid();
        if (staffKnowsTheTask && appointment != null) {
            toStaff(eventId, eventType, appointment.staffId(), Notices.staffTask(eventType, event, serviceName,
                    scheduled, hospitalName(appointment), zone), now);
        }
    }

    private void reminder(String eventId, String eventType, JsonObject event, Instant now) {
        Order order = em.find(Order.class, event.getString("orderId"));
        if (order == null) {
            LOG.info(() -> "Reminder for an order that is gone: " + event.getString("orderId"));
            return;
        }
        Appointment appointment = booking.appointmentOf(order.id());
        toMember(eventId, eventType, order.userId(),
                Notices.appointmentReminder(event, order.serviceName(), appointment.scheduledTime(), zone), now);
        toStaff(eventId, eventType, appointment.staffId(), Notices.staffTask(eventType, event, order.serviceName(),
                appointment.scheduledTime(), hospitalName(appointment), zone), now);
    }

    /** A chat message no client of the recipient received: pushed to them instead. */
    private void unreadChat(String eventId, String eventType, JsonObject message, Instant now) {
        if (Chat.STAFF.equals(message.getString("from"))) {
            toMember(eventId, eventType, message.getString("memberId"), Notices.chatToMember(message), now);
        } else {
            toStaff(eventId, eventType, message.getString("staffId"), Notices.chatToStaff(message), now);
        }
    }

    /** The message centre always; a subscribe message when configured, accepted and wanted. */
    void toMember(String eventId, String eventType, String memberId, Notice notice, Instant now) {
        Member member = memberId == null ? null : em.find(Member.class, memberId);
        if (member == null) {
            LOG.info(() -> "No notification for " + eventType + ": the member's account is gone");
            return;
        }
        messages.deliver(new Message(memberId, notice.kind().category(), notice.title(), notice.content(), eventId, now));
        if (!wechat.configured()) {
            return;
        }
        templates.forEvent(eventType).ifPresent(template -> {
            NotificationPreferences preferences = em.find(NotificationPreferences.class, memberId);
            if (preferences != null && !preferences.allows(notice.kind())) {
                return;
            }
            if (member.wechatOpenid() == null || !useGrant(memberId, template.templateId(), now)) {
                return;
            }
            QuietHours quiet = preferences == null || notice.kind().urgent() ? null : preferences.quietHours();
            Instant notBefore = quiet == null ? now : quiet.deferUntil(now, zone);
            queue(new Delivery(eventId, eventType, Delivery.Channel.subscribe, "member:" + memberId,
                    cipher.encrypt(member.wechatOpenid()), notice, notBefore, now)
                    .withTemplate(template.templateId(), template.data(notice)));
        });
    }

    void toStaff(String eventId, String eventType, String staffId, Notice notice, Instant now) {
        if (!wecom.canSendMessages()) {
            LOG.fine("WeCom application messages not configured (leiming.wecom.agent-id)");
            return;
        }
        Staff staff = staffId == null ? null : em.find(Staff.class, staffId);
        if (staff == null || staff.wecomUserId() == null || !staff.isActive()) {
            LOG.info(() -> "No WeCom message for " + eventType + ": staff " + staffId + " has no active WeCom account");
            return;
        }
        queue(new Delivery(eventId, eventType, Delivery.Channel.wecom, "staff:" + staffId,
                cipher.encrypt(staff.wecomUserId()), notice, now, now));
    }

    /** Uses one of the member's acceptances of the template; false when none is left. */
    private boolean useGrant(String memberId, String templateId, Instant now) {
        return em.createQuery("update SubscribeGrant g set g.remaining = g.remaining - 1, g.updatedAt = :now"
                + " where g.memberId = :member and g.templateId = :template and g.remaining > 0")
                .setParameter("now", now).setParameter("member", memberId).setParameter("template", templateId)
                .executeUpdate() == 1;
    }

    private void queue(Delivery delivery) {
        em.persist(delivery);
        queued.fire(new DeliveriesQueued());
    }

    private String hospitalName(Appointment appointment) {
        Hospital hospital = appointment.hospitalId() == null ? null : em.find(Hospital.class, appointment.hospitalId());
        return hospital == null ? null : hospital.name();
    }
}
