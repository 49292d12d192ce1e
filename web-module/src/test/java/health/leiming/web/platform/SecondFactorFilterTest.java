package health.leiming.web.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SecondFactorFilterTest {

    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> OPERATOR = Set.of("operator");

    @Test
    void anAdminOrOperatorWithoutASecondFactorMayOnlyEnrolOne() {
        assertTrue(SecondFactorFilter.enrolmentRequired(ADMIN, "admin/accounts", () -> false));
        assertTrue(SecondFactorFilter.enrolmentRequired(OPERATOR, "/admin/orders", () -> false));
        assertFalse(SecondFactorFilter.enrolmentRequired(OPERATOR, "admin/me", () -> false));
        assertFalse(SecondFactorFilter.enrolmentRequired(ADMIN, "/admin/me/otp/confirm", () -> false));
    }

    @Test
    void memberAdministrationIsNotTheirOwnAccount() {
        // "admin/members" begins with "admin/me": a prefix check let un-enrolled operators read members
        assertTrue(SecondFactorFilter.enrolmentRequired(OPERATOR, "admin/members", () -> false));
        assertTrue(SecondFactorFilter.enrolmentRequired(ADMIN, "admin/members/5b0c7a1e-0000-4000-8000-000000000000",
                () -> false));
    }

    @Test
    void anEnrolledAccountAndEveryoneElsePass() {
        assertFalse(SecondFactorFilter.enrolmentRequired(ADMIN, "admin/accounts", () -> true));
        assertFalse(SecondFactorFilter.enrolmentRequired(Set.of("member"), "admin/accounts", () -> false));
        assertFalse(SecondFactorFilter.enrolmentRequired(Set.of("staff"), "staff/tasks", () -> false));
        assertFalse(SecondFactorFilter.enrolmentRequired(Set.of(), "users/me", () -> false));
    }
}
