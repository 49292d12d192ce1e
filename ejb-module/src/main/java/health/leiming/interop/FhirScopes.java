package health.leiming.interop;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SMART system scopes, in both spellings hospitals send: v1 ({@code system/Observation.read},
 * {@code .write}, {@code .*}) and v2 ({@code system/Observation.rs}, {@code .cruds}). A scope grants read
 * (v2's r and s) and write (v2's c and u) on one resource type or on every type ({@code *}).
 */
public final class FhirScopes {

    /** The resource types the API serves; a scope naming another type is refused at registration. */
    public static final Set<String> RESOURCE_TYPES = Set.of("Patient", "Observation", "Organization", "Practitioner",
            "Location", "Appointment", "Schedule", "Slot");

    private static final Pattern SCOPE = Pattern.compile("system/(\\*|[A-Z][A-Za-z]+)\\.(read|write|\\*|[cruds]+)");

    /** What a hospital does with a resource type. */
    public enum Access {
        read, write
    }

    private FhirScopes() {
    }

    /** The scope is well formed and names a type we serve; a 400 otherwise. */
    public static String checked(String scope) {
        Matcher m = SCOPE.matcher(scope == null ? "" : scope);
        if (!m.matches() || !("*".equals(m.group(1)) || RESOURCE_TYPES.contains(m.group(1)))) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "SCOPE_INVALID",
                    "不支持的授权范围: " + scope + "（格式如 system/Observation.read）");
        }
        return scope;
    }

    /** Whether one scope grants this access to this type. */
    static boolean grants(String scope, String resourceType, Access access) {
        Matcher m = SCOPE.matcher(scope);
        if (!m.matches() || !("*".equals(m.group(1)) || m.group(1).equals(resourceType))) {
            return false;
        }
        String what = m.group(2);
        return switch (what) {
            case "*" -> true;
            case "read" -> access == Access.read;
            case "write" -> access == Access.write;
            default -> access == Access.read ? what.contains("r") || what.contains("s")
                    : what.contains("c") || what.contains("u");
        };
    }

    /** Whether any of the scopes grants this access to this type. */
    public static boolean allows(Set<String> scopes, String resourceType, Access access) {
        return scopes.stream().anyMatch(scope -> grants(scope, resourceType, access));
    }

    /**
     * What a client asked for that its registration covers, scope by scope: a requested scope is granted
     * only when, for every type and access it names, a registered scope grants the same.
     */
    static Set<String> granted(String requested, Set<String> registered) {
        Set<String> granted = new LinkedHashSet<>();
        for (String scope : (requested == null ? "" : requested).trim().split("\\s+")) {
            Matcher m = SCOPE.matcher(scope);
            if (m.matches() && covered(scope, registered)) {
                granted.add(scope);
            }
        }
        return granted;
    }

    private static boolean covered(String scope, Set<String> registered) {
        Set<String> types = scope.startsWith("system/*.") ? RESOURCE_TYPES : Set.of(typeOf(scope));
        for (String type : types) {
            for (Access access : Access.values()) {
                if (grants(scope, type, access) && !allows(registered, type, access)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String typeOf(String scope) {
        return scope.substring("system/".length(), scope.indexOf('.'));
    }
}
