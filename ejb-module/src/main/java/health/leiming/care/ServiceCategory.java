package health.leiming.care;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import java.util.Locale;

/** What kind of care a service is (the seed's services.category). */
public enum ServiceCategory {
    companion("陪诊"),
    consultation("问诊咨询"),
    report_pickup("代取报告"),
    medicine_pickup("代取药品"),
    inpatient_care("住院陪护"),
    other("其他");

    private final String label;

    ServiceCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ServiceCategory parse(String value) {
        try {
            return valueOf(value.trim().toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "CATEGORY_INVALID", "未知的服务类别：" + value);
        }
    }
}
