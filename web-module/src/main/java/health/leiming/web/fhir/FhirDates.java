package health.leiming.web.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.hl7.fhir.r4.model.DateTimeType;

/**
 * A search's date parameters (FHIR: {@code date=ge2026-11-01&date=lt2026-12-01}) as one interval
 * [from, to). A value stands for the whole period of its precision: 2026-11 is the month, a day is the day
 * in the business time zone, a time with an offset is that second.
 */
final class FhirDates {

    private Instant from;
    private Instant to;

    private final ZoneId zone;

    FhirDates(ZoneId zone) {
        this.zone = zone;
    }

    Instant from() {
        return from;
    }

    Instant to() {
        return to;
    }

    void add(String parameter) {
        boolean prefixed = !parameter.isEmpty() && Character.isLetter(parameter.charAt(0));
        String prefix = prefixed ? parameter.substring(0, Math.min(2, parameter.length())) : "eq";
        String value = prefixed ? parameter.substring(prefix.length()) : parameter;
        Instant[] period = period(value);
        switch (prefix) {
            case "eq" -> {
                narrowFrom(period[0]);
                narrowTo(period[1]);
            }
            case "ge", "sa" -> narrowFrom("sa".equals(prefix) ? period[1] : period[0]);
            case "gt" -> narrowFrom(period[1]);
            case "le" -> narrowTo(period[1]);
            case "lt", "eb" -> narrowTo(period[0]);
            default -> throw bad("不支持的日期前缀: " + prefix + "（支持 eq、ge、gt、le、lt）");
        }
    }

    private void narrowFrom(Instant at) {
        from = from == null || at.isAfter(from) ? at : from;
    }

    private void narrowTo(Instant at) {
        to = to == null || at.isBefore(to) ? at : to;
    }

    /** The period a value stands for: [start, end). */
    private Instant[] period(String value) {
        DateTimeType parsed;
        try {
            parsed = new DateTimeType(value);
        } catch (RuntimeException e) {
            throw bad("日期格式不正确: " + value + "（如 2026-11-01 或 2026-11-01T08:00:00+08:00）");
        }
        TemporalPrecisionEnum precision = parsed.getPrecision();
        if (precision.ordinal() >= TemporalPrecisionEnum.MINUTE.ordinal()) {
            if (parsed.getTimeZone() == null || !value.matches(".*(Z|[+-]\\d{2}:\\d{2})$")) {
                throw bad("带时间的日期须写明时区: " + value);
            }
            Instant start = parsed.getValue().toInstant();
            Instant end = switch (precision) {
                case MINUTE -> start.plusSeconds(60);
                case SECOND -> start.plusSeconds(1);
                default -> start.plusMillis(1);
            };
            return new Instant[] {start, end};
        }
        LocalDate first = LocalDate.of(parsed.getYear(), precision == TemporalPrecisionEnum.YEAR ? 1 : parsed.getMonth() + 1,
                precision == TemporalPrecisionEnum.DAY ? parsed.getDay() : 1);
        LocalDate next = switch (precision) {
            case YEAR -> first.plusYears(1);
            case MONTH -> first.plusMonths(1);
            default -> first.plusDays(1);
        };
        return new Instant[] {start(first), start(next)};
    }

    private Instant start(LocalDate day) {
        return ZonedDateTime.of(day.atStartOfDay(), zone).toInstant();
    }

    static BusinessException bad(String why) {
        return new BusinessException(ErrorKind.BAD_REQUEST, "SEARCH_INVALID", why);
    }
}
