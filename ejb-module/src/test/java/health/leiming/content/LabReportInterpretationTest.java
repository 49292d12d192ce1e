package health.leiming.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.leiming.health.LabReportView;
import health.leiming.platform.BusinessException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabReportInterpretationTest {

    private static LabReportView report(List<LabReportView.Result> results) {
        return new LabReportView("r1", "p1", "h1", "某某医院", "血常规", "LAB", "final",
                Instant.parse("2026-12-01T17:00:00Z"), null, null, results, Instant.now());
    }

    private static LabReportView.Result result(String name, String value, String range, String flag) {
        return new LabReportView.Result(null, name, value == null ? null : new BigDecimal(value), value == null ? "阴性" : null,
                "mmol/L", range, flag);
    }

    @Test
    void theValuesOnlyWithTheHospitalsFlagsOverOurReadingOfTheRange() {
        AiInterpretations.Subject subject = AiInterpretations.fromLabReport(report(List.of(
                result("葡萄糖", "7.2", "3.9-6.1", "high"), result("钾", "2.4", "3.5-5.5", "critical_low"),
                result("尿酸", "400", "150-420", "abnormal"), result("钠", "140", "阴性", "unknown"),
                result("乙肝表面抗原", null, null, "normal"))), ZoneId.of("Asia/Shanghai"));
        assertEquals("p1", subject.personId());
        Findings findings = subject.findings();
        assertEquals(List.of("葡萄糖 high", "钾 low", "尿酸 abnormal", "钠 unknown"),
                findings.items().stream().map(f -> f.name() + " " + f.status()).toList(), "a result without a number is left out");
        assertTrue(findings.items().get(1).detail().contains("危急值"));
        assertTrue(findings.context().contains("2026-12-02"), "the day in the business zone: " + findings.context());
        assertFalse(findings.context().contains("某某医院"), "the hospital does not reach a model");
    }

    @Test
    void aReportWithNothingToInterpretSaysSo() {
        BusinessException e = assertThrows(BusinessException.class, () -> AiInterpretations.fromLabReport(
                report(List.of(result("乙肝表面抗原", null, null, "normal"))), ZoneId.of("Asia/Shanghai")));
        assertTrue(e.getMessage().contains("没有可解读的数值结果"), e.getMessage());
    }
}
