package health.leiming.member;

import health.leiming.platform.Erasure;
import health.leiming.platform.ErasureSubject;
import health.leiming.platform.FieldCipher;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The member context's part of an erasure, last: the people (with their ID card numbers and phones); for a
 * whole account also its sessions, SMS codes and sending counters, and the account itself.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class MemberErasure implements Erasure {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    FieldCipher cipher;

    @Override
    public int stage() {
        return 90;
    }

    @Override
    public Map<String, Integer> erase(ErasureSubject subject) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        if (subject.wholeAccount()) {
            erased.put("refresh-tokens", em.createQuery("delete from RefreshToken t where t.memberId = :member")
                    .setParameter("member", subject.memberId()).executeUpdate());
            List<String> phones = subject.phones().stream()
                    .flatMap(phone -> cipher.blindIndexes(Member.PHONE, phone).stream()).toList();
            if (!phones.isEmpty()) {
                erased.put("sms-codes", em.createQuery("delete from SmsCode c where c.phoneHash in :phones")
                        .setParameter("phones", phones).executeUpdate());
                erased.put("sms-throttles", em.createQuery("delete from SmsThrottle t where t.phoneHash in :phones")
                        .setParameter("phones", phones).executeUpdate());
            }
        }
        erased.put("persons", subject.persons().isEmpty() ? 0 : em.createQuery("delete from Person p where p.id in :persons")
                .setParameter("persons", subject.personIds()).executeUpdate());
        if (subject.wholeAccount()) {
            erased.put("accounts", em.createQuery("delete from Member m where m.id = :member")
                    .setParameter("member", subject.memberId()).executeUpdate());
        }
        return erased;
    }
}
