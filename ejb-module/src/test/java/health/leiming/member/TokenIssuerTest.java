package health.leiming.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

    @Test
    void claimsNameTheIssuerTheMemberAndTheGroupsAndExpire() {
        Instant now = Instant.parse("2026-11-29T02:00:00Z");
        JsonObject claims = TokenIssuer.claims("https://leiming.health", "member-1", Set.of("member"), now,
                now.plus(Duration.ofHours(2)), "jti-1");
        assertEquals("https://leiming.health", claims.getString("iss"));
        assertEquals("member-1", claims.getString("sub"));
        assertEquals("member-1", claims.getString("upn"));
        assertEquals("member", claims.getJsonArray("groups").getString(0));
        assertEquals(now.getEpochSecond() + 7200, claims.getJsonNumber("exp").longValue());
    }

    @Test
    void tokensAreRs256SignedWithTheConfiguredKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();

        JwtKeys keys = new JwtKeys();
        keys.privateKeyPem = Optional.of(JwtKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        keys.privateKeyLocation = Optional.empty();
        keys.publicKeyLocation = Optional.empty();
        keys.load();
        TokenIssuer issuer = new TokenIssuer();
        issuer.keys = keys;
        issuer.issuer = "https://leiming.health";
        issuer.accessTokenTtl = Duration.ofMinutes(30);

        TokenIssuer.AccessToken token = issuer.issue("member-1", Set.of("member"), Instant.now());
        String[] parts = token.token().split("\\.");
        JsonObject header = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(parts[0]),
                StandardCharsets.UTF_8))).readObject();
        assertEquals("RS256", header.getString("alg"));
        assertEquals(keys.keyId(), header.getString("kid"));
        assertEquals(1800, token.expiresIn());

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(pair.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(Base64.getUrlDecoder().decode(parts[2])));
    }
}
