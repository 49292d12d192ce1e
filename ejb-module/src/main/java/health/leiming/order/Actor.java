package health.leiming.order;

/** Who moves an order: a member, a staff member, an admin, or the system (payments, timeouts). */
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

    public static Actor system() {
        return new Actor(null, "system");
    }
}
