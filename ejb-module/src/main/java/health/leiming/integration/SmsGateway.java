package health.leiming.integration;

import health.leiming.platform.Logs;
import health.leiming.platform.Masking;
import health.leiming.platform.RunMode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Sends verification codes by SMS through the configured gateway.
 * <ul>
 * <li>{@code log} (development default): writes the message, code included, to the server log.</li>
 * <li>{@code http}: POSTs {@code {phone, template, params:{code, minutes}}} as JSON to leiming.sms.http.url,
 * with the bearer token leiming.sms.http.token; any 2xx answer counts as sent. A hospital puts its
 * SMS provider's adapter (or a small bridge to it) behind that URL.</li>
 * </ul>
 */
@ApplicationScoped
public class SmsGateway {

    private static final Logger LOG = Logs.get(SmsGateway.class);

    @Inject
    @ConfigProperty(name = "leiming.sms.gateway")
    Optional<String> configuredGateway;

    @Inject
    RunMode runMode;

    @Inject
    @ConfigProperty(name = "leiming.sms.http.url")
    Optional<String> url;

    /** log or http; without a setting, log in development (production refuses to start without one). */
    private String gateway;

    @Inject
    @ConfigProperty(name = "leiming.sms.http.token")
    Optional<String> token;

    @Inject
    @ConfigProperty(name = "leiming.sms.http.timeout", defaultValue = "PT3S")
    Duration timeout;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder().connectTimeout(timeout).build();
        gateway = configuredGateway.map(String::strip).filter(g -> !g.isEmpty())
                .orElse(runMode.development() ? "log" : "http");
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 300, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public void sendVerificationCode(String phone, String code, Duration validFor) {
        long minutes = Math.max(1, validFor.toMinutes());
        if ("log".equalsIgnoreCase(gateway)) {
            LOG.info(() -> "[SMS to " + Masking.phone(phone) + "] 您的验证码是 " + code + "，" + minutes
                    + "分钟内有效。 (development gateway: leiming.sms.gateway=log)");
            return;
        }
        try {
            post(phone, "verification-code", Json.createObjectBuilder().add("code", code).add("minutes", minutes));
        } catch (OutsideRefusal e) {
            throw new SmsGatewayException(e.getMessage(), e);
        }
    }

    /**
     * Sends the code that confirms a phone as someone's emergency contact (template
     * contact-verification: params code, minutes, and member, the masked phone of the member asking).
     */
    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 300, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public void sendContactVerification(String phone, String code, Duration validFor, String maskedMemberPhone) {
        long minutes = Math.max(1, validFor.toMinutes());
        if ("log".equalsIgnoreCase(gateway)) {
            LOG.info(() -> "[SMS to " + Masking.phone(phone) + "] 用户" + maskedMemberPhone + "将您设为紧急联系人，验证码"
                    + code + "，" + minutes + "分钟内有效。 (development gateway: leiming.sms.gateway=log)");
            return;
        }
        try {
            post(phone, "contact-verification", Json.createObjectBuilder().add("code", code).add("minutes", minutes)
                    .add("member", maskedMemberPhone));
        } catch (OutsideRefusal e) {
            throw new SmsGatewayException(e.getMessage(), e);
        }
    }

    /**
     * Sends a notification text (urgent health alerts) to any mainland number. A 4xx answer from the
     * gateway (a number it will not send to) is an {@link OutsideRefusal}; anything else is worth
     * another try, which the caller's delivery queue makes; so this one is not retried here.
     */
    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            skipOn = OutsideRefusal.class)
    public void sendNotice(String phone, String template, String content) {
        if ("log".equalsIgnoreCase(gateway)) {
            LOG.info(() -> "[SMS to " + Masking.phone(phone) + "] template " + template + ", " + content.length()
                    + " characters (development gateway: leiming.sms.gateway=log)");
            return;
        }
        post(phone, template, Json.createObjectBuilder().add("content", content));
    }

    private void post(String phone, String template, jakarta.json.JsonObjectBuilder params) {
        String body = Json.createObjectBuilder().add("phone", phone).add("template", template).add("params", params)
                .build().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.orElseThrow(
                        () -> new SmsGatewayException("leiming.sms.http.url is not set"))))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        token.filter(t -> !t.isBlank()).ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 4) {
                LOG.warning(() -> "SMS gateway refused a message to " + Masking.phone(phone) + ": " + response.statusCode());
                throw new OutsideRefusal("SMS gateway answered " + response.statusCode());
            }
            if (response.statusCode() / 100 != 2) {
                LOG.warning(() -> "SMS gateway answered " + response.statusCode() + " for " + Masking.phone(phone));
                throw new SmsGatewayException("SMS gateway answered " + response.statusCode());
            }
        } catch (IOException e) {
            LOG.warning(() -> "SMS gateway unreachable: " + e.getMessage());
            throw new SmsGatewayException("SMS gateway unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsGatewayException("Interrupted while sending SMS", e);
        }
    }

    /** The gateway did not take the message. */
    public static class SmsGatewayException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SmsGatewayException(String detail) {
            super(detail);
        }

        SmsGatewayException(String detail, Throwable cause) {
            super(detail, cause);
        }
    }
}
