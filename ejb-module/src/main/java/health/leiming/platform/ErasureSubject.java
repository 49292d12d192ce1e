package health.leiming.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Who is erased: a whole account (the member and all their people) or one of a member's people. Carries
 * what identifies them in our tables (ids, phone numbers, names, the WeChat openid) and the random ids that
 * replace theirs in what is kept: no table maps one to the other afterwards.
 *
 * @param memberId the account (for one person: the account that keeps living)
 * @param wholeAccount the account itself goes, not only the people listed
 * @param memberPseudonym the id kept orders point at instead of the member's (null for one person)
 * @param persons each erased person's id and the id that replaces it
 * @param phones the phone numbers they are known by
 * @param names their names, as the member typed them
 * @param wechatOpenid the account's mini-program openid, or null
 */
public record ErasureSubject(String memberId, boolean wholeAccount, String memberPseudonym,
        Map<String, String> persons, List<String> phones, List<String> names, String wechatOpenid) {

    /** What replaces a name in a kept record. */
    public static final String ERASED_NAME = "已注销";

    public ErasureSubject {
        persons = Map.copyOf(persons);
        phones = phones.stream().filter(phone -> phone != null && !phone.isBlank()).distinct().toList();
        names = names.stream().filter(name -> name != null && !name.isBlank()).distinct().toList();
    }

    public List<String> personIds() {
        return List.copyOf(persons.keySet());
    }

    /** Every id of theirs that other rows may carry: the member's (for a whole account) and their people's. */
    public List<String> ids() {
        return wholeAccount ? Stream.concat(Stream.of(memberId),
                persons.keySet().stream()).distinct().toList() : personIds();
    }

    /** Every text that names them in a free-text column: ids, phone numbers, the openid, names of two or more characters. */
    public List<String> traces() {
        List<String> traces = new ArrayList<>(ids());
        traces.addAll(phones);
        if (wechatOpenid != null) {
            traces.add(wechatOpenid);
        }
        names.stream().filter(name -> name.length() >= 2).forEach(traces::add);
        return traces.stream().distinct().toList();
    }
}
