package health.leiming.content;

import health.leiming.platform.Page;
import health.leiming.platform.PersonalData;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The member's AI interpretations and the articles they liked, for the export. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ContentPersonalData implements PersonalData {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    AiInterpretations interpretations;

    public record Content(List<InterpretationView> interpretations, List<String> likedArticles) {
    }

    @Override
    public String area() {
        return "content";
    }

    @Override
    public Object of(String memberId, List<String> personIds) {
        List<String> liked = em.createQuery("select l.articleId from ArticleLike l where l.memberId = :member"
                + " order by l.createdAt", String.class).setParameter("member", memberId).getResultList();
        return new Content(Page.all(page -> interpretations.list(memberId, page)), liked);
    }
}
