package health.leiming.interop;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A SMART Backend Services client assertion: a JWT the hospital's system signs with its private key
 * (RS384 or ES384, as the specification requires servers to accept; RS256 and ES256 too), naming the
 * client as issuer and subject, our token endpoint as audience, a unique jti and an expiry at most five
 * minutes ahead. Checked here against the client's registered JWK Set; every refusal is
 * {@code invalid_client} with the reason.
 */
final class ClientAssertion {

    /** How far ahead an assertion may expire (the specification: no more than five minutes). */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

    /** Clock difference tolerated between the hospital's system and ours. */
    static final Duration SKEW = Duration.ofSeconds(60);

    private static final Map<String, String> JAVA_ALGORITHMS = Map.of(
            "RS384", "SHA384withRSA", "RS256", "SHA256withRSA",
            "ES384", "SHA384withECDSAinP1363Format", "ES256", "SHA256withECDSAinP1363Format");

    private static final Map<String, String> CURVES = Map.of("P-384", "secp384r1", "P-256", "secp256r1");

    private static final Map<String, String> CURVE_OF = Map.of("ES384", "P-384", "ES256", "P-256");

    private ClientAssertion() {
    }

    /** The claims that matter once the signature and the rules held. */
    record Verified(String clientId, String jti, Instant expiresAt) {
    }

    /** The issuer the assertion claims, unverified: which client's keys to check it with. */
    static String claimedClient(String jwt) {
        String[] parts = parts(jwt);
        return string(json(parts[1]), "iss");
    }

    /** Whether one of the keys signed the assertion (nothing else is checked). */
    static boolean signedBy(String jwt, String publicKeys) {
        String[] parts = parts(jwt);
        String alg = string(json(parts[0]), "alg");
        String javaAlgorithm = JAVA_ALGORITHMS.get(alg);
        return javaAlgorithm != null && signatureHolds(javaAlgorithm, alg, string(json(parts[0]), "kid"), publicKeys, parts);
    }

    static Verified verify(String jwt, String publicKeys, String clientId, String tokenUrl, Instant now) {
        String[] parts = parts(jwt);
        JsonObject header = json(parts[0]);
        JsonObject claims = json(parts[1]);
        String alg = string(header, "alg");
        String javaAlgorithm = JAVA_ALGORITHMS.get(alg);
        if (javaAlgorithm == null) {
            throw refused("签名算法不受支持: " + alg + "（请使用 RS384 或 ES384）");
        }
        if (!signatureHolds(javaAlgorithm, alg, string(header, "kid"), publicKeys, parts)) {
            throw refused("签名无效：与注册的公钥不符");
        }
        if (!clientId.equals(string(claims, "iss")) || !clientId.equals(string(claims, "sub"))) {
            throw refused("iss 和 sub 必须是 client_id");
        }
        if (!audiences(claims).contains(tokenUrl)) {
            throw refused("aud 必须是令牌地址 " + tokenUrl);
        }
        Instant expiresAt = epochSeconds(claims, "exp");
        if (expiresAt == null || !expiresAt.isAfter(now.minus(SKEW))) {
            throw refused("断言已过期");
        }
        if (expiresAt.isAfter(now.plus(MAX_LIFETIME).plus(SKEW))) {
            throw refused("断言有效期不得超过5分钟");
        }
        String jti = string(claims, "jti");
        if (jti == null || jti.isBlank() || jti.length() > 128) {
            throw refused("断言必须有 jti（最多128个字符）");
        }
        return new Verified(clientId, jti, expiresAt);
    }

    /** The registered keys are a JWK Set (or one JWK) of RSA or EC (P-256, P-384) public keys. */
    static List<PublicKey> keys(String publicKeys) {
        List<JsonObject> jwks = jwks(publicKeys);
        if (jwks.isEmpty()) {
            throw new IllegalArgumentException("no keys");
        }
        return jwks.stream().map(ClientAssertion::publicKey).toList();
    }

    private static List<JsonObject> jwks(String publicKeys) {
        JsonObject set = json(publicKeys.getBytes(StandardCharsets.UTF_8));
        return set.containsKey("keys") ? set.getJsonArray("keys").getValuesAs(JsonObject.class) : List.of(set);
    }

    private static boolean signatureHolds(String javaAlgorithm, String alg, String kid, String publicKeys, String[] parts) {
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (JsonObject jwk : jwks(publicKeys)) {
            if (kid != null && jwk.containsKey("kid") && !kid.equals(jwk.getString("kid", null))) {
                continue;
            }
            if (alg.startsWith("RS") != "RSA".equals(jwk.getString("kty", ""))) {
                continue; // an RSA algorithm with an EC key, or the other way round
            }
            if (alg.startsWith("ES") && !CURVE_OF.get(alg).equals(jwk.getString("crv", ""))) {
                continue; // JWA binds ES256 to P-256 and ES384 to P-384
            }
            try {
                Signature signature = Signature.getInstance(javaAlgorithm);
                signature.initVerify(publicKey(jwk));
                signature.update(signed);
                if (signature.verify(signatureBytes)) {
                    return true;
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // not this key
            }
        }
        return false;
    }

    private static PublicKey publicKey(JsonObject jwk) {
        try {
            return switch (jwk.getString("kty", "")) {
                case "RSA" -> KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(unsigned(jwk, "n"), unsigned(jwk, "e")));
                case "EC" -> {
                    String curve = CURVES.get(jwk.getString("crv", ""));
                    if (curve == null) {
                        throw new IllegalArgumentException("curve " + jwk.getString("crv", ""));
                    }
                    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
                    parameters.init(new ECGenParameterSpec(curve));
                    yield KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                            new ECPoint(unsigned(jwk, "x"), unsigned(jwk, "y")),
                            parameters.getParameterSpec(ECParameterSpec.class)));
                }
                default -> throw new IllegalArgumentException("key type " + jwk.getString("kty", ""));
            };
        } catch (GeneralSecurityException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a public key: " + e.getMessage(), e);
        }
    }

    private static BigInteger unsigned(JsonObject jwk, String member) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString(member)));
    }

    private static String[] parts(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw refused("client_assertion 不是 JWT");
        }
        return parts;
    }

    private static JsonObject json(String base64Url) {
        try {
            return json(Base64.getUrlDecoder().decode(base64Url));
        } catch (IllegalArgumentException e) {
            throw refused("client_assertion 不是 JWT");
        }
    }

    private static JsonObject json(byte[] bytes) {
        try (var reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw refused("client_assertion 不是 JWT");
        }
    }

    private static String string(JsonObject json, String member) {
        return json.get(member) instanceof JsonString s ? s.getString() : null;
    }

    private static List<String> audiences(JsonObject claims) {
        JsonValue aud = claims.get("aud");
        if (aud instanceof JsonString s) {
            return List.of(s.getString());
        }
        if (aud instanceof JsonArray array) {
            return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
        }
        return List.of();
    }

    private static Instant epochSeconds(JsonObject claims, String member) {
        return claims.get(member) instanceof jakarta.json.JsonNumber n ? Instant.ofEpochSecond(n.longValue()) : null;
    }

    static BusinessException refused(String why) {
        return new BusinessException(ErrorKind.UNAUTHENTICATED, "invalid_client", why);
    }
}
