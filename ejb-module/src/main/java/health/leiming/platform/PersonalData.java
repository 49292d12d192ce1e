package health.leiming.platform;

import java.util.List;

/**
 * A context's part of what we hold about a member and the people they look after (PIPL art. 45: the
 * right to see and copy). Implemented by each context that keeps personal data, as a session bean; the
 * privacy context gathers every part into one export. A context with a new table of personal data
 * adds it to its part.
 */
public interface PersonalData {

    /** The part's name in the export (account, health, orders, ...). */
    String area();

    /**
     * Everything this context holds about the member (and the given people of theirs: the member
     * themselves and their family members), as the views the API answers with, personal data masked
     * as there.
     */
    Object of(String memberId, List<String> personIds);
}
