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

/** Admins' TOTP secrets, for KeyRotation. */
@Stateless
public class TotpSecretKeyRotation implements RotatesKeys {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FieldCipher cipher;

    @Override
    public String column() {
        return AdminAccount.TOTP_SECRET;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int rotateBatch(int max) {
        return KeyRotation.batch(em, cipher, AdminAccount.class, "totpSecret", max,
                admin -> admin.rotateTotpSecret(cipher));
    }
}
