package health.leiming.web.console;

import health.leiming.health.MeasurementType;
import health.leiming.health.RecordView;
import health.leiming.order.OrderStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What every console page uses: the signed-in account, the CSRF token, sign-out, and formatting. */
@Named("console")
@RequestScoped
public class Console {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    @ConfigProperty(name = "leiming.business-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    public ConsoleUser getUser() {
        return ConsoleSession.user(session(false));
    }

    public String getCsrf() {
        return ConsoleSession.csrf(session(true));
    }

    public String getCsrfField() {
        return ConsoleSession.CSRF_FIELD;
    }

    public void signOut() throws IOException {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        HttpSession session = session(false);
        if (session != null) {
            session.invalidate();
        }
        context.redirect(context.getRequestContextPath() + ConsoleFilter.LOGIN + "?signedOut=true");
    }

    public String time(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(zone));
    }

    public String money(BigDecimal amount) {
        return amount == null ? "" : "¥" + amount.setScale(2).toPlainString();
    }

    public String statusLabel(String status) {
        try {
            return status == null ? "" : OrderStatus.parse(status).label();
        } catch (RuntimeException e) {
            return status;
        }
    }

    /** A measurement type's Chinese name (血压, 血糖, ...). */
    public String measurementLabel(String type) {
        try {
            return type == null ? "" : MeasurementType.parse(type).label();
        } catch (RuntimeException e) {
            return type;
        }
    }

    /** A reading's value as members write it: 135/85 for blood pressure, else the number; then the unit. */
    public String reading(RecordView record) {
        RecordView.Metadata metadata = record.metadata();
        String value = metadata != null && metadata.systolic() != null && metadata.diastolic() != null
                ? metadata.systolic().stripTrailingZeros().toPlainString() + "/"
                        + metadata.diastolic().stripTrailingZeros().toPlainString()
                : record.value() == null ? "" : record.value().stripTrailingZeros().toPlainString();
        return value + (record.unit() == null ? "" : " " + record.unit());
    }

    /** A batch job's name as operators read it (as on the jobs page); an unknown one as it is. */
    public String jobName(String name) {
        if (health.leiming.batch.JobControl.DATA_EXPORT.equals(name)) {
            return "个人数据导出";
        }
        if (health.leiming.batch.JobControl.FHIR_BULK_EXPORT.equals(name)) {
            return "医院批量导出（FHIR）";
        }
        String label = name == null ? null : OperationsPages.JOBS.get(name);
        return label == null ? name : label.replaceAll("（.*）", "");
    }

    /** A batch status (Jakarta Batch's words) as operators read it. */
    public String jobStatus(String status) {
        return switch (status == null ? "" : status) {
            case "STARTING" -> "启动中";
            case "STARTED" -> "运行中";
            case "STOPPING" -> "停止中";
            case "STOPPED" -> "已停止";
            case "FAILED" -> "失败";
            case "COMPLETED" -> "已完成";
            case "ABANDONED" -> "已放弃";
            default -> status;
        };
    }

    public List<OrderStatus> getStatuses() {
        return Arrays.asList(OrderStatus.values());
    }

    /** A query string of the given name-value pairs, leaving out blank values, each value URL-encoded. */
    static String query(String... namesAndValues) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                query.append(query.isEmpty() ? "?" : "&").append(namesAndValues[i]).append('=')
                        .append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    /** A parameter of the current request (a form's plain field, a GET parameter), or null. */
    static String param(String name) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    }

    static void error(String clientId, String message) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new jakarta.faces.application.FacesMessage(jakarta.faces.application.FacesMessage.SEVERITY_ERROR,
                        message, message));
    }

    static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new jakarta.faces.application.FacesMessage(message));
    }

    private static HttpSession session(boolean create) {
        return ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest())
                .getSession(create);
    }
}
