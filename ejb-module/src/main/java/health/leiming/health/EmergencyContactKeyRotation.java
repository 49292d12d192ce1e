package health.leiming.health;

import health.leiming.platform.FieldCipher;
import health.leiming.platform.KeyRotation;
import health.leiming.platform.RotatesKeys;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The emergency contact of a health profile (name, phone, relation), for KeyRotation; it also encrypts the
 * ones an earlier version stored in clear (JSON, starting with a brace).
 */
@Stateless
public class EmergencyContactKeyRotation implements RotatesKeys {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FieldCipher cipher;

    @Override
    public String column() {
        return HealthProfile.CONTACT;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int rotateBatch(int max) {
        return KeyRotation.batch(em, cipher, HealthProfile.class, "emergencyContact", "e.emergencyContact like '{%'",
                max, profile -> profile.rotateContact(cipher));
    }
}
