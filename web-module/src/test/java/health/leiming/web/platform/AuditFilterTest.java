package health.leiming.web.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuditFilterTest {

    @Test
    void ourSideIsAuditedEverywhereItActs() {
        assertTrue(AuditFilter.audited("operator", "admin/members", 200), "not mistaken for admin/me");
        assertTrue(AuditFilter.audited("admin", "admin/jobs/health-report/start", 200));
        assertTrue(AuditFilter.audited("staff", "staff/tasks/5b0c7a1e-0000-4000-8000-000000000000/confirm", 200));
        assertTrue(AuditFilter.audited("admin", "orders/5b0c7a1e-0000-4000-8000-000000000000/chat", 200));
    }

    @Test
    void membersAreAuditedForPersonalDataOutsideHealthData() {
        assertTrue(AuditFilter.audited("member", "persons", 200));
        assertTrue(AuditFilter.audited("member", "orders/5b0c7a1e-0000-4000-8000-000000000000", 200));
        assertTrue(AuditFilter.audited("member", "ai/interpretations", 200));
        assertFalse(AuditFilter.audited("member", "services", 200), "the catalog is nobody's personal data");
        assertFalse(AuditFilter.audited("member", "personsx", 200));
    }

    @Test
    void whatIsAuditedWhereItHappensIsNotRepeated() {
        assertFalse(AuditFilter.audited("member", "health/records", 200));
        assertFalse(AuditFilter.audited("admin", "admin/accounts", 200));
        assertFalse(AuditFilter.audited("operator", "admin/me/otp", 200));
        assertTrue(AuditFilter.audited("operator", "admin/accounts", 403), "a refusal at the door is audited here");
    }
}
