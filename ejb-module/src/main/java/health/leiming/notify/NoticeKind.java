package health.leiming.notify;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import java.util.Arrays;

/**
 * What a notification is about, as a member chooses what is pushed to them. Urgent health alerts
 * cannot be turned off and ignore quiet hours.
 */
public enum NoticeKind {
    order("订单进度", Message.Category.order),
    appointment("预约提醒", Message.Category.service),
    health_alert("健康风险提醒", Message.Category.health),
    report("健康报告", Message.Category.health),
    chat("服务人员消息", Message.Category.service),
    system("系统通知", Message.Category.system);

    private final String label;
    private final Message.Category category;

    NoticeKind(String label, Message.Category category) {
        this.label = label;
        this.category = category;
    }

    public String label() {
        return label;
    }

    Message.Category category() {
        return category;
    }

    public boolean urgent() {
        return this == health_alert;
    }

    public static NoticeKind parse(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new BusinessException(ErrorKind.BAD_REQUEST, "NOTICE_KIND_UNKNOWN",
                        "未知的通知类型：" + name));
    }
}
