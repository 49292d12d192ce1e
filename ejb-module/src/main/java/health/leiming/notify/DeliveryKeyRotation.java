package health.leiming.notify;

import health.leiming.platform.FieldCipher;
import health.leiming.platform.KeyRotation;
import health.leiming.platform.RotatesKeys;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The recipients' addresses of notification deliveries, for KeyRotation. */
@Stateless
public class DeliveryKeyRotation implements RotatesKeys {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FieldCipher cipher;

    @Override
    public String column() {
        return Delivery.ADDRESS;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int rotateBatch(int max) {
        return KeyRotation.batch(em, cipher, Delivery.class, "address", max, delivery -> delivery.rotateAddress(cipher));
    }
}
