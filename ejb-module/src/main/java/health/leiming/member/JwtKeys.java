package health.leiming.member;

import health.leiming.platform.Hashing;
import health.leiming.platform.Logs;
import health.leiming.platform.RunMode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RS256 key pair tokens are signed with. The private key comes from configuration
 * (leiming.jwt.private-key as PEM text, or leiming.jwt.private-key.location); MicroProfile JWT reads the
 * public key from mp.jwt.verify.publickey(.location). When nothing is configured and the default file
 * locations are empty, a development key pair is generated there on first start, in development mode only.
 */
@Singleton
@Startup
@DependsOn("StartupSafety")
@Lock(LockType.READ)
public class JwtKeys {

    private static final Logger LOG = Logs.get(JwtKeys.class);

    @Inject
    @ConfigProperty(name = "leiming.jwt.private-key")
    Optional<String> privateKeyPem;

    @Inject
    @ConfigProperty(name = "leiming.jwt.private-key.location")
    Optional<String> privateKeyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> publicKeyLocation;

    @Inject
    @ConfigProperty(name = "leiming.jwt.generate-dev-keys", defaultValue = "true")
    boolean generateDevKeys;

    @Inject
    RunMode runMode;

    private PrivateKey signingKey;
    private String keyId;

    @PostConstruct
    void load() {
        try {
            String pem = privateKeyPem.filter(s -> !s.isBlank()).orElse(null);
            if (pem == null) {
                Path privatePath = path(privateKeyLocation.orElseThrow(
                        () -> new IllegalStateException("Configure leiming.jwt.private-key or leiming.jwt.private-key.location")));
                if (!Files.exists(privatePath)) {
                    if (!generateDevKeys || !runMode.development()) {
                        throw new IllegalStateException("No JWT signing key at " + privatePath);
                    }
                    generate(privatePath, path(publicKeyLocation.orElseThrow(
                            () -> new IllegalStateException("Configure mp.jwt.verify.publickey.location"))));
                }
                pem = Files.readString(privatePath, StandardCharsets.US_ASCII);
            }
            signingKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(decode(pem)));
            // The key id names the key pair (a hash of its modulus), so a key rotation is visible in tokens.
            keyId = Hashing.sha256Hex(((RSAPrivateKey) signingKey).getModulus().toString(16)).substring(0, 16);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the JWT signing key: " + e.getMessage(), e);
        }
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    public String keyId() {
        return keyId;
    }

    private void generate(Path privatePath, Path publicPath) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(privatePath.getParent());
        Files.createDirectories(publicPath.getParent());
        Files.writeString(publicPath, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(privatePath, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(privatePath, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: leave the platform's defaults
        }
        LOG.warning(() -> "Generated a DEVELOPMENT JWT key pair in " + privatePath.getParent()
                + "; configure your own keys in production (see README)");
    }

    static Path path(String location) {
        String plain = location.startsWith("file:") ? location.substring("file:".length()) : location;
        return Path.of(plain);
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    static byte[] decode(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
