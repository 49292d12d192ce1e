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
 * <li>glucose: mg/dL to mmol/L the way the guidelines pair their thresholds (see {@link #glucoseMmol}),
 * 2 decimals rounded down, so that a reading in mg/dL lands in the class of its stated equivalent;</li>
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
                case "mg/dl" -> glucoseMmol(value);
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
        return canonical.setScale(scale(type), type == MeasurementType.blood_glucose && "mg/dl".equals(u)
                ? RoundingMode.FLOOR : RoundingMode.HALF_UP);
    }

    /**
     * The guidelines' glucose thresholds as they state them in both units (中国2型糖尿病防治指南 2020 in
     * mmol/L; the mg/dL figures of the ADA Standards of Care and the WHO criteria): severe hypoglycaemia
     * 54 / 3.0, hypoglycaemia 70 / 3.9, impaired fasting 110 / 6.1, diabetic fasting 126 / 7.0, impaired
     * tolerance 140 / 7.8, diabetic 2 h or random 200 / 11.1, crisis 300 / 16.7. No single factor maps
     * every pair (126 / 18.016 is 6.99, below 7.0; 70 / 18.016 is 3.89, below 3.9), so a reading in mg/dL
     * is converted piecewise-linearly through these pairs (within 0.05 mmol/L of 18.016 everywhere) and
     * rounded down: a value below a threshold in mg/dL stays below it in mmol/L, one at or above it stays
     * at or above. Beyond the last pair, 18.016 mg/dL per mmol/L.
     */
    static final BigDecimal[][] GLUCOSE_PAIRS = {
        {BigDecimal.ZERO, BigDecimal.ZERO},
        {new BigDecimal("54"), new BigDecimal("3.0")},
        {new BigDecimal("70"), new BigDecimal("3.9")},
        {new BigDecimal("110"), new BigDecimal("6.1")},
        {new BigDecimal("126"), new BigDecimal("7.0")},
        {new BigDecimal("140"), new BigDecimal("7.8")},
        {new BigDecimal("200"), new BigDecimal("11.1")},
        {new BigDecimal("300"), new BigDecimal("16.7")},
    };

    static BigDecimal glucoseMmol(BigDecimal mgPerDl) {
        for (int i = 1; i < GLUCOSE_PAIRS.length; i++) {
            BigDecimal[] low = GLUCOSE_PAIRS[i - 1];
            BigDecimal[] high = GLUCOSE_PAIRS[i];
            if (mgPerDl.compareTo(high[0]) <= 0) {
                return low[1].add(mgPerDl.subtract(low[0]).multiply(high[1].subtract(low[1]))
                        .divide(high[0].subtract(low[0]), MathContext.DECIMAL64));
            }
        }
        BigDecimal[] last = GLUCOSE_PAIRS[GLUCOSE_PAIRS.length - 1];
        return last[1].add(mgPerDl.subtract(last[0]).divide(GLUCOSE_MG_DL_PER_MMOL_L, MathContext.DECIMAL64));
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
