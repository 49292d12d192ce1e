package health.leiming.notify;

import health.leiming.care.Catalog;
import health.leiming.care.StaffDirectory;
import health.leiming.health.HealthEvents.ReportReady;
import health.leiming.health.HealthEvents.RiskAlertRaised;
import health.leiming.health.EmergencyContacts;
import health.leiming.integration.WechatMiniApi;
import health.leiming.integration.WecomApi;
import health.leiming.member.FamilyService;
import health.leiming.member.MemberEvents.MemberRegistered;
import health.leiming.member.MemberService.MemberContact;
import health.leiming.member.MemberService;
import health.leiming.notify.ChatEvents.UnreadChatMessage;
import health.leiming.notify.Notices.OrderMove;
import health.leiming.notify.Notices.StaffMove;
import health.leiming.order.OrderEvents.AppointmentReminderDue;
import health.leiming.order.OrderEvents.OrderCancelled;
import health.leiming.order.OrderEvents.OrderReassigned;
import health.leiming.order.OrderEvents.OrderRescheduled;
import health.leiming.order.OrderEvents.OrderCompleted;
import health.leiming.order.OrderEvents.OrderConfirmed;
import health.leiming.order.OrderEvents.OrderFacts;
import health.leiming.order.OrderEvents.OrderPaid;
import health.leiming.order.OrderEvents.OrderPlaced;
import health.leiming.order.OrderEvents.OrderRefunded;
import health.leiming.order.OrderEvents.ReconciliationOpen;
import health.leiming.order.OrderEvents.OrderStarted;
import health.leiming.platform.FieldCipher;
import health.leiming.platform.Logs;
import health.leiming.platform.Masking;
import health.leiming.platform.RateCounters;
import health.leiming.platform.events.IncomingEvent;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Routes business events to the people they concern and to their channels: the member's message
 * centre (always), a WeChat subscribe message (when the member has a template acceptance left and
 * wants that kind pushed; after their quiet hours), a WeCom application message to the assigned
 * companion, and SMS to the member and the person's emergency contact for urgent health alerts.
 * Observes the events in the dispatcher's transaction: the message-centre entries and the delivery
 * rows commit together with the record that the event was processed, and the delivery worker sends
 * after the commit. Who to reach comes from the owning contexts' services, not from their tables.
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
    MemberService members;

    @Inject
    FamilyService family;

    @Inject
    EmergencyContacts contacts;

    @Inject
    RateCounters counters;

    @Inject
    @ConfigProperty(name = "leiming.alerts.sms-collapse", defaultValue = "PT1H")
    Duration alertCollapse;

    @Inject
    @ConfigProperty(name = "leiming.alerts.sms-per-person-per-day", defaultValue = "3")
    int alertsPerPersonPerDay;

    @Inject
    @ConfigProperty(name = "leiming.alerts.sms-per-number-per-day", defaultValue = "5")
    int alertsPerNumberPerDay;

    @Inject
    StaffDirectory staffDirectory;

    @Inject
    Catalog catalog;

    @Inject
    Chat chat;

    @Inject
    WecomApi wecom;

    @Inject
    WechatMiniApi wechat;

    @Inject
    Event<DeliveriesQueued> queued;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @Inject
    @ConfigProperty(name = "leiming.notify.finance-wecom-users")
    Optional<List<String>> financeWecomUsers;

    /** Fired when deliveries were stored; the worker sends them after the commit. */
    public record DeliveriesQueued() {
    }

    public void registered(@Observes MemberRegistered registered) {
        toMember(registered.memberId(), Notices.welcome());
    }

    public void riskAlert(@Observes RiskAlertRaised alert) {
        String personName = family.nameOf(alert.personId()).orElse("家人");
        toMember(alert.memberId(), Notices.riskAlert(alert, personName, zone));
        if (!alertSmsAllowed(alert)) {
            return;
        }
        Instant now = Instant.now();
        Optional<MemberContact> member = members.contactOf(alert.memberId());
        member.filter(contact -> numberAllowed(contact.phone())).ifPresent(contact -> queue(Delivery.Channel.sms,
                "member:" + alert.memberId(), contact.phone(), new Notice(NoticeKind.health_alert, "健康风险提醒",
                        Notices.riskAlertSms(alert, personName), null, Map.of()), now));
        String memberPhone = member.map(contact -> Masking.phone(contact.phone())).orElse("");
        contacts.verifiedPhoneOf(alert.personId())
                .filter(phone -> !member.map(MemberContact::phone).filter(phone::equals).isPresent())
                .filter(this::numberAllowed)
                .ifPresent(phone -> queue(Delivery.Channel.sms, "contact:" + alert.personId(), phone,
                        new Notice(NoticeKind.health_alert, "健康风险提醒", Notices.riskAlertContactSms(alert, memberPhone),
                                null, Map.of()), now));
    }

    /**
     * Alert SMS are capped: one per person and measurement within leiming.alerts.sms-collapse (the
     * in-app message still tells of each reading), and leiming.alerts.sms-per-person-per-day.
     */
    private boolean alertSmsAllowed(RiskAlertRaised alert) {
        if (counters.takeInTransaction("alert-type:" + alert.personId() + ":" + alert.type().name(), alertCollapse, 1) > 0) {
            LOG.fine(() -> "Alert SMS collapsed into an earlier one: " + alert.type() + " for person " + alert.personId());
            return false;
        }
        if (counters.takeInTransaction("alert-person:" + alert.personId(), Duration.ofDays(1), alertsPerPersonPerDay) > 0) {
            LOG.warning(() -> "Alert SMS for person " + alert.personId() + " over the daily cap; in-app message only");
            return false;
        }
        return true;
    }

    /** A receiving number gets at most leiming.alerts.sms-per-number-per-day alert SMS, whoever they concern. */
    private boolean numberAllowed(String phone) {
        boolean allowed = counters.takeInTransaction("alert-number:" + cipher.blindIndex("alerts.number", phone), Duration.ofDays(1),
                alertsPerNumberPerDay) == 0;
        if (!allowed) {
            LOG.warning(() -> "Alert SMS to " + Masking.phone(phone) + " over the daily cap; not sent");
        }
        return allowed;
    }

    public void reportReady(@Observes ReportReady report) {
        toMember(report.memberId(), Notices.reportReady(report, family.nameOf(report.personId()).orElse("家人")));
    }

    public void placed(@Observes OrderPlaced placed) {
        toMember(placed.order().memberId(), Notices.order(OrderMove.placed, placed.order(), placed.amount(), null, zone));
    }

    public void paid(@Observes OrderPaid paid) {
        toMember(paid.order().memberId(), Notices.order(OrderMove.paid, paid.order(), null, null, zone));
        toStaff(paid.order().staffId(), staffTask(StaffMove.assigned, paid.order()));
    }

    public void confirmed(@Observes OrderConfirmed confirmed) {
        toMember(confirmed.order().memberId(), Notices.order(OrderMove.confirmed, confirmed.order(), null, null, zone));
    }

    public void started(@Observes OrderStarted started) {
        toMember(started.order().memberId(), Notices.order(OrderMove.started, started.order(), null, null, zone));
    }

    public void completed(@Observes OrderCompleted completed) {
        toMember(completed.order().memberId(), Notices.order(OrderMove.completed, completed.order(), null, null, zone));
    }

    public void cancelled(@Observes OrderCancelled cancelled) {
        toMember(cancelled.order().memberId(), Notices.order(OrderMove.cancelled, cancelled.order(),
                cancelled.refundAmount(), cancelled.reason(), zone));
        if (cancelled.wasPaid()) { // only a paid order was ever the companion's task
            toStaff(cancelled.order().staffId(), staffTask(StaffMove.cancelled, cancelled.order()));
        }
    }

    public void reassigned(@Observes OrderReassigned reassigned) {
        toMember(reassigned.order().memberId(), Notices.order(OrderMove.reassigned, reassigned.order(), null, null, zone));
        toStaff(reassigned.order().staffId(), staffTask(StaffMove.assigned, reassigned.order()));
        toStaff(reassigned.previousStaffId(), staffTask(StaffMove.reassignedAway, reassigned.order()));
    }

    /** The member hears the new time; the companion who has it hears of the move, or of a new task and the old one off. */
    public void rescheduled(@Observes OrderRescheduled rescheduled) {
        toMember(rescheduled.order().memberId(), Notices.order(OrderMove.rescheduled, rescheduled.order(), null,
                rescheduled.reason(), zone));
        if (rescheduled.previousStaffId() == null) {
            toStaff(rescheduled.order().staffId(), staffTask(StaffMove.rescheduled, rescheduled.order()));
        } else {
            toStaff(rescheduled.order().staffId(), staffTask(StaffMove.assigned, rescheduled.order()));
            toStaff(rescheduled.previousStaffId(), staffTask(StaffMove.reassignedAway, rescheduled.order()));
        }
    }

    public void refunded(@Observes OrderRefunded refunded) {
        toMember(refunded.order().memberId(), Notices.order(OrderMove.refunded, refunded.order(),
                refunded.refundAmount(), null, zone));
    }

    /** Finance (the WeCom users in leiming.notify.finance-wecom-users) hears of reconciliation differences left open. */
    public void reconciliationOpen(@Observes ReconciliationOpen alert) {
        List<String> users = financeWecomUsers.orElse(List.of()).stream().map(String::strip).filter(u -> !u.isEmpty())
                .toList();
        if (users.isEmpty() || !wecom.canSendMessages()) {
            LOG.warning(() -> "Reconciliation of " + alert.billDate() + ": " + alert.open() + " difference(s) open; no"
                    + " WeCom users to tell (leiming.notify.finance-wecom-users)");
            return;
        }
        Notice notice = new Notice(NoticeKind.system, "微信支付对账差异", alert.billDate() + " 的微信支付对账有 " + alert.open()
                + " 项差异待人工处理（共 " + alert.found() + " 项），请在管理后台查看对账记录。", null, Map.of());
        Instant now = Instant.now();
        users.forEach(user -> queue(Delivery.Channel.wecom, "finance:" + user, user, notice, now));
    }

    public void reminder(@Observes AppointmentReminderDue reminder) {
        toMember(reminder.order().memberId(), Notices.appointmentReminder(reminder.order(), zone));
        toStaff(reminder.order().staffId(), staffTask(StaffMove.reminder, reminder.order()));
    }

    /** A chat message no client of the recipient received: pushed to them instead. */
    public void unreadChat(@Observes UnreadChatMessage message) {
        String preview = SubscribeTemplates.fit("thing", chat.contentOf(message.messageId()).orElse(""));
        if (Chat.STAFF.equals(message.from())) {
            toMember(message.memberId(), Notices.chatToMember(message, preview));
        } else {
            toStaff(message.staffId(), Notices.chatToStaff(message, preview));
        }
    }

    /** The message centre always; a subscribe message when configured, accepted and wanted. */
    void toMember(String memberId, Notice notice) {
        IncomingEvent event = IncomingEvent.current();
        Optional<MemberContact> member = memberId == null ? Optional.empty() : members.contactOf(memberId);
        if (member.isEmpty()) {
            LOG.info(() -> "No notification for " + event.type() + ": the member's account is gone");
            return;
        }
        Instant now = Instant.now();
        messages.deliver(new Message(memberId, notice.kind().category(), notice.title(), notice.content(), event.id(), now));
        String openid = member.get().wechatOpenid();
        if (!wechat.configured() || openid == null) {
            return;
        }
        templates.forEvent(event.type()).ifPresent(template -> {
            NotificationPreferences preferences = em.find(NotificationPreferences.class, memberId);
            if (preferences != null && !preferences.allows(notice.kind())) {
                return;
            }
            if (!useGrant(memberId, template.templateId(), now)) {
                return;
            }
            QuietHours quiet = preferences == null || notice.kind().urgent() ? null : preferences.quietHours();
            Instant notBefore = quiet == null ? now : quiet.deferUntil(now, zone);
            queue(new Delivery(event.id(), event.type(), Delivery.Channel.subscribe, "member:" + memberId,
                    cipher.encrypt(Delivery.ADDRESS, openid), notice, notBefore, now).withTemplate(template.templateId(), template.data(notice)));
        });
    }

    void toStaff(String staffId, Notice notice) {
        if (!wecom.canSendMessages()) {
            LOG.fine("WeCom application messages not configured (leiming.wecom.agent-id)");
            return;
        }
        Optional<String> wecomUser = staffDirectory.activeWecomUserOf(staffId);
        if (wecomUser.isEmpty()) {
            LOG.info(() -> "No WeCom message for " + IncomingEvent.current().type() + ": staff " + staffId
                    + " has no active WeCom account");
            return;
        }
        queue(Delivery.Channel.wecom, "staff:" + staffId, wecomUser.get(), notice, Instant.now());
    }

    private Notice staffTask(StaffMove move, OrderFacts order) {
        return Notices.staffTask(move, order, catalog.hospitalName(order.hospitalId()), zone);
    }

    /** Uses one of the member's acceptances of the template; false when none is left. */
    private boolean useGrant(String memberId, String templateId, Instant now) {
        return em.createQuery("update SubscribeGrant g set g.remaining = g.remaining - 1, g.updatedAt = :now"
                + " where g.memberId = :member and g.templateId = :template and g.remaining > 0")
                .setParameter("now", now).setParameter("member", memberId).setParameter("template", templateId)
                .executeUpdate() == 1;
    }

    private void queue(Delivery.Channel channel, String recipient, String address, Notice notice, Instant now) {
        IncomingEvent event = IncomingEvent.current();
        queue(new Delivery(event.id(), event.type(), channel, recipient, cipher.encrypt(Delivery.ADDRESS, address), notice, now, now));
    }

    private void queue(Delivery delivery) {
        em.persist(delivery);
        queued.fire(new DeliveriesQueued());
    }
}
