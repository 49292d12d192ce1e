package health.leiming.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void groupsComeFromTheVerifiedTokenAndOnlyOurs() {
        SecurityContext security = context(token("m-1", Set.of("admin", "operator", "batchAdmin")), Set.of());
        assertEquals(Set.of("admin", "operator"), Caller.groups(security));
    }

    @Test
    void aTokenWithoutGroupsHasNone() {
        assertEquals(Set.of(), Caller.groups(context(token("m-1", Set.of()), Set.of())));
    }

    @Test
    void anotherPrincipalIsAskedRoleByRole() {
        Principal plain = () -> "m-2";
        assertEquals(Set.of("staff"), Caller.groups(context(plain, Set.of("staff", "nurse"))));
    }

    @Test
    void anonymousHasNoGroups() {
        assertEquals(Set.of(), Caller.groups(context(null, Set.of())));
    }

    private static JsonWebToken token(String subject, Set<String> groups) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return subject;
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("sub", "groups");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claim) {
                return (T) switch (claim) {
                    case "sub" -> subject;
                    case "groups" -> groups;
                    default -> null;
                };
            }
        };
    }

    private static SecurityContext context(Principal principal, Set<String> containerRoles) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return principal != null && containerRoles.contains(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return principal == null ? null : "MP-JWT";
            }
        };
    }
}
