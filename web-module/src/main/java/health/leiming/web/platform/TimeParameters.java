package health.leiming.web.platform;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/** Query parameters of type Instant (2026-11-29T08:00:00Z) and LocalDate (2026-11-29), ISO-8601; else a 400. */
@Provider
public class TimeParameters implements ParamConverterProvider {

    private static final ParamConverter<Instant> INSTANTS = converter(Instant::parse);
    private static final ParamConverter<LocalDate> DATES = converter(LocalDate::parse);

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Instant.class) {
            return (ParamConverter<T>) INSTANTS;
        }
        return rawType == LocalDate.class ? (ParamConverter<T>) DATES : null;
    }

    private static <V> ParamConverter<V> converter(Function<String, V> parse) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return parse.apply(value.trim());
                } catch (DateTimeParseException e) {
                    throw new BadRequestException("Not an ISO-8601 value: " + value);
                }
            }

            @Override
            public String toString(V value) {
                return value.toString();
            }
        };
    }
}
