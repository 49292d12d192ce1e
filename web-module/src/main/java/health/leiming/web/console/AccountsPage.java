package health.leiming.web.console;

import health.leiming.member.AdminAccount;
import health.leiming.member.AdminAccounts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** 账号 (admins only, under /console/admin/): the admin and operator accounts. */
@Named
@RequestScoped
public class AccountsPage {

    @Inject
    AdminAccounts accounts;

    private List<AdminAccount.AdminView> list;

    public List<AdminAccount.AdminView> getAccounts() {
        if (list == null) { // EL asks several times per render: read once per request
            list = accounts.list();
        }
        return list;
    }
}
