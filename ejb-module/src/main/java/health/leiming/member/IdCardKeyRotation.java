package health.leiming.member;

import health.leiming.platform.FieldCipher;
import health.leiming.platform.KeyRotation;
import health.leiming.platform.RotatesKeys;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** ID card numbers (and their blind index) of persons, for KeyRotation. */
@Stateless
public class IdCardKeyRotation implements RotatesKeys {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FieldCipher cipher;

    @Override
    public String column() {
        return Person.ID_CARD;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int rotateBatch(int max) {
        return KeyRotation.batch(em, cipher, Person.class, "idCardCipher", max, person -> person.rotateIdCard(cipher));
    }
}
