package health.leiming.member;

import health.leiming.platform.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues the application's access tokens: RS256-signed JWTs that MicroProfile JWT verifies on every
 * request. Subject is the member id; groups carry the role (member, staff, admin).
 */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    JwtKeys keys;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "leiming.jwt.access-token-ttl", defaultValue = "PT2H")
    Duration accessTokenTtl;

    public AccessToken issue(String subject, Set<String> groups, Instant now) {
        return issue(subject, groups, Map.of(), accessTokenTtl, now);
    }

    /**
     * A token with claims of its own (a hospital client's granted "scope") and its own lifetime (a hospital
     * client's tokens live minutes, not hours).
     */
    public AccessToken issue(String subject, Set<String> groups, Map<String, String> extraClaims, Duration ttl,
            Instant now) {
        JsonObject header = Json.createObjectBuilder()
                .add("alg", "RS256")
                .add("typ", "JWT")
                .add("kid", keys.keyId())
                .build();
        JsonObject claims = claims(issuer, subject, groups, now, now.plus(ttl), Ids.newId());
        if (!extraClaims.isEmpty()) {
            var withExtra = Json.createObjectBuilder(claims);
            extraClaims.forEach(withExtra::add);
            claims = withExtra.build();
        }
        return new AccessToken(sign(header, claims), ttl.toSeconds());
    }

    /** The claims of a token, kept separate so that unit tests can check them without keys. */
    static JsonObject claims(String issuer, String subject, Set<String> groups, Instant issuedAt, Instant expiresAt,
            String tokenId) {
        return Json.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", subject)
                .add("upn", subject)
                .add("groups", Json.createArrayBuilder(groups.stream().sorted().toList()))
                .add("iat", issuedAt.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .add("jti", tokenId)
                .build();
    }

    private String sign(JsonObject header, JsonObject claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.signingKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    /** A signed token and its lifetime in seconds. */
    public record AccessToken(String token, long expiresIn) {
    }
}
