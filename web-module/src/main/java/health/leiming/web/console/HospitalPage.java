package health.leiming.web.console;

import health.leiming.care.Catalog;
import health.leiming.care.HospitalView;
import health.leiming.platform.AuditTrail;
import health.leiming.platform.BusinessException;
import health.leiming.web.admin.CatalogAdminResource.DepartmentRequest;
import health.leiming.web.admin.CatalogAdminResource.DoctorRequest;
import health.leiming.web.admin.CatalogAdminResource.HospitalRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * 医院 (catalog): the hospitals members choose from, and one hospital's page with its details, its
 * departments and their doctors. Each is added, changed and deactivated here (an inactive one is
 * hidden from members, its history kept), checked by the admin API's rules; each change is audited.
 * The page's parameters choose what the side forms edit: {@code dept} a department, {@code doctor} a
 * doctor; without them they add a new one.
 */
@Named
@ViewScoped
public class HospitalPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Catalog catalog;

    @Inject
    transient Validator validator;

    @Inject
    transient AuditTrail audit;

    @Inject
    transient Console console;

    private transient List<HospitalView> hospitals;
    private String id;
    private String dept;
    private String doctor;
    private HospitalView saved;

    private String name;
    private String grade;
    private String city;
    private String address;
    private String phone;
    private Integer sortOrder;
    private boolean active = true;

    private String deptName;
    private String deptDescription;
    private Integer deptSortOrder;
    private boolean deptActive = true;

    private String doctorDepartmentId;
    private String doctorName;
    private String doctorTitle;
    private String doctorSpecialty;
    private boolean doctorActive = true;

    public List<HospitalView> getHospitals() {
        if (hospitals == null) { // EL asks several times per render: read once
            hospitals = catalog.allHospitals();
        }
        return hospitals;
    }

    /** f:viewAction: the hospital named by id (inactive ones too), and the department or doctor to edit. */
    public void load() {
        if (saved != null || id == null || id.isBlank()) {
            return;
        }
        try {
            saved = catalog.hospital(id, true);
        } catch (BusinessException e) {
            return; // the page says the hospital does not exist
        }
        name = saved.name();
        grade = saved.grade();
        city = saved.city();
        address = saved.address();
        phone = saved.phone();
        sortOrder = saved.sortOrder();
        active = saved.active();
        editedDepartment().ifPresent(d -> {
            deptName = d.name();
            deptDescription = d.description();
            deptSortOrder = d.sortOrder();
            deptActive = d.active();
        });
        editedDoctor().ifPresent(d -> {
            doctorDepartmentId = d.departmentId();
            doctorName = d.name();
            doctorTitle = d.title();
            doctorSpecialty = d.specialty();
            doctorActive = d.active();
        });
        Actions.sayDone(done -> switch (done) {
            case "department" -> "科室已保存";
            case "doctor" -> "医生已保存";
            default -> "医院已保存";
        });
    }

    public void saveHospital() throws IOException {
        HospitalRequest request = new HospitalRequest(name, blank(grade), blank(city), blank(address), blank(phone),
                active, sortOrder);
        if (!Actions.valid(validator, "hospital", request)) {
            return;
        }
        boolean created = saved == null;
        HospitalView result = change("CONSOLE POST /catalog/hospitals" + (created ? "" : "/{id}"),
                created ? null : saved.id(), "hospital:name",
                () -> created ? catalog.createHospital(request.details()) : catalog.updateHospital(saved.id(), request.details()));
        if (result != null) {
            Actions.redirect("hospital.xhtml", "?id=" + result.id() + "&done=hospital");
        }
    }

    public void saveDepartment() throws IOException {
        DepartmentRequest request = new DepartmentRequest(deptName, blank(deptDescription), deptSortOrder, deptActive);
        if (!Actions.valid(validator, "department", request)) {
            return;
        }
        Optional<HospitalView.DepartmentView> edited = editedDepartment();
        HospitalView result = change("CONSOLE POST /catalog/departments" + (edited.isPresent() ? "/{id}" : ""),
                edited.map(HospitalView.DepartmentView::id).orElse(saved.id()), "department:name",
                () -> edited.isPresent()
                        ? catalog.updateDepartment(edited.get().id(), request.name(), request.description(),
                                request.sortOrder(), request.active())
                        : catalog.addDepartment(saved.id(), request.name(), request.description(), request.sortOrder()));
        if (result != null) {
            Actions.redirect("hospital.xhtml", "?id=" + saved.id() + "&done=department");
        }
    }

    public void saveDoctor() throws IOException {
        DoctorRequest request = new DoctorRequest(doctorName, blank(doctorTitle), blank(doctorSpecialty), doctorActive);
        if (!Actions.valid(validator, "doctor", request)) {
            return;
        }
        Optional<HospitalView.DoctorView> edited = editedDoctor();
        if (edited.isEmpty() && saved.departments().stream().noneMatch(d -> d.id().equals(doctorDepartmentId))) {
            Console.error("doctor:department", "请选择科室");
            return;
        }
        HospitalView result = change("CONSOLE POST /catalog/doctors" + (edited.isPresent() ? "/{id}" : ""),
                edited.map(HospitalView.DoctorView::id).orElse(doctorDepartmentId), "doctor:name",
                () -> edited.isPresent()
                        ? catalog.updateDoctor(edited.get().id(), request.name(), request.title(), request.specialty(),
                                request.active())
                        : catalog.addDoctor(doctorDepartmentId, request.name(), request.title(), request.specialty()));
        if (result != null) {
            Actions.redirect("hospital.xhtml", "?id=" + saved.id() + "&done=doctor");
        }
    }

    private HospitalView change(String action, String resourceId, String field, Supplier<HospitalView> work) {
        ConsoleUser user = console.getUser();
        return Actions.audited(audit, user.id(), user.role(), action, resourceId, field, work);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The department the side form edits (the dept parameter), if it is this hospital's. */
    public Optional<HospitalView.DepartmentView> editedDepartment() {
        return saved == null || dept == null ? Optional.empty()
                : saved.departments().stream().filter(d -> d.id().equals(dept)).findFirst();
    }

    /** The doctor the side form edits (the doctor parameter), if they are this hospital's. */
    public Optional<HospitalView.DoctorView> editedDoctor() {
        return doctor == null ? Optional.empty() : getDoctors().stream().filter(d -> d.id().equals(doctor)).findFirst();
    }

    /** An id was given but names no hospital: the page says so instead of offering a new one. */
    public boolean isMissing() {
        return id != null && !id.isBlank() && saved == null;
    }

    public boolean isEditingDepartment() {
        return editedDepartment().isPresent();
    }

    public boolean isEditingDoctor() {
        return editedDoctor().isPresent();
    }

    /** Department names by id, for the doctors' table. */
    public Map<String, String> getDepartmentNames() {
        return saved == null ? Map.of() : saved.departments().stream()
                .collect(Collectors.toMap(HospitalView.DepartmentView::id, HospitalView.DepartmentView::name));
    }

    /** Every doctor of the hospital, department by department. */
    public List<HospitalView.DoctorView> getDoctors() {
        return saved == null ? List.of() : saved.departments().stream().flatMap(d -> d.doctors().stream()).toList();
    }

    public HospitalView getSaved() {
        return saved;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getDept() {
        return dept;
    }

    public void setDept(String dept) {
        this.dept = dept;
    }

    public String getDoctor() {
        return doctor;
    }

    public void setDoctor(String doctor) {
        this.doctor = doctor;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getGrade() {
        return grade;
    }

    public void setGrade(String grade) {
        this.grade = grade;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public Integer getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(Integer sortOrder) {
        this.sortOrder = sortOrder;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getDeptName() {
        return deptName;
    }

    public void setDeptName(String deptName) {
        this.deptName = deptName;
    }

    public String getDeptDescription() {
        return deptDescription;
    }

    public void setDeptDescription(String deptDescription) {
        this.deptDescription = deptDescription;
    }

    public Integer getDeptSortOrder() {
        return deptSortOrder;
    }

    public void setDeptSortOrder(Integer deptSortOrder) {
        this.deptSortOrder = deptSortOrder;
    }

    public boolean isDeptActive() {
        return deptActive;
    }

    public void setDeptActive(boolean deptActive) {
        this.deptActive = deptActive;
    }

    public String getDoctorDepartmentId() {
        return doctorDepartmentId;
    }

    public void setDoctorDepartmentId(String doctorDepartmentId) {
        this.doctorDepartmentId = doctorDepartmentId;
    }

    public String getDoctorName() {
        return doctorName;
    }

    public void setDoctorName(String doctorName) {
        this.doctorName = doctorName;
    }

    public String getDoctorTitle() {
        return doctorTitle;
    }

    public void setDoctorTitle(String doctorTitle) {
        this.doctorTitle = doctorTitle;
    }

    public String getDoctorSpecialty() {
        return doctorSpecialty;
    }

    public void setDoctorSpecialty(String doctorSpecialty) {
        this.doctorSpecialty = doctorSpecialty;
    }

    public boolean isDoctorActive() {
        return doctorActive;
    }

    public void setDoctorActive(boolean doctorActive) {
        this.doctorActive = doctorActive;
    }
}
