package health.leiming.member;

import health.leiming.platform.ActiveAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks one of our access tokens where MicroProfile JWT does not (a WebSocket handshake): RS256
 * signature by our key pair, our issuer, not expired; and, for members, an account still active.
 * The same rules the JAX-RS side applies.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final java.util.logging.Logger LOG = health.leiming.platform.Logs.get(TokenVerifier.class);

    @Inject
    JwtKeys keys;

    @Inject
    ActiveAccounts activeAccounts;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    private volatile PublicKey publicKey;

    /** Whose token this is, or empty when it is not a valid token of ours. */
    public Optional<Bearer> verify(String token) {
        return claims(token).map(claims -> new Bearer(claims.getString("sub"), groups(claims),
                Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue())));
    }

    /**
     * The claims of a valid token of ours whose account is still active (a hospital client's "scope" and
     * "hospital" among them), or empty.
     */
    public Optional<JsonObject> claims(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            JsonObject header = json(b64.decode(parts[0]));
            if (!"RS256".equals(header.getString("alg", ""))) {
                return Optional.empty();
            }
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(publicKey());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(b64.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonObject claims = json(b64.decode(parts[1]));
            if (!issuer.equals(claims.getString("iss", ""))
                    || Instant.now().getEpochSecond() >= claims.getJsonNumber("exp").longValue()) {
                return Optional.empty();
            }
            claims.getString("sub"); // a token without a subject is not one of ours
            if (!activeAccounts.isActive(claims.getString("sub"), groups(claims))) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException | NullPointerException
                | jakarta.json.JsonException e) {
            return Optional.empty(); // not a token of ours
        } catch (RuntimeException e) {
            LOG.warning(() -> "Token not verified: " + e);
            return Optional.empty();
        }
    }

    private static Set<String> groups(JsonObject claims) {
        return claims.getJsonArray("groups").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .collect(Collectors.toUnmodifiableSet());
    }

    private PublicKey publicKey() throws GeneralSecurityException {
        if (publicKey == null) {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) keys.signingKey();
            publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        }
        return publicKey;
    }

    private static JsonObject json(byte[] bytes) {
        try (var reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    /** Who holds a valid token: the subject and the groups (member, staff, admin). */
    public record Bearer(String subject, Set<String> groups, Instant expiresAt) {

        /** A caller whose token's end is not known here (the JAX-RS side, where the container checked it). */
        public Bearer(String subject, Set<String> groups) {
            this(subject, groups, null);
        }

        public boolean in(String group) {
            return groups.contains(group);
        }
    }
}
