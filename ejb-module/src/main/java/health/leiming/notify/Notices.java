package health.leiming.notify;

import health.leiming.health.HealthEvents.ReportReady;
import health.leiming.health.HealthEvents.RiskAlertRaised;
import health.leiming.notify.ChatEvents.UnreadChatMessage;
import health.leiming.order.OrderEvents.OrderFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** What each event says, in Chinese: to the member (message centre, subscribe message) and to staff (WeCom). */
final class Notices {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The moves of an order the member is told about. */
    enum OrderMove { placed, paid, confirmed, started, completed, cancelled, refunded, reassigned, rescheduled }

    /** What the companion is told: a new task, a task called off, or a reminder of one. */
    enum StaffMove { assigned, cancelled, reminder, reassignedAway, rescheduled }

    private Notices() {
    }

    static Notice welcome() {
        return new Notice(NoticeKind.system, WelcomeMessage.TITLE, WelcomeMessage.CONTENT, "pages/index/index",
                Map.of("title", WelcomeMessage.TITLE, "remark", "欢迎使用雷鸣健康"));
    }

    static Notice riskAlert(RiskAlertRaised alert, String personName, ZoneId zone) {
        String content = personName + "的" + alert.type().label() + "记录需要关注：" + alert.description();
        Map<String, String> values = new HashMap<>();
        values.put("title", "健康风险提醒");
        values.put("content", content);
        values.put("person", personName);
        values.put("level", alert.description());
        values.put("time", time(alert.recordedAt(), zone));
        values.put("remark", "请及时关注，必要时尽快就医");
        return new Notice(NoticeKind.health_alert, "健康风险提醒", content,
                "pages/health/records?personId=" + alert.personId(), values);
    }

    /** The SMS text of an urgent alert (to the member and to the emergency contact). */
    /**
     * The alert SMS to a person's emergency contact: nothing a member typed (no names), only the
     * guideline's words and the member's masked phone, so the contact knows whose family it concerns.
     */
    static String riskAlertContactSms(RiskAlertRaised alert, String maskedMemberPhone) {
        return "【雷鸣健康】您作为紧急联系人收到提醒：用户" + maskedMemberPhone + "的家人" + alert.type().label()
                + "测量结果需要关注（" + alert.description() + "），请及时联系并关注其身体状况，必要时尽快就医。";
    }

    static String riskAlertSms(RiskAlertRaised alert, String personName) {
        return "【雷鸣健康】" + personName + "的" + alert.type().label() + "测量结果需要关注（"
                + alert.description() + "），请及时联系并关注其身体状况，必要时尽快就医。";
    }

    /**
     * @param amount the order's amount when placed, what goes back when cancelled or refunded; else null
     * @param reason why it was cancelled; else null
     */
    static Notice order(OrderMove move, OrderFacts order, BigDecimal amount, String reason, ZoneId zone) {
        String no = order.orderNo();
        String title = switch (move) {
            case placed -> "预约已提交";
            case paid -> "支付成功";
            case confirmed -> "服务人员已接单";
            case started -> "服务已开始";
            case completed -> "服务已完成";
            case cancelled -> "订单已取消";
            case refunded -> "退款成功";
            case reassigned -> "陪诊员已更换";
            case rescheduled -> "预约时间已变更";
        };
        String content = switch (move) {
            case placed -> "订单" + no + "已提交，请尽快完成支付，超时未支付将自动取消。";
            case paid -> "订单" + no + "已支付成功，我们将尽快为您安排服务人员。";
            case confirmed -> "订单" + no + "的服务人员已确认接单，请按时前往。";
            case started -> "订单" + no + "的服务人员已到达现场，服务开始。";
            case completed -> "订单" + no + "的服务已完成，欢迎对本次服务进行评价。";
            case cancelled -> "订单" + no + "已取消（" + (reason == null ? "" : reason) + "）"
                    + (positive(amount) ? "，退款" + amount.toPlainString() + "元将原路退回。" : "。");
            case refunded -> "订单" + no + "的退款" + amount.toPlainString() + "元已原路退回。";
            case reassigned -> "订单" + no + "已为您更换陪诊员，服务时间不变，新陪诊员会按时与您联系。";
            case rescheduled -> "订单" + no + "的服务时间已改为" + time(order.scheduledTime(), zone)
                    + (reason == null ? "" : "（" + reason + "）") + "，请按新时间前往。";
        };
        Map<String, String> values = orderValues(order, zone);
        values.put("title", title);
        values.put("content", content);
        values.put("status", title);
        if (amount != null) {
            values.put("amount", amount.toPlainString() + "元");
        }
        return new Notice(NoticeKind.order, title, content, orderPage(order), values);
    }

    static Notice appointmentReminder(OrderFacts order, ZoneId zone) {
        String content = "您预约的" + order.serviceName() + "（订单" + order.orderNo() + "）将于"
                + time(order.scheduledTime(), zone) + "开始，请提前到达并准备好就诊材料。";
        Map<String, String> values = orderValues(order, zone);
        values.put("title", "预约提醒");
        values.put("content", content);
        values.put("remark", "请提前到达");
        return new Notice(NoticeKind.appointment, "预约提醒", content, orderPage(order), values);
    }

    /** To the assigned companion, in WeCom. */
    static Notice staffTask(StaffMove move, OrderFacts order, String hospitalName, ZoneId zone) {
        String no = order.orderNo();
        String serviceName = order.serviceName();
        String when = time(order.scheduledTime(), zone) + (hospitalName == null ? "" : "，" + hospitalName);
        String title;
        String content;
        switch (move) {
            case assigned -> {
                title = "新任务";
                content = "【新任务】" + serviceName + "，" + when + "。订单" + no + "。回复“接单 " + no + "”确认接单。";
            }
            case cancelled -> {
                title = "任务已取消";
                content = "【任务取消】订单" + no + "（" + serviceName + "，" + when + "）已取消，无需前往。";
            }
            case rescheduled -> {
                title = "任务已改期";
                content = "【任务改期】订单" + no + "（" + serviceName + "）改为" + when + "，请按新时间前往。";
            }
            case reassignedAway -> {
                title = "任务已改派";
                content = "【任务改派】订单" + no + "（" + serviceName + "，" + when + "）已改由其他陪诊员负责，无需前往。";
            }
            default -> {
                title = "服务提醒";
                content = "【服务提醒】" + serviceName + "将于" + when + "开始，订单" + no + "，请准时到达并在开始时签到。";
            }
        }
        return new Notice(NoticeKind.order, title, content, null, Map.of("title", title, "content", content));
    }

    static Notice reportReady(ReportReady report, String personName) {
        int risks = report.risks();
        String content = personName + "的" + report.periodLabel() + "已生成" + (risks > 0 ? "，有" + risks + "项健康风险提示，请查看。" : "，请查看。");
        return new Notice(NoticeKind.report, "健康报告已生成", content,
                "pages/health/report?id=" + report.reportId(), Map.of("title", "健康报告已生成",
                        "content", content, "person", personName, "remark", risks > 0 ? "有风险提示" : "各项良好"));
    }

    static Notice chatToMember(UnreadChatMessage message, String preview) {
        String content = "订单" + message.orderNo() + "的服务人员：" + preview;
        return new Notice(NoticeKind.chat, "服务人员发来新消息", content,
                "pages/order/chat?id=" + message.orderId(), Map.of("title", "服务人员发来新消息",
                        "content", content, "orderNo", message.orderNo(), "remark", preview));
    }

    static Notice chatToStaff(UnreadChatMessage message, String preview) {
        String content = "【用户消息】订单" + message.orderNo() + "：" + preview + "（请在任务详情中打开会话回复）";
        return new Notice(NoticeKind.chat, "用户消息", content, null, Map.of("title", "用户消息", "content", content));
    }

    private static Map<String, String> orderValues(OrderFacts order, ZoneId zone) {
        Map<String, String> values = new HashMap<>();
        values.put("orderNo", order.orderNo());
        if (order.serviceName() != null) {
            values.put("serviceName", order.serviceName());
        }
        if (order.scheduledTime() != null) {
            values.put("time", time(order.scheduledTime(), zone));
        }
        return values;
    }

    private static String orderPage(OrderFacts order) {
        return "pages/order/detail?id=" + order.orderId();
    }

    static String time(Instant instant, ZoneId zone) {
        return MINUTE.format(instant.atZone(zone));
    }

    private static boolean positive(BigDecimal amount) {
        return amount != null && amount.signum() > 0;
    }
}
