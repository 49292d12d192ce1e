package health.leiming.health;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import java.util.Locale;

/** What a health record measures, with the canonical unit it is stored in. */
public enum MeasurementType {
    blood_pressure("mmHg", "血压"),
    blood_glucose("mmol/L", "血糖"),
    heart_rate("bpm", "心率"),
    weight("kg", "体重"),
    body_temperature("°C", "体温"),
    blood_oxygen("%", "血氧"),
    steps("steps", "步数"),
    sleep_duration("h", "睡眠时长");

    private final String canonicalUnit;
    private final String label;

    MeasurementType(String canonicalUnit, String label) {
        this.canonicalUnit = canonicalUnit;
        this.label = label;
    }

    public String canonicalUnit() {
        return canonicalUnit;
    }

    public String label() {
        return label;
    }

    public static MeasurementType parse(String value) {
        try {
            return valueOf(value.trim().toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "TYPE_INVALID", "不支持的健康数据类型: " + value);
        }
    }
}
