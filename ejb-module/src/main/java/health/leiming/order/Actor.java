package health.leiming.order;

/** Who moves an order: a member, a staff member, an admin or operator, or the system (payments, timeouts). */
public record Actor(String id, String role) {

    public static Actor member(String id) {
        return new Actor(id, "member");
    }

    public static Actor staff(String id) {
        return new Actor(id, "staff");
    }

    public static Actor admin(String id) {
        return new Actor(id, "admin");
    }

    /** An admin or an operator, in the role their account has. */
    public static Actor console(String id, String role) {
        return new Actor(id, role);
    }

    public static Actor system() {
        return new Actor(null, "system");
    }
}
