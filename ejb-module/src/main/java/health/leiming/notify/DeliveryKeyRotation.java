package health.leiming.notify;

import health.leiming.platform.FieldCipher;
import health.leiming.platform.RotatesKeys;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

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
        List<Delivery> deliveries = em.createQuery("select d from Delivery d where d.address is not null"
                + " and d.address not like :current", Delivery.class)
                .setParameter("current", cipher.currentPrefix() + "%").setMaxResults(max).getResultList();
        deliveries.forEach(delivery -> delivery.rotateAddress(cipher));
        return deliveries.size();
    }
}
