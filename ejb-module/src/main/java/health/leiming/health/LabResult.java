package health.leiming.health;

import health.leiming.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One result line of a lab report (a hospital's Observation), in the report's order. */
@Entity
@Table(name = "lab_results")
public class LabResult {

    @Id
    private String id;

    @Column(name = "report_id", nullable = false)
    private String reportId;

    @Column(name = "seq", nullable = false)
    private int position;

    private String code;

    @Column(name = "code_system")
    private String codeSystem;

    @Column(nullable = false)
    private String name;

    @Column(name = "value_number", precision = 18, scale = 6)
    private BigDecimal value;

    @Column(name = "value_text")
    private String valueText;

    private String unit;

    @Column(name = "reference_range")
    private String referenceRange;

    @Column(nullable = false)
    private String flag;

    protected LabResult() {
    }

    LabResult(String reportId, int position, LabReportInput.Result result) {
        this.id = Ids.newId();
        this.reportId = reportId;
        this.position = position;
        this.code = result.code();
        this.codeSystem = result.codeSystem();
        this.name = result.name();
        this.value = result.value();
        this.valueText = result.valueText();
        this.unit = result.unit();
        this.referenceRange = result.referenceRange();
        this.flag = result.flag();
    }

    boolean outOfRange() {
        return !"normal".equals(flag) && !"unknown".equals(flag);
    }

    LabReportView.Result view() {
        return new LabReportView.Result(code, name, value == null ? null : value.stripTrailingZeros(), valueText, unit,
                referenceRange, flag);
    }
}
