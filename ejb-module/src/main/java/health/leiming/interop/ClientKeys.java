package health.leiming.interop;

import health.leiming.integration.KeySets;
import health.leiming.platform.Logs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys of a client that publishes them at a JWKS URL, fetched again when an assertion is signed by
 * none of those we hold (the hospital rotated its keys). At most once a minute per client, across servers
 * (the row is locked and the time kept, also when the fetch failed): a stream of badly signed assertions
 * must not turn us into a flood against the hospital's server.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ClientKeys {

    private static final Logger LOG = Logs.get(ClientKeys.class);

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    KeySets keySets;

    @Inject
    @ConfigProperty(name = "leiming.fhir.jwks-refresh-interval", defaultValue = "PT1M")
    Duration minInterval;

    /** The client's keys, fetched afresh unless they were fetched less than the interval (a minute) ago. */
    public String refreshed(String clientId, Instant now) {
        HospitalClient client = em.find(HospitalClient.class, clientId, LockModeType.PESSIMISTIC_WRITE);
        if (client.jwksUrl() == null
                || client.keysFetchedAt() != null && client.keysFetchedAt().isAfter(now.minus(minInterval))) {
            return client.publicKeys();
        }
        String keys = client.publicKeys();
        try {
            String fetched = keySets.fetch(client.jwksUrl());
            HospitalClients.checkKeys(fetched);
            keys = fetched.strip();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Keys of FHIR client " + clientId + " not refreshed, the last ones stay: " + e.getMessage());
        }
        client.keysFetched(keys, now);
        return keys;
    }
}
