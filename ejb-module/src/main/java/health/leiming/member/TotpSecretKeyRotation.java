package health.leiming.member;

import health.leiming.platform.FieldCipher;
import health.leiming.platform.RotatesKeys;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

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
        List<AdminAccount> admins = em.createQuery("select a from AdminAccount a where a.totpSecret is not null"
                + " and a.totpSecret not like :current", AdminAccount.class)
                .setParameter("current", cipher.currentPrefix() + "%").setMaxResults(max).getResultList();
        admins.forEach(admin -> admin.rotateTotpSecret(cipher));
        return admins.size();
    }
}
