package health.leiming.web.platform;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters of type Instant, in ISO-8601 (2026-11-29T08:00:00Z); anything else is a 400. */
@Provider
public class InstantParameters implements ParamConverterProvider {

    private static final ParamConverter<Instant> INSTANTS = new ParamConverter<>() {
        @Override
        public Instant fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Instant.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new BadRequestException("Not an ISO-8601 instant: " + value);
            }
        }

        @Override
        public String toString(Instant value) {
            return value.toString();
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == Instant.class ? (ParamConverter<T>) INSTANTS : null;
    }
}
