package health.leiming.care;

import health.leiming.platform.Logs;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Keeps the staff directory in step with WeCom's contacts: a member added in WeCom becomes a staff
 * member waiting for approval (inactive, without services, until an admin approves them: anyone who
 * can edit the company's WeCom contacts must not thereby get a companion's access to orders), a change
 * of name, mobile or user id follows, and one who left stops being offered for bookings.
 */
@Stateless
public class StaffDirectory {

    private static final Logger LOG = Logs.get(StaffDirectory.class);

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    public Optional<Staff> byWecomUser(String wecomUserId) {
        return em.createQuery("select s from Staff s where s.wecomUserId = :user", Staff.class)
                .setParameter("user", wecomUserId == null ? "" : wecomUserId).getResultStream().findFirst();
    }

    /** The WeCom account of an active staff member, to send them their tasks; empty otherwise. */
    public Optional<String> activeWecomUserOf(String staffId) {
        Staff staff = staffId == null ? null : em.find(Staff.class, staffId);
        return staff == null || !staff.isActive() ? Optional.empty() : Optional.ofNullable(staff.wecomUserId());
    }

    /** What a member may see of a staff member (name, title, rating); null for no staff. */
    public StaffView.Public publicViewOf(String staffId) {
        Staff staff = staffId == null ? null : em.find(Staff.class, staffId);
        return staff == null ? null : staff.publicView();
    }

    /** Applies a contact change (create_user, update_user, delete_user); returns what it did. */
    public String contactChanged(String changeType, String userId, String newUserId, String name, String mobile) {
        Instant now = Instant.now();
        Optional<Staff> known = byWecomUser(userId);
        switch (changeType == null ? "" : changeType) {
            case "create_user" -> {
                if (known.isPresent()) {
                    return "staff " + userId + " already known";
                }
                Staff staff = new Staff(new Staff.StaffDetails(name == null || name.isBlank() ? userId : name,
                        mobile, userId, null, null, null, true), now);
                staff.awaitApproval();
                em.persist(staff);
                LOG.info(() -> "Staff " + userId + " added from WeCom, waiting for an admin's approval");
                return "staff created";
            }
            case "update_user" -> {
                if (known.isEmpty()) {
                    return "staff " + userId + " unknown";
                }
                known.get().followWecom(name, mobile, newUserId, now);
                return "staff updated";
            }
            case "delete_user" -> {
                known.ifPresent(staff -> staff.leave(now));
                return known.isPresent() ? "staff left" : "staff " + userId + " unknown";
            }
            default -> {
                return "contact change " + changeType + " ignored";
            }
        }
    }
}
