package health.leiming.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each unsafe production setting on its own is refused, with the setting named; a safe one passes. */
class ProductionChecksTest {

    private static final Set<String> FILES = Set.of("/etc/leiming/jwt-private.pem", "/etc/leiming/jwt-public.pem");

    /** A configuration a hospital would run with: every secret its own, MariaDB, nothing half set. */
    private static Map<String, String> safe() {
        Map<String, String> config = new HashMap<>();
        config.put("leiming.crypto.field-key", "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c=");
        config.put("leiming.sms.code-pepper", "Hx8vQ2mP0sLk4RtY7uWz");
        config.put("leiming.keystore.password", "Ks-9f8e7d6c5b4a");
        config.put("leiming.artemis.password", "Broker-7y6t5r4e3w");
        config.put("leiming.admin.password", "Tall-Horse-Battery-42");
        config.put("leiming.sms.gateway", "http");
        config.put("leiming.sms.http.url", "https://sms.hospital.example/send");
        config.put("leiming.jwt.private-key.location", "file:/etc/leiming/jwt-private.pem");
        config.put("mp.jwt.verify.publickey.location", "file:/etc/leiming/jwt-public.pem");
        return config;
    }

    private static List<ProductionChecks.Problem> problems(Map<String, String> config, String database) {
        return ProductionChecks.problems(key -> Optional.ofNullable(config.get(key)),
                location -> FILES.contains(location.replace("file:", "")), database);
    }

    private static void refusedFor(String setting, Map<String, String> config, String database) {
        List<ProductionChecks.Problem> problems = problems(config, database);
        assertEquals(List.of(setting), problems.stream().map(ProductionChecks.Problem::setting).toList(),
                problems.toString());
    }

    @Test
    void aSafeConfigurationPasses() {
        assertEquals(List.of(), problems(safe(), "MariaDB"));
        assertEquals(List.of(), problems(safe(), "PostgreSQL"));
    }

    @Test
    void eachSecretMissingOrADevelopmentDefaultIsRefused() {
        Map<String, String> defaults = Map.of(
                "leiming.crypto.field-key", "ZGV2ZWxvcG1lbnQtb25seS1maWVsZC1rZXktMzJieXQ=",
                "leiming.sms.code-pepper", "leiming-dev-only-pepper",
                "leiming.keystore.password", "leiming-dev-only-keystore",
                "leiming.artemis.password", "leiming-dev-only",
                "leiming.admin.password", "change-me-please-now");
        defaults.forEach((setting, development) -> {
            Map<String, String> config = safe();
            config.put(setting, development);
            refusedFor(setting, config, "MariaDB");
            config.remove(setting);
            refusedFor(setting, config, "MariaDB");
            config.put(setting, "   ");
            refusedFor(setting, config, "MariaDB");
        });
    }

    @Test
    void weakOrMalformedSecretsAreRefused() {
        Map<String, String> config = safe();
        config.put("leiming.crypto.field-key", "c2hvcnQ=");
        refusedFor("leiming.crypto.field-key", config, "MariaDB");
        config.put("leiming.crypto.field-key", "not base64 at all!");
        refusedFor("leiming.crypto.field-key", config, "MariaDB");
        config = safe();
        config.put("leiming.admin.password", "short1");
        refusedFor("leiming.admin.password", config, "MariaDB");
        config.put("leiming.admin.password", "my-admin-password-is-long");
        refusedFor("leiming.admin.password", config, "MariaDB");
        config.put("leiming.admin.password", "aaaaaaaaaaaaaaaa");
        refusedFor("leiming.admin.password", config, "MariaDB");
        config = safe();
        config.put("leiming.crypto.previous-keys", "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c=, not-a-key");
        refusedFor("leiming.crypto.previous-keys", config, "MariaDB");
        config = safe();
        config.put("leiming.sms.code-pepper", "short");
        refusedFor("leiming.sms.code-pepper", config, "MariaDB");
    }

    @Test
    void theLogSmsGatewayOrNoneIsRefused() {
        Map<String, String> config = safe();
        config.put("leiming.sms.gateway", "log");
        refusedFor("leiming.sms.gateway", config, "MariaDB");
        config.remove("leiming.sms.gateway");
        refusedFor("leiming.sms.gateway", config, "MariaDB");
        config.put("leiming.sms.gateway", "http");
        config.remove("leiming.sms.http.url");
        refusedFor("leiming.sms.http.url", config, "MariaDB");
    }

    @Test
    void tokenKeysThatWouldBeGeneratedAreRefused() {
        Map<String, String> config = safe();
        config.put("leiming.jwt.private-key.location", "file:/nowhere/private.pem");
        refusedFor("leiming.jwt.private-key.location", config, "MariaDB");
        config.put("leiming.jwt.private-key", "-----BEGIN PRIVATE KEY-----...");
        assertEquals(List.of(), problems(config, "MariaDB"), "a key given as text is enough");
        config = safe();
        config.remove("mp.jwt.verify.publickey.location");
        refusedFor("mp.jwt.verify.publickey.location", config, "MariaDB");
    }

    @Test
    void adminsWithoutASecondFactorAreRefused() {
        Map<String, String> config = safe();
        config.put("leiming.admin.totp-required", "false");
        refusedFor("leiming.admin.totp-required", config, "MariaDB");
    }

    @Test
    void theBenchmarksCostLadderIsRefused() {
        Map<String, String> config = safe();
        config.put("leiming.bench.ladder", "true");
        refusedFor("leiming.bench.ladder", config, "MariaDB");
        config.put("leiming.bench.ladder", "false");
        assertEquals(List.of(), problems(config, "MariaDB"));
    }

    @Test
    void theEmbeddedDatabaseOnlyWhenAllowedForATrial() {
        refusedFor("leiming.db", safe(), "H2");
        Map<String, String> trial = safe();
        trial.put("leiming.allow-embedded-database", "true");
        assertEquals(List.of(), problems(trial, "H2"));
        assertEquals(List.of(), problems(safe(), null), "an unreachable database is the migration's to report");
    }

    @Test
    void halfSetIntegrationsAreRefusedNamingWhatIsMissing() {
        Map<String, String> config = safe();
        config.put("leiming.wechatpay.mch-id", "1900000109");
        config.put("leiming.wechatpay.app-id", "wxd678efh567hg6787");
        List<ProductionChecks.Problem> problems = problems(config, "MariaDB");
        assertEquals(ProductionChecks.WECHAT_PAY.size() - 2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.setting().equals("leiming.wechatpay.api-v3-key")));
        ProductionChecks.WECHAT_PAY.forEach(key -> config.put(key, "set"));
        assertEquals(List.of(), problems(config, "MariaDB"));

        config.put("leiming.wecom.corp-id", "wx5823bf96d3bd56c7");
        assertEquals(ProductionChecks.WECOM.size() - 1, problems(config, "MariaDB").size());
    }

    @Test
    void theRefusalListsEveryProblemWithTheEnvironmentVariableThatFixesIt() {
        List<ProductionChecks.Problem> problems = problems(new HashMap<>(), "H2");
        String refusal = ProductionChecks.refusal(problems);
        assertTrue(problems.size() >= 9, refusal);
        for (ProductionChecks.Problem problem : problems) {
            assertTrue(refusal.contains(problem.setting() + " (" + ProductionChecks.environmentName(problem.setting())
                    + ")"), refusal);
        }
        assertTrue(refusal.contains("LEIMING_CRYPTO_FIELD_KEY"), refusal);
        assertTrue(refusal.contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION"), refusal);
    }

    @Test
    void auditEntriesAreKeptAtLeastSixMonths() {
        Map<String, String> config = safe();
        config.put("leiming.retention.audit", "P30D");
        refusedFor("leiming.retention.audit", config, "MariaDB");
        config.put("leiming.retention.audit", "three years");
        refusedFor("leiming.retention.audit", config, "MariaDB");
        config.put("leiming.retention.audit", "P183D");
        assertEquals(List.of(), problems(config, "MariaDB"));
    }
}
