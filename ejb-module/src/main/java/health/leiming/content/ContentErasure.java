package health.leiming.content;

import health.leiming.platform.Erasure;
import health.leiming.platform.ErasureSubject;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content context's part of an erasure: the interpretations of the people erased (for a whole account,
 * all of the member's), and the account's likes (an article's count of likes stays, it names nobody).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ContentErasure implements Erasure {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Override
    public int stage() {
        return 20;
    }

    @Override
    public Map<String, Integer> erase(ErasureSubject subject) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        String whose = subject.wholeAccount() ? "i.personId in :persons or i.userId = :member" : "i.personId in :persons";
        var interpretations = em.createQuery("delete from AiInterpretation i where " + whose)
                .setParameter("persons", subject.personIds());
        if (subject.wholeAccount()) {
            interpretations.setParameter("member", subject.memberId());
        }
        erased.put("interpretations", interpretations.executeUpdate());
        if (subject.wholeAccount()) {
            erased.put("article-likes", em.createQuery("delete from ArticleLike l where l.memberId = :member")
                    .setParameter("member", subject.memberId()).executeUpdate());
        }
        return erased;
    }
}
