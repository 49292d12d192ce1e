package health.leiming.notify;

import health.leiming.health.HealthEvents;
import health.leiming.order.OrderEvents;
import health.leiming.platform.events.EventRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The mini-program's subscribe-message templates, from configuration, per event type:
 * <pre>
 * leiming.notify.subscribe.order.paid.template = (template id from the WeChat console)
 * leiming.notify.subscribe.order.paid.fields   = character_string1=orderNo,thing2=serviceName,time3=time
 * </pre>
 * Each field names one of the notice's values (see {@link Notice}); values are cut to WeChat's
 * limits for the field's type (thing 20 characters, phrase 5, name 10, character_string 32).
 */
@ApplicationScoped
public class SubscribeTemplates {

    /** The events a member can be sent a subscribe message for. */
    static final List<String> EVENTS = Stream.of(OrderEvents.OrderPlaced.class, OrderEvents.OrderPaid.class,
            OrderEvents.OrderConfirmed.class, OrderEvents.OrderStarted.class, OrderEvents.OrderCompleted.class,
            OrderEvents.OrderCancelled.class, OrderEvents.OrderRefunded.class, OrderEvents.AppointmentReminderDue.class,
            HealthEvents.RiskAlertRaised.class, HealthEvents.ReportReady.class, ChatEvents.UnreadChatMessage.class)
            .<String>map(EventRegistry::nameOf).toList();

    public record Template(String eventType, String templateId, Map<String, String> fields) {

        /** The template's data: {"thing2": {"value": "陪诊服务"}, ...}. */
        String data(Notice notice) {
            JsonObjectBuilder data = Json.createObjectBuilder();
            fields.forEach((key, valueName) -> data.add(key,
                    Json.createObjectBuilder().add("value", fit(key, notice.values().getOrDefault(valueName, "")))));
            return data.build().toString();
        }
    }

    public Optional<Template> forEvent(String eventType) {
        Config config = ConfigProvider.getConfig();
        String prefix = "leiming.notify.subscribe." + eventType;
        return config.getOptionalValue(prefix + ".template", String.class).filter(id -> !id.isBlank())
                .map(id -> new Template(eventType, id.trim(), fields(config.getOptionalValue(prefix + ".fields", String.class)
                        .orElse("thing1=title,thing2=content"))));
    }

    /** Every configured template, by event type, for the mini-program to ask the member about. */
    public Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        EVENTS.forEach(event -> forEvent(event).ifPresent(t -> all.put(event, t.templateId())));
        return all;
    }

    static Map<String, String> fields(String spec) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && !kv[0].isBlank() && !kv[1].isBlank()) {
                fields.put(kv[0].trim(), kv[1].trim());
            }
        }
        return fields;
    }

    /** Cuts a value to what WeChat accepts for the field's type (the key's letters: thing1 is a "thing"). */
    static String fit(String key, String value) {
        String type = key.replaceAll("\\d+$", "");
        int max = switch (type) {
            case "thing" -> 20;
            case "phrase" -> 5;
            case "name" -> 10;
            case "character_string", "number", "letter", "symbol", "car_number" -> 32;
            default -> 200;
        };
        if (value.codePointCount(0, value.length()) <= max) {
            return value;
        }
        int end = value.offsetByCodePoints(0, max - 1);
        return value.substring(0, end) + "…";
    }
}
