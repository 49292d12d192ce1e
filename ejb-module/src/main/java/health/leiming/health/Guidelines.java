package health.leiming.health;

import java.math.BigDecimal;

/**
 * Every threshold the classification uses, in one place, with its source. Values are in canonical
 * units. Levels are for adults; they support, never replace, a doctor's judgement.
 */
public final class Guidelines {

    private Guidelines() {
    }

    /** 中国高血压防治指南（2018年修订版）, Table 3: blood pressure levels (mmHg). */
    public static final String HYPERTENSION_2018 = "中国高血压防治指南（2018年修订版）";
    static final int BP_HIGH_NORMAL_SYSTOLIC = 120;   // 正常高值 120-139 and/or 80-89
    static final int BP_HIGH_NORMAL_DIASTOLIC = 80;
    static final int BP_GRADE1_SYSTOLIC = 140;        // 1级 140-159 and/or 90-99
    static final int BP_GRADE1_DIASTOLIC = 90;
    static final int BP_GRADE2_SYSTOLIC = 160;        // 2级 160-179 and/or 100-109
    static final int BP_GRADE2_DIASTOLIC = 100;
    static final int BP_GRADE3_SYSTOLIC = 180;        // 3级 ≥180 and/or ≥110
    static final int BP_GRADE3_DIASTOLIC = 110;

    /** 中国2型糖尿病防治指南（2020年版）: diagnosis (Table 4/5) and hypoglycaemia (Chapter 13), mmol/L. */
    public static final String DIABETES_2020 = "中国2型糖尿病防治指南（2020年版）";
    static final BigDecimal GLUCOSE_HYPO = new BigDecimal("3.9");          // < 3.9: hypoglycaemia (level 1)
    static final BigDecimal GLUCOSE_HYPO_SEVERE = new BigDecimal("3.0");   // < 3.0: level 2 hypoglycaemia
    static final BigDecimal GLUCOSE_FASTING_IMPAIRED = new BigDecimal("6.1"); // 6.1-<7.0: impaired fasting glucose
    static final BigDecimal GLUCOSE_FASTING_DIABETES = new BigDecimal("7.0"); // ≥ 7.0: diabetic range
    static final BigDecimal GLUCOSE_2H_IMPAIRED = new BigDecimal("7.8");   // 7.8-<11.1: impaired glucose tolerance
    static final BigDecimal GLUCOSE_2H_DIABETES = new BigDecimal("11.1");  // ≥ 11.1 (2 h or random): diabetic range
    /** ≥ 16.7 mmol/L: risk of hyperglycaemic crisis (same guideline, Chapter 14 on DKA/HHS screening). */
    static final BigDecimal GLUCOSE_CRISIS = new BigDecimal("16.7");

    /** WS/T 428-2013 成人体重判定: BMI (kg/m²). */
    public static final String BMI_WST428 = "WS/T 428-2013 成人体重判定";
    static final BigDecimal BMI_UNDERWEIGHT = new BigDecimal("18.5");  // < 18.5
    static final BigDecimal BMI_OVERWEIGHT = new BigDecimal("24.0");   // 24.0-<28.0
    static final BigDecimal BMI_OBESE = new BigDecimal("28.0");        // ≥ 28.0

    /** Resting adult heart rate (诊断学, 第9版): 60-100 bpm; below 40 or from 150 needs care now. */
    public static final String HEART_RATE = "诊断学（第9版）成人静息心率";
    static final int HR_LOW = 60;
    static final int HR_HIGH = 100;
    static final int HR_DANGER_LOW = 40;
    static final int HR_DANGER_HIGH = 150;

    /** SpO2 (诊断学 / 氧疗专家共识): ≥ 95 % normal, 90-94 % low, < 90 % hypoxaemia. */
    public static final String SPO2 = "成人氧疗临床规范应用专家共识（2019）";
    static final BigDecimal SPO2_NORMAL = new BigDecimal("95");
    static final BigDecimal SPO2_HYPOXAEMIA = new BigDecimal("90");

    /** Axillary body temperature (诊断学, 第9版): 36.0-37.0 °C normal; fever grades. */
    public static final String BODY_TEMPERATURE = "诊断学（第9版）发热分度（腋温）";
    static final BigDecimal TEMP_HYPOTHERMIA = new BigDecimal("35.0");  // < 35.0: hypothermia
    static final BigDecimal TEMP_LOW = new BigDecimal("36.0");          // < 36.0: below normal
    static final BigDecimal TEMP_FEVER = new BigDecimal("37.3");        // 37.3-38.0 低热
    static final BigDecimal TEMP_MODERATE = new BigDecimal("38.1");     // 38.1-39.0 中等度热
    static final BigDecimal TEMP_HIGH = new BigDecimal("39.1");         // 39.1-41.0 高热
    static final BigDecimal TEMP_HYPERPYREXIA = new BigDecimal("41.0"); // > 41.0 超高热

    /** 中国居民膳食指南（2022）: at least 6,000 steps a day. */
    public static final String STEPS = "中国居民膳食指南（2022）";
    static final int STEPS_DAILY_TARGET = 6000;

    /** 中国成人失眠诊断与治疗指南（2017）/ 健康中国行动: adults sleep 7-8 h; under 6 h is short. */
    public static final String SLEEP = "健康中国行动（2019-2030年）成人睡眠时长建议";
    static final BigDecimal SLEEP_SHORT = new BigDecimal("6");
    static final BigDecimal SLEEP_RECOMMENDED = new BigDecimal("7");
    static final BigDecimal SLEEP_LONG = new BigDecimal("9");
}
