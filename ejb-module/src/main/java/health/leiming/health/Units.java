package health.leiming.health;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Converts accepted units to the canonical ones, with exact factors, in decimal arithmetic:
 * <ul>
 * <li>glucose: mg/dL / 18.016 = mmol/L (molar mass of glucose 180.16 g/mol), 2 decimals;</li>
 * <li>weight: 1 斤 (jin) = 0.5 kg, 1 lb = 0.45359237 kg (international pound), 2 decimals;</li>
 * <li>pressure: 1 mmHg = 0.133322387415 kPa, whole mmHg;</li>
 * <li>temperature: °C = (°F - 32) × 5 / 9, 1 decimal.</li>
 * </ul>
 */
public final class Units {

    static final BigDecimal GLUCOSE_MG_DL_PER_MMOL_L = new BigDecimal("18.016");
    static final BigDecimal KG_PER_JIN = new BigDecimal("0.5");
    static final BigDecimal KG_PER_LB = new BigDecimal("0.45359237");
    static final BigDecimal KPA_PER_MMHG = new BigDecimal("0.133322387415");

    private Units() {
    }

    /** The value in the type's canonical unit, rounded to the precision stored for it. */
    public static BigDecimal toCanonical(MeasurementType type, BigDecimal value, String unit) {
        String u = normalise(unit == null || unit.isBlank() ? type.canonicalUnit() : unit);
        BigDecimal canonical = switch (type) {
            case blood_pressure -> switch (u) {
                case "mmhg" -> value;
                case "kpa" -> value.divide(KPA_PER_MMHG, MathContext.DECIMAL64);
                default -> throw unsupported(type, unit, "mmHg, kPa");
            };
            case blood_glucose -> switch (u) {
                case "mmol/l" -> value;
                case "mg/dl" -> value.divide(GLUCOSE_MG_DL_PER_MMOL_L, MathContext.DECIMAL64);
                default -> throw unsupported(type, unit, "mmol/L, mg/dL");
            };
            case weight -> switch (u) {
                case "kg" -> value;
                case "斤", "jin" -> value.multiply(KG_PER_JIN);
                case "lb", "lbs" -> value.multiply(KG_PER_LB);
                default -> throw unsupported(type, unit, "kg, 斤, lb");
            };
            case body_temperature -> switch (u) {
                case "°c", "c", "℃" -> value;
                case "°f", "f", "℉" -> value.subtract(BigDecimal.valueOf(32)).multiply(BigDecimal.valueOf(5))
                        .divide(BigDecimal.valueOf(9), MathContext.DECIMAL64);
                default -> throw unsupported(type, unit, "°C, °F");
            };
            case heart_rate -> only(type, value, u, unit, "bpm", "次/分");
            case blood_oxygen -> only(type, value, u, unit, "%");
            case steps -> only(type, value, u, unit, "steps", "步");
            case sleep_duration -> switch (u) {
                case "h", "小时" -> value;
                case "min", "分钟" -> value.divide(BigDecimal.valueOf(60), MathContext.DECIMAL64);
                default -> throw unsupported(type, unit, "h, min");
            };
        };
        return canonical.setScale(scale(type), RoundingMode.HALF_UP);
    }

    /** Decimals kept in the canonical unit. */
    static int scale(MeasurementType type) {
        return switch (type) {
            case blood_pressure, heart_rate, steps -> 0;
            case body_temperature, blood_oxygen -> 1;
            case blood_glucose, weight, sleep_duration -> 2;
        };
    }

    private static BigDecimal only(MeasurementType type, BigDecimal value, String normalised, String given,
            String... accepted) {
        for (String a : accepted) {
            if (normalise(a).equals(normalised)) {
                return value;
            }
        }
        throw unsupported(type, given, String.join(", ", accepted));
    }

    private static String normalise(String unit) {
        return unit.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    }

    private static BusinessException unsupported(MeasurementType type, String unit, String accepted) {
        return new BusinessException(ErrorKind.BAD_REQUEST, "UNIT_INVALID",
                type.label() + "不支持单位 " + unit + "，可用: " + accepted);
    }
}
