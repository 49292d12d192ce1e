package health.leiming;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import health.leiming.platform.events.BusinessEvent;
import health.leiming.platform.events.EventCatalog;
import health.leiming.platform.events.EventRegistry;
import health.leiming.platform.events.EventType;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core's shape, as docs/architecture.md draws it: dependencies point down only, a context reads
 * only its own tables, and business events are typed, registered and free of personal data.
 */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("health.leiming");

    @Test
    void dependenciesPointDownOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("platform").definedBy("health.leiming.platform..")
                .layer("integration").definedBy("health.leiming.integration..")
                .layer("member").definedBy("health.leiming.member..")
                .layer("health").definedBy("health.leiming.health..")
                .layer("care").definedBy("health.leiming.care..")
                .layer("order").definedBy("health.leiming.order..")
                .layer("content").definedBy("health.leiming.content..")
                .layer("notify").definedBy("health.leiming.notify..")
                .layer("wecom").definedBy("health.leiming.wecom..")
                .layer("privacy").definedBy("health.leiming.privacy..")
                .layer("interop").definedBy("health.leiming.interop..")
                .whereLayer("platform").mayNotAccessAnyLayer()
                .whereLayer("integration").mayOnlyAccessLayers("platform")
                .whereLayer("member").mayOnlyAccessLayers("platform", "integration")
                .whereLayer("health").mayOnlyAccessLayers("platform", "integration", "member")
                .whereLayer("care").mayOnlyAccessLayers("platform", "member")
                .whereLayer("order").mayOnlyAccessLayers("platform", "integration", "member", "care")
                .whereLayer("content").mayOnlyAccessLayers("platform", "integration", "member", "health")
                .whereLayer("notify").mayOnlyAccessLayers("platform", "integration", "member", "health", "care", "order")
                .whereLayer("wecom").mayOnlyAccessLayers("platform", "integration", "member", "care", "order")
                .whereLayer("notify").mayNotBeAccessedByAnyLayer()
                .whereLayer("wecom").mayNotBeAccessedByAnyLayer()
                .whereLayer("privacy").mayOnlyAccessLayers("platform", "member")
                .whereLayer("privacy").mayNotBeAccessedByAnyLayer()
                .whereLayer("interop").mayOnlyAccessLayers("platform", "integration", "member", "health", "care")
                .whereLayer("interop").mayNotBeAccessedByAnyLayer()
                .check(CORE);
    }

    /** em.find(OtherContextsEntity.class, ...) and the like: another context's table read directly. */
    @Test
    void noContextNamesAnotherContextsEntityClass() {
        List<String> violations = new ArrayList<>();
        for (JavaClass type : CORE) {
            type.getReferencedClassObjects().forEach(reference -> {
                JavaClass target = reference.getRawType();
                if (target.isAnnotatedWith(Entity.class) && !context(target).equals(context(type))) {
                    violations.add(type.getName() + " refers to " + target.getSimpleName() + ".class ("
                            + reference.getSourceCodeLocation() + ")");
                }
            });
        }
        assertEquals(List.of(), violations);
    }

    /** "select ... from Order o" in a care class would read the order's table behind its back. */
    @Test
    void noQueryNamesAnotherContextsEntity() throws IOException {
        Map<String, String> contextOfEntity = new HashMap<>();
        CORE.stream().filter(c -> c.isAnnotatedWith(Entity.class))
                .forEach(c -> contextOfEntity.put(c.getSimpleName(), context(c)));
        Pattern entityInQuery = Pattern.compile("(?:\\bfrom|\\bupdate|\\bjoin|,)\\s+([A-Z]\\w*)\\s+[a-z]\\w*");
        Pattern stringLiteral = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        List<String> violations = new ArrayList<>();
        Path sources = Path.of("src/main/java/health/leiming");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String context = sources.relativize(file).getName(0).toString();
                Matcher literal = stringLiteral.matcher(Files.readString(file));
                while (literal.find()) {
                    Matcher entity = entityInQuery.matcher(literal.group(1));
                    while (entity.find()) {
                        String owner = contextOfEntity.get(entity.group(1));
                        if (owner != null && !owner.equals(context)) {
                            violations.add(file + ": \"" + literal.group(1) + "\" reads " + owner + "'s " + entity.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(!contextOfEntity.isEmpty(), "entities found");
        assertEquals(List.of(), violations);
    }

    @Test
    void everyEventIsATypedRecordListedInItsContextsCatalog() throws ReflectiveOperationException {
        Set<Class<?>> listed = new HashSet<>();
        for (JavaClass catalogClass : CORE.stream().filter(c -> c.isAssignableTo(EventCatalog.class) && !c.isInterface())
                .toList()) {
            EventCatalog catalog = (EventCatalog) catalogClass.reflect().getDeclaredConstructor().newInstance();
            for (Class<? extends BusinessEvent> event : catalog.events()) {
                assertEquals(catalogClass.getPackageName(), event.getPackageName(),
                        event.getName() + " is listed by a catalog of another context");
                listed.add(event);
            }
        }
        Set<String> names = new HashSet<>();
        for (JavaClass eventClass : CORE.stream().filter(c -> c.isAssignableTo(BusinessEvent.class) && !c.isInterface())
                .toList()) {
            Class<?> event = eventClass.reflect();
            assertTrue(event.isRecord(), event.getName() + " is a record");
            assertTrue(event.isAnnotationPresent(EventType.class), event.getName() + " has an @EventType");
            assertTrue(listed.contains(event), event.getName() + " is in its context's EventCatalog");
            @SuppressWarnings("unchecked")
            String name = EventRegistry.nameOf((Class<? extends BusinessEvent>) event);
            assertTrue(names.add(name), "event type " + name + " is unique");
        }
        assertTrue(names.size() >= 13, "all event types found: " + names);
    }

    /** A queue and the outbox table keep what they carry: ids and facts, no names, phones or texts. */
    @Test
    void eventsCarryNoPersonalData() {
        Pattern personal = Pattern.compile("(?i).*(phone|mobile|idcard|name|content|preview|openid|address).*");
        List<String> violations = new ArrayList<>();
        CORE.stream().filter(c -> c.isAssignableTo(BusinessEvent.class) && !c.isInterface()).forEach(c ->
                components(c.reflect(), c.getSimpleName(), violations, personal));
        assertEquals(List.of(), violations);
    }

    private static void components(Class<?> record, String path, List<String> violations, Pattern personal) {
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            if (personal.matcher(name).matches() && !name.equals("serviceName")) {
                violations.add(path + "." + name);
            }
            if (component.getType().isRecord()) {
                components(component.getType(), path + "." + name, violations, personal);
            }
        }
    }

    /** "health.leiming.order.OrderEvents" -> "order". */
    private static String context(JavaClass type) {
        String rest = type.getPackageName().substring("health.leiming.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
