package health.leiming.health;

import static health.leiming.health.Guidelines.*;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One reading in canonical units. Refuses physiologically impossible values on construction and
 * classifies itself against the guidelines (see {@link Guidelines}).
 *
 * @param value     the reading (systolic for blood pressure)
 * @param diastolic blood pressure only
 * @param pulse     optional heart rate taken with a blood pressure reading
 * @param context   blood glucose only
 */
public record Measurement(MeasurementType type, BigDecimal value, BigDecimal diastolic, Integer pulse,
        GlucoseContext context) {

    public Measurement {
        if (type == null || value == null) {
            throw invalid("VALUE_REQUIRED", "请填写测量值");
        }
        switch (type) {
            case blood_pressure -> {
                if (diastolic == null) {
                    throw invalid("DIASTOLIC_REQUIRED", "血压需要同时填写收缩压和舒张压");
                }
                range(value, 40, 300, "收缩压", "mmHg");
                range(diastolic, 20, 200, "舒张压", "mmHg");
                if (diastolic.compareTo(value) >= 0) {
                    throw invalid("VALUE_IMPOSSIBLE", "舒张压必须低于收缩压");
                }
                if (pulse != null) {
                    range(BigDecimal.valueOf(pulse), 20, 300, "心率", "次/分");
                }
            }
            case blood_glucose -> {
                if (value.compareTo(new BigDecimal("0.5")) < 0 || value.compareTo(BigDecimal.valueOf(60)) > 0) {
                    throw invalid("VALUE_IMPOSSIBLE", "血糖值 " + value.toPlainString() + " mmol/L 不在可能的范围（0.5-60 mmol/L）内");
                }
                context = context == null ? GlucoseContext.random : context;
            }
            case heart_rate -> range(value, 20, 300, "心率", "次/分");
            case weight -> range(value, 1, 500, "体重", "kg");
            case body_temperature -> range(value, 30, 45, "体温", "°C");
            case blood_oxygen -> range(value, 50, 100, "血氧饱和度", "%");
            case steps -> range(value, 0, 200_000, "步数", "步");
            case sleep_duration -> range(value, 0, 24, "睡眠时长", "小时");
        }
        if (type != MeasurementType.blood_pressure) {
            diastolic = null;
            pulse = null;
        }
        if (type != MeasurementType.blood_glucose) {
            context = null;
        }
    }

    /** The guideline level of this reading; weight needs the person's height (cm) for BMI, else unclassified. */
    public Indicator indicator(BigDecimal heightCm) {
        return switch (type) {
            case blood_pressure -> bloodPressure(value.intValue(), diastolic.intValue());
            case blood_glucose -> glucose(value, context);
            case heart_rate -> heartRate(value.intValue());
            case weight -> heightCm == null
                    ? new Indicator("unclassified", "请在健康档案中填写身高以计算BMI", BMI_WST428, false)
                    : bmi(bmi(value, heightCm));
            case body_temperature -> temperature(value);
            case blood_oxygen -> oxygen(value);
            case steps -> value.intValue() >= STEPS_DAILY_TARGET
                    ? new Indicator("target_met", "已达到每日6000步的建议", STEPS, false)
                    : new Indicator("below_target", "建议每天至少步行6000步", STEPS, false);
            case sleep_duration -> sleep(value);
        };
    }

    static Indicator bloodPressure(int systolic, int diastolic) {
        int grade = Math.max(grade(systolic, BP_GRADE1_SYSTOLIC, BP_GRADE2_SYSTOLIC, BP_GRADE3_SYSTOLIC),
                grade(diastolic, BP_GRADE1_DIASTOLIC, BP_GRADE2_DIASTOLIC, BP_GRADE3_DIASTOLIC));
        boolean alert = grade == 3;
        if (systolic >= BP_GRADE1_SYSTOLIC && diastolic < BP_GRADE1_DIASTOLIC) {
            return new Indicator("isolated_systolic_hypertension", "单纯收缩期高血压（" + grade + "级）"
                    + (alert ? "，血压很高，请尽快就医" : "，请遵医嘱控制血压"), HYPERTENSION_2018, alert);
        }
        return switch (grade) {
            case 3 -> new Indicator("grade_3", "3级高血压（重度），请尽快就医", HYPERTENSION_2018, true);
            case 2 -> new Indicator("grade_2", "2级高血压（中度），请遵医嘱治疗并规律监测", HYPERTENSION_2018, false);
            case 1 -> new Indicator("grade_1", "1级高血压（轻度），建议就医评估并改善生活方式", HYPERTENSION_2018, false);
            default -> systolic >= BP_HIGH_NORMAL_SYSTOLIC || diastolic >= BP_HIGH_NORMAL_DIASTOLIC
                    ? new Indicator("high_normal", "血压正常高值，注意限盐、运动和定期监测", HYPERTENSION_2018, false)
                    : new Indicator("normal", "血压正常", HYPERTENSION_2018, false);
        };
    }

    private static int grade(int reading, int grade1, int grade2, int grade3) {
        return reading >= grade3 ? 3 : reading >= grade2 ? 2 : reading >= grade1 ? 1 : 0;
    }

    static Indicator glucose(BigDecimal mmol, GlucoseContext context) {
        if (mmol.compareTo(GLUCOSE_HYPO_SEVERE) < 0) {
            return new Indicator("hypoglycemia_severe", "严重低血糖（<3.0 mmol/L），请立即进食含糖食物并就医", DIABETES_2020, true);
        }
        if (mmol.compareTo(GLUCOSE_HYPO) < 0) {
            return new Indicator("hypoglycemia", "低血糖（<3.9 mmol/L），请立即补充糖分并复测", DIABETES_2020, true);
        }
        if (mmol.compareTo(GLUCOSE_CRISIS) >= 0) {
            return new Indicator("hyperglycemia_severe", "血糖过高（≥16.7 mmol/L），有高血糖危象风险，请尽快就医", DIABETES_2020, true);
        }
        String when = context.label();
        return switch (context) {
            case fasting -> mmol.compareTo(GLUCOSE_FASTING_DIABETES) >= 0
                    ? new Indicator("diabetes_range", when + "血糖≥7.0 mmol/L，达到糖尿病诊断界值，请就医确认", DIABETES_2020, false)
                    : mmol.compareTo(GLUCOSE_FASTING_IMPAIRED) >= 0
                            ? new Indicator("impaired_fasting_glucose", when + "血糖受损（6.1-7.0 mmol/L），建议复查", DIABETES_2020, false)
                            : new Indicator("normal", when + "血糖正常", DIABETES_2020, false);
            case after_meal_2h -> mmol.compareTo(GLUCOSE_2H_DIABETES) >= 0
                    ? new Indicator("diabetes_range", when + "血糖≥11.1 mmol/L，达到糖尿病诊断界值，请就医确认", DIABETES_2020, false)
                    : mmol.compareTo(GLUCOSE_2H_IMPAIRED) >= 0
                            ? new Indicator("impaired_glucose_tolerance", when + "血糖偏高（糖耐量受损范围 7.8-11.1 mmol/L）", DIABETES_2020, false)
                            : new Indicator("normal", when + "血糖正常", DIABETES_2020, false);
            case random, bedtime -> mmol.compareTo(GLUCOSE_2H_DIABETES) >= 0
                    ? new Indicator("diabetes_range", when + "血糖≥11.1 mmol/L，偏高，请就医确认", DIABETES_2020, false)
                    : new Indicator("normal", when + "血糖在正常范围", DIABETES_2020, false);
        };
    }

    /** Body mass index (kg/m²) to one decimal, as WS/T 428 states its thresholds. */
    public static BigDecimal bmi(BigDecimal weightKg, BigDecimal heightCm) {
        BigDecimal metres = heightCm.movePointLeft(2);
        return weightKg.divide(metres.multiply(metres), 1, RoundingMode.HALF_UP);
    }

    /** The WS/T 428 level of a BMI. */
    public static Indicator bmi(BigDecimal bmi) {
        String value = "BMI " + bmi.toPlainString();
        if (bmi.compareTo(BMI_UNDERWEIGHT) < 0) {
            return new Indicator("underweight", value + "，体重过低", BMI_WST428, false);
        }
        if (bmi.compareTo(BMI_OVERWEIGHT) < 0) {
            return new Indicator("normal", value + "，体重正常", BMI_WST428, false);
        }
        if (bmi.compareTo(BMI_OBESE) < 0) {
            return new Indicator("overweight", value + "，超重", BMI_WST428, false);
        }
        return new Indicator("obese", value + "，肥胖", BMI_WST428, false);
    }

    static Indicator heartRate(int bpm) {
        if (bpm < HR_DANGER_LOW || bpm >= HR_DANGER_HIGH) {
            return new Indicator(bpm < HR_DANGER_LOW ? "bradycardia_severe" : "tachycardia_severe",
                    "静息心率" + bpm + "次/分，明显异常，请尽快就医", HEART_RATE, true);
        }
        if (bpm < HR_LOW) {
            return new Indicator("bradycardia", "心率偏慢（<60次/分），如有头晕乏力请就医", HEART_RATE, false);
        }
        if (bpm > HR_HIGH) {
            return new Indicator("tachycardia", "心率偏快（>100次/分），请休息后复测", HEART_RATE, false);
        }
        return new Indicator("normal", "心率正常", HEART_RATE, false);
    }

    static Indicator oxygen(BigDecimal percent) {
        if (percent.compareTo(SPO2_HYPOXAEMIA) < 0) {
            return new Indicator("hypoxemia", "血氧饱和度低于90%，请立即就医", SPO2, true);
        }
        if (percent.compareTo(SPO2_NORMAL) < 0) {
            return new Indicator("low", "血氧饱和度偏低（90%-94%），请复测并留意症状", SPO2, false);
        }
        return new Indicator("normal", "血氧饱和度正常", SPO2, false);
    }

    static Indicator temperature(BigDecimal celsius) {
        if (celsius.compareTo(TEMP_HYPOTHERMIA) < 0) {
            return new Indicator("hypothermia", "体温过低（<35.0°C），请立即保暖并就医", BODY_TEMPERATURE, true);
        }
        if (celsius.compareTo(TEMP_LOW) < 0) {
            return new Indicator("low", "体温偏低", BODY_TEMPERATURE, false);
        }
        if (celsius.compareTo(TEMP_FEVER) < 0) {
            return new Indicator("normal", "体温正常", BODY_TEMPERATURE, false);
        }
        if (celsius.compareTo(TEMP_MODERATE) < 0) {
            return new Indicator("low_fever", "低热（37.3-38.0°C）", BODY_TEMPERATURE, false);
        }
        if (celsius.compareTo(TEMP_HIGH) < 0) {
            return new Indicator("moderate_fever", "中等度发热（38.1-39.0°C），请多饮水并观察", BODY_TEMPERATURE, false);
        }
        if (celsius.compareTo(TEMP_HYPERPYREXIA) <= 0) {
            return new Indicator("high_fever", "高热（39.1-41.0°C），请尽快就医", BODY_TEMPERATURE, true);
        }
        return new Indicator("hyperpyrexia", "超高热（>41.0°C），请立即就医", BODY_TEMPERATURE, true);
    }

    static Indicator sleep(BigDecimal hours) {
        if (hours.compareTo(SLEEP_SHORT) < 0) {
            return new Indicator("short", "睡眠不足6小时，建议成人每天睡眠7-8小时", SLEEP, false);
        }
        if (hours.compareTo(SLEEP_RECOMMENDED) < 0) {
            return new Indicator("slightly_short", "睡眠略少，建议成人每天睡眠7-8小时", SLEEP, false);
        }
        if (hours.compareTo(SLEEP_LONG) > 0) {
            return new Indicator("long", "睡眠时间偏长", SLEEP, false);
        }
        return new Indicator("normal", "睡眠时长适宜", SLEEP, false);
    }

    private static void range(BigDecimal value, long min, long max, String what, String unit) {
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw invalid("VALUE_IMPOSSIBLE", what + " " + value.stripTrailingZeros().toPlainString() + " " + unit
                    + " 不在可能的范围（" + min + "-" + max + " " + unit + "）内，请检查");
        }
    }

    private static BusinessException invalid(String code, String message) {
        return new BusinessException(ErrorKind.BAD_REQUEST, code, message);
    }
}
