package health.leiming.web.console;

import health.leiming.care.Catalog;
import health.leiming.care.HospitalView;
import health.leiming.care.ServiceView;
import health.leiming.care.StaffView;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.Masking;
import health.leiming.web.admin.CatalogAdminResource.StaffRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * 陪诊员 (catalog): the companions, those WeCom added waiting for approval first; one companion's
 * form: name, phone, the services they offer, the hospitals they go to, their work days, and whether
 * they work for us (approve / deactivate). Checked by the admin API's own rules; changes audited.
 */
@Named
@ViewScoped
public class CompanionPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Map<String, String> DAYS = Map.of("1", "周一", "2", "周二", "3", "周三", "4", "周四", "5", "周五", "6", "周六",
            "7", "周日");

    @Inject
    transient Catalog catalog;

    @Inject
    transient Validator validator;

    @Inject
    transient AuditTrail audit;

    @Inject
    transient Console console;

    private transient List<StaffView> companions;
    private transient List<ServiceView> services;
    private transient List<HospitalView> hospitals;
    private String id;
    private StaffView saved;
    private String name;
    private String phone;
    private String wecomUserId;
    private List<String> serviceIds = new ArrayList<>();
    private List<String> hospitalIds = new ArrayList<>();
    private List<String> workDays = new ArrayList<>(List.of("1", "2", "3", "4", "5", "6", "7"));
    private boolean active = true;

    /** Pending ones first (they wait for someone), then by name. */
    public List<StaffView> getCompanions() {
        if (companions == null) { // EL asks several times per render: read once per request
            companions = catalog.allStaff().stream().sorted(java.util.Comparator
                    .comparing((StaffView s) -> !"pending".equals(s.status())).thenComparing(StaffView::name)).toList();
        }
        return companions;
    }

    public List<ServiceView> getServices() {
        if (services == null) {
            services = catalog.allServices();
        }
        return services;
    }

    public List<HospitalView> getHospitals() {
        if (hospitals == null) {
            hospitals = catalog.allHospitals();
        }
        return hospitals;
    }

    public List<Map.Entry<String, String>> getDays() {
        return DAYS.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    public String masked(String phone) {
        return phone == null ? "" : Masking.phone(phone);
    }

    public String statusLabel(String status) {
        return switch (status) {
            case "active" -> "在职";
            case "pending" -> "待审核";
            default -> "已离职";
        };
    }

    public void load() {
        if (saved != null || id == null || id.isBlank()) {
            return;
        }
        catalog.allStaff().stream().filter(s -> s.id().equals(id)).findFirst().ifPresent(s -> {
            saved = s;
            name = s.name();
            phone = s.phone();
            wecomUserId = s.wecomUserId();
            serviceIds = new ArrayList<>(s.serviceIds());
            hospitalIds = new ArrayList<>(s.hospitalIds());
            workDays = new ArrayList<>(s.workDays().stream().map(String::valueOf).toList());
            active = "active".equals(s.status());
        });
    }

    public void save() throws IOException {
        String given = phone == null || phone.isBlank() ? null : phone.strip();
        StaffRequest request = new StaffRequest(name, given, wecomUserId, workDays.stream().map(Integer::valueOf).toList(),
                new HashSet<>(serviceIds), new HashSet<>(hospitalIds), active);
        // the masked number shown, left as it was, keeps the stored one (Staff.apply): only a new one is checked
        boolean unchanged = saved != null && given != null && given.equals(saved.phone());
        if (!Actions.valid(validator, "companion", unchanged ? new StaffRequest(name, null, wecomUserId,
                request.workDays(), request.serviceIds(), request.hospitalIds(), active) : request)) {
            return;
        }
        ConsoleUser user = console.getUser();
        boolean created = saved == null;
        StaffView result = Actions.audited(audit, user.id(), user.role(),
                "CONSOLE POST /catalog/staff" + (created ? "" : "/{id}"), created ? null : saved.id(), null,
                () -> created ? catalog.createStaff(request.details()) : catalog.updateStaff(saved.id(), request.details()));
        if (result != null) {
            Actions.redirect("companions.xhtml", "?saved=" + result.id());
        }
    }

    public StaffView getSaved() {
        return saved;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getWecomUserId() {
        return wecomUserId;
    }

    public void setWecomUserId(String wecomUserId) {
        this.wecomUserId = wecomUserId;
    }

    public List<String> getServiceIds() {
        return serviceIds;
    }

    public void setServiceIds(List<String> serviceIds) {
        this.serviceIds = serviceIds;
    }

    public List<String> getHospitalIds() {
        return hospitalIds;
    }

    public void setHospitalIds(List<String> hospitalIds) {
        this.hospitalIds = hospitalIds;
    }

    public List<String> getWorkDays() {
        return workDays;
    }

    public void setWorkDays(List<String> workDays) {
        this.workDays = workDays;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
