package health.leiming.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/** Forges tokens for the security tests: with the server's own development key, another key, or none. */
final class Tokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    /** The development signing key the server generated in its output directory. */
    static PrivateKey serverKey() {
        return pem(Path.of(System.getProperty("leiming.it.server-dir"), "resources", "security", "leiming-jwt-private.pem"));
    }

    /** A PKCS#8 private key in PEM, as openssl genpkey writes it (the cluster's token key). */
    static PrivateKey pem(Path file) {
        try {
            String body = Files.readString(file).replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the private key at " + file, e);
        }
    }

    static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject claims(String subject, String group, Instant issuedAt, Instant expiresAt) {
        return Json.createObjectBuilder()
                .add("iss", "https://leiming.health")
                .add("sub", subject)
                .add("upn", subject)
                .add("groups", Json.createArrayBuilder().add(group))
                .add("iat", issuedAt.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .add("jti", java.util.UUID.randomUUID().toString())
                .build();
    }

    /** A staff member's token for an hour, signed with the server's key (what the WeCom sign-in gives them). */
    static String staff(String staffId) {
        return signed(claims(staffId, "staff", Instant.now(), Instant.now().plus(1, ChronoUnit.HOURS)),
                serverKey());
    }

    static String signed(JsonObject claims, PrivateKey key) {
        String input = encode(Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build()) + "."
                + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unsigned(JsonObject claims) {
        return encode(Json.createObjectBuilder().add("alg", "none").add("typ", "JWT").build()) + "." + encode(claims) + ".";
    }

    /** The same token with its payload swapped for other claims, signature kept. */
    static String withPayload(String token, JsonObject claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    private static String encode(JsonObject json) {
        return B64.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
