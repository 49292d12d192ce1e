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

/** Family members' own phone numbers, for KeyRotation; it also encrypts the ones an earlier version stored in clear. */
@Stateless
public class PersonPhoneKeyRotation implements RotatesKeys {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FieldCipher cipher;

    @Override
    public String column() {
        return Person.PHONE;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int rotateBatch(int max) {
        return KeyRotation.batch(em, cipher, Person.class, "phoneCipher", "e.phone is not null", max, e -> e.rotatePhone(cipher));
    }
}
