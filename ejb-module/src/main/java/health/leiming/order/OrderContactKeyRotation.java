package health.leiming.order;

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
 * The contact an order names for the day (name and phone), for KeyRotation; it also encrypts the ones an
 * earlier version stored in clear (JSON, starting with a brace).
 */
@Stateless
public class OrderContactKeyRotation implements RotatesKeys {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FieldCipher cipher;

    @Override
    public String column() {
        return Order.CONTACT;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int rotateBatch(int max) {
        return KeyRotation.batch(em, cipher, Order.class, "contactInfo", "e.contactInfo like '{%'", max,
                order -> order.rotateContact(cipher));
    }
}
