package health.leiming.platform;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a production start refuses, as a list of problems, each naming the setting that fixes it. Pure:
 * it sees the configuration through a lookup, files through a readability test and the database by its
 * product name, so each rule is tested on its own (StartupSafety applies them at startup).
 */
public final class ProductionChecks {

    /** Development values shipped in this repository's scripts; any value containing them is refused. */
    private static final List<String> DEVELOPMENT_MARKERS = List.of("dev-only", "development-only", "change-me",
            "changeme");
    private static final String DEVELOPMENT_FIELD_KEY = "ZGV2ZWxvcG1lbnQtb25seS1maWVsZC1rZXktMzJieXQ=";

    static final List<String> WECHAT_PAY = List.of("leiming.wechatpay.mch-id", "leiming.wechatpay.app-id",
            "leiming.wechatpay.merchant-serial", "leiming.wechatpay.merchant-private-key",
            "leiming.wechatpay.platform-public-key", "leiming.wechatpay.platform-serial",
            "leiming.wechatpay.api-v3-key", "leiming.wechatpay.notify-url");
    static final List<String> WECOM = List.of("leiming.wecom.corp-id", "leiming.wecom.agent-id",
            "leiming.wecom.app-secret", "leiming.wecom.token", "leiming.wecom.encoding-aes-key");
    static final List<String> AI_MODEL = List.of("leiming.ai.model.base-url", "leiming.ai.model.name");

    /** One thing wrong with the configuration, and how to put it right. */
    public record Problem(String setting, String text) {

        public String line() {
            return setting + " (" + environmentName(setting) + "): " + text;
        }
    }

    private final Function<String, Optional<String>> config;
    private final Predicate<String> readable;
    private final List<Problem> problems = new ArrayList<>();

    private ProductionChecks(Function<String, Optional<String>> config, Predicate<String> readable) {
        this.config = key -> config.apply(key).map(String::strip).filter(v -> !v.isEmpty());
        this.readable = readable;
    }

    /**
     * Every problem a production start has with this configuration.
     *
     * @param databaseProduct the database's product name, or null when it could not be asked
     */
    public static List<Problem> problems(Function<String, Optional<String>> config, Predicate<String> readable,
            String databaseProduct) {
        ProductionChecks checks = new ProductionChecks(config, readable);
        checks.fieldKey();
        checks.secret("leiming.sms.code-pepper", 16, "a random text of at least 16 characters (openssl rand -base64 24)");
        checks.secret("leiming.keystore.password", 12, "the password of the server's TLS keystore, at least 12 characters");
        if (!"none".equals(checks.value("leiming.messaging").orElse("artemis"))) {
            checks.secret("leiming.artemis.password", 12, "the broker user's password, at least 12 characters");
        }
        checks.adminPassword();
        if ("false".equalsIgnoreCase(checks.value("leiming.admin.totp-required").orElse("true"))) {
            checks.problem("leiming.admin.totp-required", "is false: admins and operators would work without a second"
                    + " factor; remove the setting");
        }
        if ("true".equalsIgnoreCase(checks.value("leiming.bench.ladder").orElse("false"))) {
            checks.problem("leiming.bench.ladder", "is true: the benchmark's cost-ladder endpoints would be open; remove"
                    + " the setting");
        }
        checks.auditRetention();
        checks.smsGateway();
        checks.jwtKeys();
        checks.database(databaseProduct);
        checks.allOrNothing("WeChat Pay", WECHAT_PAY);
        checks.allOrNothing("WeCom", WECOM);
        checks.allOrNothing("the AI model", AI_MODEL);
        if (checks.value("leiming.wechat.app-secret").isPresent() && checks.value("leiming.wechatpay.app-id").isEmpty()) {
            checks.problem("leiming.wechatpay.app-id", "WeChat login has an app secret but no mini-program app id");
        }
        return List.copyOf(checks.problems);
    }

    /** The law keeps network logs at least six months (Cybersecurity Law art. 21): no shorter audit retention. */
    private void auditRetention() {
        value("leiming.retention.audit").ifPresent(text -> {
            try {
                if (java.time.Duration.parse(text).compareTo(java.time.Duration.ofDays(183)) < 0) {
                    problem("leiming.retention.audit", "is " + text + ": audit entries must be kept at least six months"
                            + " (P183D); the default is three years (P1095D)");
                }
            } catch (java.time.format.DateTimeParseException e) {
                problem("leiming.retention.audit", "is not an ISO-8601 duration such as P1095D");
            }
        });
    }

    /** The one message a refused start logs: every problem, one per line. */
    public static String refusal(List<Problem> problems) {
        StringBuilder text = new StringBuilder("Leiming Health refuses to start in production mode (")
                .append(RunMode.SETTING).append('=').append(RunMode.PRODUCTION).append("): ")
                .append(problems.size()).append(" setting(s) to fix, then start again.");
        problems.forEach(p -> text.append("\n  - ").append(p.line()));
        text.append("\n(A machine that is not production may set LEIMING_MODE=development instead; see the README,"
                + " section Deployment.)");
        return text.toString();
    }

    /** leiming.rate-limit.trust-forwarded-for -> LEIMING_RATE_LIMIT_TRUST_FORWARDED_FOR, as MicroProfile Config maps it. */
    static String environmentName(String setting) {
        return setting.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private Optional<String> value(String key) {
        return config.apply(key);
    }

    private void problem(String setting, String text) {
        problems.add(new Problem(setting, text));
    }

    private static boolean developmentValue(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return DEVELOPMENT_MARKERS.stream().anyMatch(lower::contains) || DEVELOPMENT_FIELD_KEY.equals(value);
    }

    private void secret(String key, int minLength, String what) {
        Optional<String> value = value(key);
        if (value.isEmpty()) {
            problem(key, "missing; set " + what);
        } else if (developmentValue(value.get())) {
            problem(key, "is a development default published with the source code; set " + what);
        } else if (value.get().length() < minLength) {
            problem(key, "too short; set " + what);
        }
    }

    private void fieldKey() {
        String key = "leiming.crypto.field-key";
        Optional<String> value = value(key);
        String what = "Base64 of 32 random bytes (openssl rand -base64 32), kept safe: it decrypts the ID card numbers";
        if (value.isEmpty()) {
            problem(key, "missing; set " + what);
        } else if (developmentValue(value.get())) {
            problem(key, "is the development key published with the source code; set " + what);
        } else if (decodedLength(value.get()) != 32) {
            problem(key, "is not Base64 of 32 bytes; set " + what);
        }
        for (String old : value("leiming.crypto.previous-keys").map(v -> v.split(",")).orElse(new String[0])) {
            if (!old.isBlank() && decodedLength(old.strip()) != 32) {
                problem("leiming.crypto.previous-keys", "holds a value that is not Base64 of 32 bytes; list the old"
                        + " field keys, comma-separated");
                break;
            }
        }
    }

    private static int decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private void adminPassword() {
        String key = "leiming.admin.password";
        Optional<String> password = value(key);
        String username = value("leiming.admin.username").orElse("admin");
        String what = "the first admin's password (at least 12 characters, not the user name); it is used only while"
                + " no admin exists";
        if (password.isEmpty()) {
            problem(key, "missing; set " + what);
        } else if (developmentValue(password.get())) {
            problem(key, "is a development default; set " + what);
        } else if (!PasswordPolicy.acceptable(password.get(), username)) {
            problem(key, "too weak; set " + what);
        }
    }

    private void smsGateway() {
        String gateway = value("leiming.sms.gateway").orElse("");
        if (gateway.isEmpty() || "log".equalsIgnoreCase(gateway)) {
            problem("leiming.sms.gateway", (gateway.isEmpty() ? "missing" : "is log (login codes would be written into"
                    + " the server log)") + "; set http and leiming.sms.http.url to your SMS gateway");
        } else if (!"http".equalsIgnoreCase(gateway)) {
            problem("leiming.sms.gateway", "unknown gateway '" + gateway + "'; set http");
        } else if (value("leiming.sms.http.url").isEmpty()) {
            problem("leiming.sms.http.url", "missing; set the address the SMS gateway accepts messages at");
        }
    }

    private void jwtKeys() {
        boolean privateKey = value("leiming.jwt.private-key").isPresent()
                || value("leiming.jwt.private-key.location").filter(readable).isPresent();
        boolean publicKey = value("mp.jwt.verify.publickey").isPresent()
                || value("mp.jwt.verify.publickey.location").filter(readable).isPresent();
        if (!privateKey) {
            problem("leiming.jwt.private-key.location", "no readable token signing key (production never generates"
                    + " one: every server must share the same pair); set it to your PKCS#8 PEM private key file");
        }
        if (!publicKey) {
            problem("mp.jwt.verify.publickey.location", "no readable token verification key; set it to the PEM public"
                    + " key of the same pair");
        }
    }

    private void database(String product) {
        if (product != null && product.toLowerCase(Locale.ROOT).contains("h2")
                && !Boolean.parseBoolean(value("leiming.allow-embedded-database").orElse("false"))) {
            problem("leiming.db", "is the embedded H2 database, meant for development and trials; set mysql or"
                    + " postgresql with LEIMING_DB_URL, or leiming.allow-embedded-database=true for a trial");
        }
    }

    private void allOrNothing(String name, List<String> keys) {
        List<String> missing = keys.stream().filter(k -> value(k).isEmpty()).toList();
        if (!missing.isEmpty() && missing.size() < keys.size()) {
            missing.forEach(k -> problem(k, "missing while other " + name + " settings are set; set all of "
                    + name + "'s settings or none"));
        }
    }
}
