package health.leiming.notify;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** What each event says, in Chinese: to the member (message centre, subscribe message) and to staff (WeCom). */
final class Notices {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Notices() {
    }

    static Notice welcome() {
        return new Notice(NoticeKind.system, WelcomeMessage.TITLE, WelcomeMessage.CONTENT, "pages/index/index",
                Map.of("title", WelcomeMessage.TITLE, "remark", "欢迎使用雷鸣健康"));
    }

    static Notice riskAlert(JsonObject alert, ZoneId zone) {
        String content = alert.getString("personName") + "的" + alert.getString("typeLabel") + "记录需要关注："
                + alert.getString("description");
        Map<String, String> values = new HashMap<>();
        values.put("title", "健康风险提醒");
        values.put("content", content);
        values.put("person", alert.getString("personName"));
        values.put("level", alert.getString("description"));
        values.put("time", time(alert.getString("recordedAt"), zone));
        values.put("remark", "请及时关注，必要时尽快就医");
        return new Notice(NoticeKind.health_alert, "健康风险提醒", content,
                "pages/health/records?personId=" + alert.getString("personId"), values);
    }

    /** The SMS text of an urgent alert (to the member and to the emergency contact). */
    static String riskAlertSms(JsonObject alert) {
        return "【雷鸣健康】" + alert.getString("personName") + "的" + alert.getString("typeLabel") + "测量结果需要关注（"
                + alert.getString("description") + "），请及时联系并关注其身体状况，必要时尽快就医。";
    }

    static Notice order(String eventType, JsonObject order, String serviceName, Instant scheduledTime, ZoneId zone) {
        String no = order.getString("orderNo");
        String title = switch (eventType) {
            case EventTypes.ORDER_PLACED -> "预约已提交";
            case EventTypes.ORDER_PAID -> "支付成功";
            case EventTypes.ORDER_CONFIRMED -> "服务人员已接单";
            case EventTypes.ORDER_STARTED -> "服务已开始";
            case EventTypes.ORDER_COMPLETED -> "服务已完成";
            case EventTypes.ORDER_CANCELLED -> "订单已取消";
            case EventTypes.ORDER_REFUNDED -> "退款成功";
            default -> "订单动态";
        };
        String content = switch (eventType) {
            case EventTypes.ORDER_PLACED -> "订单" + no + "已提交，请尽快完成支付，超时未支付将自动取消。";
            case EventTypes.ORDER_PAID -> "订单" + no + "已支付成功，我们将尽快为您安排服务人员。";
            case EventTypes.ORDER_CONFIRMED -> "订单" + no + "的服务人员已确认接单，请按时前往。";
            case EventTypes.ORDER_STARTED -> "订单" + no + "的服务人员已到达现场，服务开始。";
            case EventTypes.ORDER_COMPLETED -> "订单" + no + "的服务已完成，欢迎对本次服务进行评价。";
            case EventTypes.ORDER_CANCELLED -> "订单" + no + "已取消（" + order.getString("reason", "") + "）"
                    + (positive(amount(order, "refundAmount"))
                            ? "，退款" + amount(order, "refundAmount").toPlainString() + "元将原路退回。" : "。");
            case EventTypes.ORDER_REFUNDED -> "订单" + no + "的退款" + amount(order, "refundAmount").toPlainString()
                    + "元已原路退回。";
            default -> "订单" + no + "有新的动态。";
        };
        Map<String, String> values = orderValues(order, serviceName, scheduledTime, zone);
        values.put("title", title);
        values.put("content", content);
        values.put("status", title);
        BigDecimal amount = amount(order, eventType.equals(EventTypes.ORDER_PLACED) ? "amount" : "refundAmount");
        if (amount != null) {
            values.put("amount", amount.toPlainString() + "元");
        }
        return new Notice(NoticeKind.order, title, content, orderPage(order), values);
    }

    static Notice appointmentReminder(JsonObject reminder, String serviceName, Instant scheduledTime, ZoneId zone) {
        String content = "您预约的" + serviceName + "（订单" + reminder.getString("orderNo") + "）将于"
                + time(scheduledTime, zone) + "开始，请提前到达并准备好就诊材料。";
        Map<String, String> values = orderValues(reminder, serviceName, scheduledTime, zone);
        values.put("title", "预约提醒");
        values.put("content", content);
        values.put("remark", "请提前到达");
        return new Notice(NoticeKind.appointment, "预约提醒", content, orderPage(reminder), values);
    }

    /** To the assigned companion, in WeCom. */
    static Notice staffTask(String eventType, JsonObject order, String serviceName, Instant scheduledTime,
            String hospitalName, ZoneId zone) {
        String no = order.getString("orderNo");
        String when = time(scheduledTime, zone) + (hospitalName == null ? "" : "，" + hospitalName);
        String title;
        String content;
        switch (eventType) {
            case EventTypes.ORDER_PAID -> {
                title = "新任务";
                content = "【新任务】" + serviceName + "，" + when + "。订单" + no + "。回复“接单 " + no + "”确认接单。";
            }
            case EventTypes.ORDER_CANCELLED -> {
                title = "任务已取消";
                content = "【任务取消】订单" + no + "（" + serviceName + "，" + when + "）已取消，无需前往。";
            }
            default -> {
                title = "服务提醒";
                content = "【服务提醒】" + serviceName + "将于" + when + "开始，订单" + no + "，请准时到达并在开始时签到。";
            }
        }
        return new Notice(NoticeKind.order, title, content, null, Map.of("title", title, "content", content));
    }

    static Notice reportReady(JsonObject report) {
        int risks = report.getInt("risks", 0);
        String content = report.getString("title") + "已生成" + (risks > 0 ? "，有" + risks + "项健康风险提示，请查看。" : "，请查看。");
        return new Notice(NoticeKind.report, "健康报告已生成", content,
                "pages/health/report?id=" + report.getString("reportId"), Map.of("title", "健康报告已生成",
                        "content", content, "person", report.getString("personName"), "remark", risks > 0 ? "有风险提示" : "各项良好"));
    }

    static Notice chatToMember(JsonObject message) {
        String content = "订单" + message.getString("orderNo") + "的服务人员：" + message.getString("preview");
        return new Notice(NoticeKind.chat, "服务人员发来新消息", content,
                "pages/order/chat?id=" + message.getString("orderId"), Map.of("title", "服务人员发来新消息",
                        "content", content, "orderNo", message.getString("orderNo"), "remark", message.getString("preview")));
    }

    static Notice chatToStaff(JsonObject message) {
        String content = "【用户消息】订单" + message.getString("orderNo") + "：" + message.getString("preview")
                + "（请在任务详情中打开会话回复）";
        return new Notice(NoticeKind.chat, "用户消息", content, null, Map.of("title", "用户消息", "content", content));
    }

    private static Map<String, String> orderValues(JsonObject order, String serviceName, Instant scheduledTime,
            ZoneId zone) {
        Map<String, String> values = new HashMap<>();
        values.put("orderNo", order.getString("orderNo"));
        if (serviceName != null) {
            values.put("serviceName", serviceName);
        }
        if (scheduledTime != null) {
            values.put("time", time(scheduledTime, zone));
        }
        return values;
    }

    private static String orderPage(JsonObject order) {
        return "pages/order/detail?id=" + order.getString("orderId");
    }

    static String time(Instant instant, ZoneId zone) {
        return MINUTE.format(instant.atZone(zone));
    }

    private static String time(String instant, ZoneId zone) {
        return time(Instant.parse(instant), zone);
    }

    private static BigDecimal amount(JsonObject data, String key) {
        return data.containsKey(key) && !data.isNull(key) ? data.getJsonNumber(key).bigDecimalValue() : null;
    }

    private static boolean positive(BigDecimal amount) {
        return amount != null && amount.signum() > 0;
    }
}
