package health.leiming.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.leiming.platform.BusinessException;
import jakarta.json.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ClientAssertionTest {

    private static final String TOKEN_URL = "https://health.hospital.cn/fhir/r4/auth/token";
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    private final KeyPair pair = ecKeyPair();
    private final String jwks = jwks(pair);

    @Test
    void aWellFormedAssertionIsAccepted() throws Exception {
        var verified = ClientAssertion.verify(sign("ES384", "c1", "c1", TOKEN_URL, NOW.plusSeconds(240), "j1"), jwks, "c1",
                TOKEN_URL, NOW);
        assertEquals("j1", verified.jti());
        assertEquals("c1", ClientAssertion.claimedClient(sign("ES384", "c1", "c1", TOKEN_URL, NOW, "j")));
    }

    @Test
    void eachBrokenRuleIsInvalidClient() throws Exception {
        refused(sign("ES384", "c1", "c1", "https://elsewhere/token", NOW.plusSeconds(240), "j"), "aud");
        refused(sign("ES384", "c1", "other", TOKEN_URL, NOW.plusSeconds(240), "j"), "sub");
        refused(sign("ES384", "c1", "c1", TOKEN_URL, NOW.minusSeconds(61), "j"), "expired");
        refused(sign("ES384", "c1", "c1", TOKEN_URL, NOW.plusSeconds(361), "j"), "more than five minutes");
        refused(sign("ES384", "c1", "c1", TOKEN_URL, NOW.plusSeconds(240), null), "no jti");
        refused(sign("ES256", "c1", "c1", TOKEN_URL, NOW.plusSeconds(240), "j"), "P-384 key used as ES256: the signature fails");
        String good = sign("ES384", "c1", "c1", TOKEN_URL, NOW.plusSeconds(240), "j");
        String[] parts = good.split("\\.");
        refused(b64("{\"alg\":\"none\"}") + "." + parts[1] + ".", "alg none");
        refused(parts[0] + "." + b64("{\"iss\":\"c1\",\"sub\":\"c1\",\"aud\":\"" + TOKEN_URL + "\",\"exp\":"
                + NOW.plusSeconds(240).getEpochSecond() + ",\"jti\":\"other\"}") + "." + parts[2], "claims changed");
        refused("not-a-jwt", "garbage");
        assertThrows(BusinessException.class,
                () -> ClientAssertion.verify(good, jwks(ecKeyPair()), "c1", TOKEN_URL, NOW), "another key");
    }

    private void refused(String assertion, String why) {
        BusinessException e = assertThrows(BusinessException.class,
                () -> ClientAssertion.verify(assertion, jwks, "c1", TOKEN_URL, NOW), why);
        assertEquals("invalid_client", e.code(), why);
    }

    private String sign(String alg, String iss, String sub, String aud, Instant exp, String jti) throws Exception {
        var claims = Json.createObjectBuilder().add("iss", iss).add("sub", sub).add("aud", aud).add("exp", exp.getEpochSecond());
        if (jti != null) {
            claims.add("jti", jti);
        }
        String input = b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + b64(claims.build().toString());
        Signature signature = Signature.getInstance(alg.equals("ES384") ? "SHA384withECDSAinP1363Format"
                : "SHA256withECDSAinP1363Format");
        signature.initSign(pair.getPrivate());
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp384r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks(KeyPair pair) {
        ECPublicKey key = (ECPublicKey) pair.getPublic();
        return Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("kty", "EC").add("crv", "P-384").add("x", coordinate(key.getW().getAffineX()))
                .add("y", coordinate(key.getW().getAffineY())))).build().toString();
    }

    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[48];
        int copy = Math.min(bytes.length, 48);
        System.arraycopy(bytes, bytes.length - copy, fixed, 48 - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
