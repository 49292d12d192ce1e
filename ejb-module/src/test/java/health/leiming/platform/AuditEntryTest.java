package health.leiming.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    private static final Instant AT = Instant.parse("2026-12-02T08:00:00Z");

    @Test
    void anEntryWithoutAReasonHashesAsEntriesDidBeforeReasonsExisted() {
        AuditEntry entry = new AuditEntry("op1", "operator", null, "CONSOLE GET /orders/{id}", "o1", AuditTrail.SUCCESS, AT);
        String content = entry.content(7, "prev");
        assertTrue(content.endsWith("|success|7|prev"), content);
        assertEquals(content, entry.because("  ").content(7, "prev"), "a blank reason is no reason");
    }

    @Test
    void aReasonIsCoveredByTheHashSoChangingItIsFound() {
        AuditEntry first = new AuditEntry("op1", "operator", null, "CONSOLE VIEW health.records", "p1", AuditTrail.SUCCESS,
                AT).because("会员来电咨询");
        String content = first.content(7, "prev");
        assertTrue(content.endsWith("|7|prev|会员来电咨询"), content);
        assertNotEquals(content, first.because("另一个原因").content(7, "prev"));
        assertEquals(200, first.because("长".repeat(300)).view().reason().length(), "kept to the column's size");
    }
}
