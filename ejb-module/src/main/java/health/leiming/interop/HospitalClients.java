package health.leiming.interop;

import health.leiming.care.Catalog;
import health.leiming.integration.KeySets;
import health.leiming.member.TokenIssuer;
import health.leiming.platform.ActiveAccounts;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import health.leiming.platform.RunMode;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hospital systems as SMART Backend Services clients: admins register them (a hospital of the catalog,
 * public keys, allowed scopes) and disable them; the token endpoint exchanges a signed client assertion
 * for a short-lived access token of group {@code hospital} carrying the granted scopes.
 */
@Stateless
public class HospitalClients {

    /** The token group of hospital systems: MicroProfile JWT verifies their tokens like everyone's. */
    public static final String GROUP = "hospital";

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    Catalog catalog;

    @Inject
    TokenIssuer tokens;

    @Inject
    AuditTrail audit;

    @Inject
    ClientKeys clientKeys;

    @Inject
    KeySets keySets;

    @Inject
    RunMode runMode;

    @Inject
    ActiveAccounts activeAccounts;

    @Inject
    @ConfigProperty(name = "leiming.fhir.access-token-ttl", defaultValue = "PT5M")
    Duration accessTokenTtl;

    /**
     * Registers a hospital system with its public keys (a JWK Set) or the JWKS URL where it publishes them
     * (fetched now, and again when it signs with a key we do not hold yet); exactly one of the two.
     */
    public HospitalClient.ClientView register(String adminId, String hospitalId, String name, String publicKeys,
            String jwksUrl, List<String> scopes) {
        catalog.hospital(hospitalId, true); // 404 for a hospital that is not in the catalog
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "NAME_REQUIRED", "请填写系统名称（最多100个字）");
        }
        String url = checkedJwksUrl(publicKeys, jwksUrl);
        String keys = url == null ? publicKeys : fetched(url);
        checkKeys(keys);
        if (scopes == null || scopes.isEmpty()) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "SCOPE_REQUIRED", "请至少选择一个授权范围");
        }
        Set<String> checked = new LinkedHashSet<>();
        scopes.forEach(scope -> checked.add(FhirScopes.checked(scope)));
        HospitalClient client = new HospitalClient(hospitalId, name.strip(), keys.strip(), url, checked, adminId,
                Instant.now());
        em.persist(client);
        audit.record(adminId, "admin", null, "fhir.client.register", client.id(), AuditTrail.SUCCESS);
        return client.view();
    }

    public List<HospitalClient.ClientView> list() {
        return em.createQuery("select c from HospitalClient c order by c.createdAt desc", HospitalClient.class)
                .getResultStream().map(HospitalClient::view).toList();
    }

    /** Disables or enables a client: a disabled client's tokens stop at the next request. */
    public HospitalClient.ClientView setActive(String adminId, String clientId, boolean active) {
        HospitalClient client = found(clientId);
        client.setActive(active);
        activeAccounts.forget(clientId);
        audit.record(adminId, "admin", null, active ? "fhir.client.enable" : "fhir.client.disable", clientId,
                AuditTrail.SUCCESS);
        return client.view();
    }

    /** Replaces a client's public keys, or its JWKS URL (fetched now): the hospital rotated its key pair. */
    public HospitalClient.ClientView replaceKeys(String adminId, String clientId, String publicKeys, String jwksUrl) {
        String url = checkedJwksUrl(publicKeys, jwksUrl);
        String keys = url == null ? publicKeys : fetched(url);
        checkKeys(keys);
        HospitalClient client = found(clientId);
        client.replaceKeys(keys.strip(), url, Instant.now());
        audit.record(adminId, "admin", null, "fhir.client.keys", clientId, AuditTrail.SUCCESS);
        return client.view();
    }

    /**
     * The token endpoint (client_credentials with a private_key_jwt assertion): a refusal says why, as
     * OAuth's error codes (unsupported_grant_type, invalid_client, invalid_scope), and is audited.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public GrantedToken token(String grantType, String assertionType, String assertion, String scope, String tokenUrl) {
        if (!"client_credentials".equals(grantType)) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "unsupported_grant_type", "grant_type 必须是 client_credentials");
        }
        if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(assertionType)) {
            throw ClientAssertion.refused("client_assertion_type 必须是 urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        }
        String clientId = ClientAssertion.claimedClient(assertion);
        HospitalClient client = clientId == null ? null : em.find(HospitalClient.class, clientId);
        if (client == null || !client.active()) {
            throw ClientAssertion.refused("客户端不存在或已停用");
        }
        Instant now = Instant.now();
        ClientAssertion.Verified verified;
        try {
            String keys = client.publicKeys();
            if (client.jwksUrl() != null && !ClientAssertion.signedBy(assertion, keys)) {
                keys = clientKeys.refreshed(client.id(), now); // a key rotated in at the hospital since we fetched
            }
            verified = ClientAssertion.verify(assertion, keys, client.id(), tokenUrl, now);
        } catch (BusinessException e) {
            audit.queue(client.id(), GROUP, null, "fhir.token", client.id(), AuditTrail.DENIED);
            throw e;
        }
        Set<String> granted = FhirScopes.granted(scope, client.scopes());
        if (granted.isEmpty()) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "invalid_scope",
                    "请求的授权范围未注册给该客户端: " + scope);
        }
        remember(verified);
        String grantedScope = String.join(" ", granted);
        TokenIssuer.AccessToken token = tokens.issue(client.id(), Set.of(GROUP),
                Map.of("scope", grantedScope, "hospital", client.hospitalId()), accessTokenTtl, now);
        audit.record(client.id(), GROUP, null, "fhir.token", client.id(), AuditTrail.SUCCESS);
        return new GrantedToken(token.token(), token.expiresIn(), grantedScope);
    }

    /** The hospital a client acts for, while it is active; empty otherwise. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isActive(String clientId) {
        HospitalClient client = clientId == null ? null : em.find(HospitalClient.class, clientId);
        return client != null && client.active();
    }

    /** A jti is used once: the primary key refuses the second, here or on another server. */
    private void remember(ClientAssertion.Verified verified) {
        if (em.find(UsedAssertion.class, new UsedAssertion.Key(verified.clientId(), verified.jti())) != null) {
            throw replayed(verified);
        }
        try {
            em.persist(new UsedAssertion(verified.clientId(), verified.jti(), verified.expiresAt().plus(ClientAssertion.SKEW)));
            em.flush();
        } catch (PersistenceException e) {
            throw replayed(verified);
        }
    }

    private BusinessException replayed(ClientAssertion.Verified verified) {
        audit.queue(verified.clientId(), GROUP, null, "fhir.token.replay", verified.clientId(), AuditTrail.DENIED);
        return ClientAssertion.refused("断言已使用过（jti 重复）");
    }

    private HospitalClient found(String clientId) {
        HospitalClient client = clientId == null ? null : em.find(HospitalClient.class, clientId);
        if (client == null) {
            throw BusinessException.notFound("接入系统");
        }
        return client;
    }

    /** The JWKS URL when one is given instead of keys (https; http only on a development server). */
    private String checkedJwksUrl(String publicKeys, String jwksUrl) {
        boolean keysGiven = publicKeys != null && !publicKeys.isBlank();
        boolean urlGiven = jwksUrl != null && !jwksUrl.isBlank();
        if (keysGiven == urlGiven) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "KEYS_REQUIRED",
                    "请提供公钥（publicKeys，JWK Set）或公钥地址（jwksUrl）中的一个");
        }
        if (!urlGiven) {
            return null;
        }
        try {
            URI uri = URI.create(jwksUrl.strip());
            boolean secure = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && runMode.development();
            if (!secure || uri.getHost() == null || jwksUrl.length() > 500) {
                throw new IllegalArgumentException(jwksUrl);
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "JWKS_URL_INVALID", "公钥地址须为 https:// 开头的网址");
        }
    }

    private String fetched(String jwksUrl) {
        try {
            return keySets.fetch(jwksUrl);
        } catch (IllegalStateException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "JWKS_URL_UNREACHABLE", "无法从公钥地址读取公钥: " + jwksUrl);
        }
    }

    static void checkKeys(String publicKeys) {
        if (publicKeys == null || publicKeys.isBlank() || publicKeys.length() > 8000) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "KEYS_REQUIRED", "请提供公钥（JWK Set，最多8000个字符）");
        }
        if (publicKeys.contains("\"d\"")) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "PRIVATE_KEY_GIVEN", "只能上传公钥，不能上传私钥");
        }
        try {
            ClientAssertion.keys(publicKeys);
        } catch (RuntimeException e) {
            throw new BusinessException(ErrorKind.BAD_REQUEST, "KEYS_INVALID",
                    "公钥格式不正确：需要 JWK Set，RSA 或 EC（P-256、P-384）公钥");
        }
    }

    /** An access token for a hospital client, with the scopes granted. */
    public record GrantedToken(String accessToken, long expiresIn, String scope) {
    }
}
