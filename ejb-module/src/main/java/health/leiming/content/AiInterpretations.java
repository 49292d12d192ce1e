package health.leiming.content;

import health.leiming.health.HealthReports;
import health.leiming.health.LabReportView;
import health.leiming.health.LabReports;
import health.leiming.health.ReportView;
import health.leiming.health.TrendService;
import health.leiming.health.TrendView;
import health.leiming.member.FamilyService;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.Filter;
import health.leiming.platform.Page;
import health.leiming.platform.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The stored side of AI interpretation: what a member may have interpreted (their own report, their
 * own or their family's readings, a lab sheet they type in), turned into findings without identifiers;
 * storing answers; the member's list (others' are 404).
 */
@Stateless
public class AiInterpretations {

    private static final Pattern RANGE = Pattern.compile("^\\s*([0-9.]+)\\s*[-~～—–]\\s*([0-9.]+)\\s*$");
    private static final Pattern BELOW = Pattern.compile("^\\s*[<＜≤]=?\\s*([0-9.]+)\\s*$");
    private static final Pattern ABOVE = Pattern.compile("^\\s*[>＞≥]=?\\s*([0-9.]+)\\s*$");

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    HealthReports reports;

    @Inject
    TrendService trends;

    @Inject
    LabReports labReports;

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId businessZone;

    @Inject
    FamilyService family;

    /** The findings of a request, checked: someone else's report or person is a 404, bad input a 400. */
    public Subject findings(String memberId, InterpretationRequest request) {
        if (request == null || request.kind() == null) {
            throw bad("请说明要解读的内容：report、records、lab或lab_report");
        }
        return switch (request.kind()) {
            case "report" -> fromReport(reports.get(memberId, request.reportId()));
            case "records" -> fromTrend(FamilyService.personOrSelf(memberId, request.personId()),
                    trends.trend(memberId, request.personId(), request.type(),
                            request.period() == null ? "30d" : request.period(), null, null));
            case "lab" -> new Subject(null, fromLab(request.items()));
            case "lab_report" -> fromLabReport(labReports.get(memberId, request.reportId()), businessZone);
            default -> throw bad("解读类型只能是report、records、lab或lab_report");
        };
    }

    public InterpretationView store(String memberId, String personId, Findings findings, Interpretation answer) {
        AiInterpretation stored = new AiInterpretation(memberId, personId, findings, answer, Instant.now());
        em.persist(stored);
        return stored.view();
    }

    public Page<InterpretationView> list(String memberId, PageRequest page) {
        return page.read(em, AiInterpretation.class, "AiInterpretation i", new Filter().and("i.userId = :member", "member",
                memberId), "i.createdAt desc, i.id", AiInterpretation::view);
    }

    public InterpretationView get(String memberId, String id) {
        return owned(memberId, id).view();
    }

    public InterpretationView markRead(String memberId, String id) {
        AiInterpretation interpretation = owned(memberId, id);
        interpretation.markRead();
        return interpretation.view();
    }

    private AiInterpretation owned(String memberId, String id) {
        AiInterpretation interpretation = id == null ? null : em.find(AiInterpretation.class, id);
        if (interpretation == null || !interpretation.belongsTo(memberId)) {
            throw BusinessException.notFound("解读");
        }
        return interpretation;
    }

    /** The subject person (null for a lab sheet) and the findings. */
    public record Subject(String personId, Findings findings) {
    }

    static Subject fromReport(ReportView report) {
        List<Findings.Finding> items = new ArrayList<>();
        for (ReportView.Metric m : report.metrics()) {
            ReportView.LevelShare top = m.levels().isEmpty() ? null : m.levels().get(0);
            boolean fine = top == null || top.level().equals("normal") || top.level().equals("target_met");
            String detail = top == null ? "无分级" : top.description() + "（占" + top.share().movePointRight(2)
                    .stripTrailingZeros().toPlainString() + "%），趋势" + trend(m.trend());
            items.add(new Findings.Finding(m.label() + "平均值", m.statistics().average(), m.unit(), null,
                    fine ? "normal" : "abnormal", detail));
        }
        String context = ("week".equals(report.periodType()) ? "周报" : "月报") + " " + report.start() + "至" + report.end()
                + "，共" + report.readings() + "次测量";
        return new Subject(report.personId(), new Findings("report", context, items));
    }

    static Subject fromTrend(String personId, TrendView trend) {
        List<Findings.Finding> items = new ArrayList<>();
        boolean warned = trend.advice().stream().anyMatch(a -> !"info".equals(a.level()));
        String detail = trend.advice().isEmpty() ? "" : trend.advice().get(0).content();
        if (trend.statistics().count() > 0) {
            items.add(new Findings.Finding(label(trend.type()) + "平均值", trend.statistics().average(), trend.unit(), null,
                    warned ? "abnormal" : "normal", detail));
            items.add(new Findings.Finding(label(trend.type()) + "最高值", trend.statistics().max(), trend.unit(), null,
                    warned ? "abnormal" : "normal", "趋势" + trend(trend.trend())));
        }
        if (trend.diastolic() != null && trend.diastolic().count() > 0) {
            items.add(new Findings.Finding("舒张压平均值", trend.diastolic().average(), trend.unit(), null,
                    warned ? "abnormal" : "normal", detail));
        }
        String context = trend.start() + "至" + trend.end() + "共" + trend.statistics().count() + "次" + label(trend.type())
                + "记录";
        return new Subject(personId, new Findings("records", context, items));
    }

    static Findings fromLab(List<InterpretationRequest.LabItem> items) {
        if (items == null || items.isEmpty() || items.size() > 50) {
            throw bad("请填写1到50项化验指标");
        }
        List<Findings.Finding> findings = new ArrayList<>();
        for (InterpretationRequest.LabItem item : items) {
            if (item == null || item.name() == null || item.name().isBlank() || item.name().length() > 50
                    || item.value() == null) {
                throw bad("每项化验指标需要名称（50字以内）和数值");
            }
            findings.add(judge(item));
        }
        return new Findings("lab", "化验单" + items.size() + "项", findings);
    }

    /**
     * A lab report from a hospital, values only (what was measured, the value, unit and range; not the
     * hospital, the report's id or anyone's name). The hospital's own flag wins over our reading of the range;
     * results without a number are left out.
     */
    static Subject fromLabReport(LabReportView report, ZoneId zone) {
        List<Findings.Finding> items = new ArrayList<>();
        for (LabReportView.Result result : report.results()) {
            if (result.value() == null) {
                continue;
            }
            Findings.Finding judged = judge(new InterpretationRequest.LabItem(result.name(), result.value(), result.unit(),
                    result.referenceRange()));
            String status = switch (result.flag()) {
                case "high", "critical_high" -> "high";
                case "low", "critical_low" -> "low";
                case "abnormal" -> "abnormal";
                case "normal" -> "normal";
                default -> judged.status();
            };
            String detail = status.equals(judged.status()) ? judged.detail() : switch (status) {
                case "high" -> "医院标记为偏高";
                case "low" -> "医院标记为偏低";
                case "abnormal" -> "医院标记为异常";
                default -> "医院标记为正常";
            };
            if (result.flag().startsWith("critical_")) {
                detail = detail + "（危急值）";
            }
            items.add(new Findings.Finding(judged.name(), judged.value(), judged.unit(), judged.reference(), status, detail));
        }
        if (items.isEmpty()) {
            throw bad("这份化验报告没有可解读的数值结果");
        }
        String context = "医院化验报告：" + report.name() + (report.effectiveAt() == null ? ""
                : "，" + LocalDate.ofInstant(report.effectiveAt(), zone) + "采样")
                + "，共" + items.size() + "项数值结果";
        return new Subject(report.personId(), new Findings("lab", context, items));
    }

    /** A lab value against its reference range ("3.9-6.1", "<5.2", ">1.0"); unknown when the range cannot be read. */
    static Findings.Finding judge(InterpretationRequest.LabItem item) {
        String range = item.referenceRange() == null ? "" : item.referenceRange();
        BigDecimal v = item.value();
        String status = "unknown";
        Matcher m;
        if ((m = RANGE.matcher(range)).matches()) {
            status = v.compareTo(new BigDecimal(m.group(1))) < 0 ? "low" : v.compareTo(new BigDecimal(m.group(2))) > 0 ? "high" : "normal";
        } else if ((m = BELOW.matcher(range)).matches()) {
            status = v.compareTo(new BigDecimal(m.group(1))) > 0 ? "high" : "normal";
        } else if ((m = ABOVE.matcher(range)).matches()) {
            status = v.compareTo(new BigDecimal(m.group(1))) < 0 ? "low" : "normal";
        }
        String detail = switch (status) {
            case "high" -> "高于参考范围" + range.strip();
            case "low" -> "低于参考范围" + range.strip();
            case "normal" -> "在参考范围内";
            default -> "无可识别的参考范围";
        };
        return new Findings.Finding(item.name().strip(), v, item.unit(), range.isBlank() ? null : range.strip(), status, detail);
    }

    private static String trend(String trend) {
        return switch (trend == null ? "" : trend) {
            case "rising" -> "上升";
            case "falling" -> "下降";
            case "stable" -> "平稳";
            default -> "数据不足";
        };
    }

    private static String label(String type) {
        try {
            return health.leiming.health.MeasurementType.parse(type).label();
        } catch (RuntimeException e) {
            return type;
        }
    }

    private static BusinessException bad(String message) {
        return new BusinessException(ErrorKind.BAD_REQUEST, "INTERPRETATION_INVALID", message);
    }
}
