package health.leiming.web.console;

import java.io.Serializable;

/** A companion signed in to the staff page through WeCom. */
public record StaffUser(String staffId, String name) implements Serializable {
}
