package health.leiming.web.console;

import health.leiming.member.AdminAccount;
import health.leiming.member.AdminAccounts;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.web.admin.AdminAccountResource.NewAccount;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Validator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * 账号 (admins only, under /console/admin/): the admin and operator accounts; an admin adds one with its
 * first password (the password rules apply), changes its role, disables or enables it (its sessions and
 * tokens stop at once; the last enabled admin stays), and gives it a new password (its second factor is
 * then enrolled again). Each change is audited by the account service and as a console action.
 */
@Named
@RequestScoped
public class AccountsPage {

    @Inject
    AdminAccounts accounts;

    @Inject
    Validator validator;

    @Inject
    AuditTrail audit;

    @Inject
    Console console;

    private List<AdminAccount.AdminView> list;
    private String username;
    private String name;
    private String role = "operator";
    private String password;

    public List<AdminAccount.AdminView> getAccounts() {
        if (list == null) { // EL asks several times per render: read once per request
            list = accounts.list();
        }
        return list;
    }

    public void create() {
        NewAccount request = new NewAccount(username, name, role, password);
        if (!Actions.valid(validator, "account", request)) {
            password = null;
            return;
        }
        AdminAccount.AdminView created = change("CONSOLE POST /accounts", null,
                refusal -> "USERNAME_TAKEN".equals(refusal.code()) ? "account:username" : "account:password",
                () -> accounts.create(console.getUser().id(), request.username(), request.name(), request.role(),
                        request.password()));
        password = null; // never shown again, whatever happened
        if (created != null) {
            Console.info("已创建账号 " + created.username() + "，请把初始密码当面告知本人，首次登录后绑定身份验证器");
            username = null;
            name = null;
        }
    }

    public void changeRole() {
        String id = Console.param("accountId");
        String newRole = Console.param("role");
        if (change("CONSOLE POST /accounts/{id}/role", id, refusal -> null,
                () -> accounts.change(console.getUser().id(), id, null, newRole, null)) != null) {
            Console.info("角色已更新");
        }
    }

    public void disable() {
        enable(false);
    }

    public void enable() {
        enable(true);
    }

    private void enable(boolean active) {
        String id = Console.param("accountId");
        if (change("CONSOLE POST /accounts/{id}/" + (active ? "enable" : "disable"), id, refusal -> null,
                () -> accounts.change(console.getUser().id(), id, null, null, active)) != null) {
            Console.info(active ? "账号已启用" : "账号已停用，其登录已全部失效");
        }
    }

    public void reset() {
        String id = Console.param("accountId");
        String newPassword = Console.param("newPassword");
        if (change("CONSOLE POST /accounts/{id}/reset", id, refusal -> null,
                () -> accounts.reset(console.getUser().id(), id, newPassword)) != null) {
            Console.info("密码已重置；该账号需重新绑定身份验证器");
        }
    }

    private AdminAccount.AdminView change(String action, String id, Function<BusinessException, String> field,
            Supplier<AdminAccount.AdminView> work) {
        ConsoleUser user = console.getUser();
        AdminAccount.AdminView result = Actions.auditedAt(audit, user.id(), user.role(), action, id, field, work);
        list = null;
        return result;
    }

    public String statusLabel(AdminAccount.AdminView account) {
        return "active".equals(account.status()) ? "启用" : "已停用";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
