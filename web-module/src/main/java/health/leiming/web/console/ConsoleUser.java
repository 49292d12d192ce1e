package health.leiming.web.console;

import java.io.Serializable;

/** Who is signed in to the console: an admin or an operator account. */
public record ConsoleUser(String id, String username, String name, String role) implements Serializable {

    public boolean admin() {
        return "admin".equals(role);
    }

    public String roleLabel() {
        return admin() ? "管理员" : "运营";
    }
}
