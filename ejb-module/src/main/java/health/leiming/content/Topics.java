package health.leiming.content;

import health.leiming.health.MeasurementType;
import java.util.List;

/** The article tags that readings out of range point to (a member with high blood pressure: 高血压). */
final class Topics {

    private Topics() {
    }

    static List<String> of(MeasurementType type) {
        return switch (type) {
            case blood_pressure -> List.of("高血压", "血压");
            case blood_glucose -> List.of("糖尿病", "血糖");
            case weight -> List.of("体重管理", "肥胖");
            case heart_rate -> List.of("心率", "心脏健康");
            case blood_oxygen -> List.of("血氧", "呼吸健康");
            case body_temperature -> List.of("发热");
            case sleep_duration -> List.of("睡眠");
            case steps -> List.of("运动");
        };
    }
}
