package health.leiming.care;

import health.leiming.platform.ActiveAccounts;
import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The service catalog, hospitals (with departments and doctors) and staff: members browse what is
 * active; admins manage everything.
 */
@Stateless
public class Catalog {

    @PersistenceContext(unitName = "leiming")
    EntityManager em;

    @Inject
    ActiveAccounts accounts;

    // ---- members: browse --------------------------------------------------------------------

    public List<ServiceView> activeServices(String category) {
        ServiceCategory wanted = category == null || category.isBlank() ? null : ServiceCategory.parse(category);
        TypedQuery<CareService> query = em.createQuery("select s from CareService s where s.active = true"
                + (wanted == null ? "" : " and s.category = :category") + " order by s.sortOrder, s.name", CareService.class);
        if (wanted != null) {
            query.setParameter("category", wanted);
        }
        return query.getResultStream().map(CareService::view).toList();
    }

    /** A service's name, active or not (for what refers to it); null for none. */
    public String serviceName(String serviceId) {
        CareService service = serviceId == null ? null : em.find(CareService.class, serviceId);
        return service == null ? null : service.name();
    }

    public ServiceView activeService(String id) {
        CareService service = em.find(CareService.class, id);
        if (service == null || !service.active()) {
            throw BusinessException.notFound("服务");
        }
        return service.view();
    }

    public List<HospitalView> activeHospitals() {
        return em.createQuery("select h from Hospital h where h.active = true order by h.sortOrder, h.name", Hospital.class)
                .getResultStream().map(h -> h.view(List.of())).toList();
    }

    /** Every hospital, inactive ones too, without departments: for the catalog's editors. */
    public List<HospitalView> allHospitals() {
        return em.createQuery("select h from Hospital h order by h.sortOrder, h.name", Hospital.class)
                .getResultStream().map(h -> h.view(List.of())).toList();
    }

    /**
     * A hospital with its departments and their doctors: for members, only the active ones of an active
     * hospital; for the catalog's editors (includeInactive), everything.
     */
    public HospitalView hospital(String id, boolean includeInactive) {
        Hospital hospital = id == null ? null : em.find(Hospital.class, id);
        if (hospital == null || !includeInactive && !hospital.active()) {
            throw BusinessException.notFound("医院");
        }
        String onlyActive = includeInactive ? "" : " and d.active = true";
        Map<String, List<HospitalView.DoctorView>> doctors = em.createQuery("select d from Doctor d"
                + " where d.hospitalId = :hospital" + onlyActive + " order by d.name", Doctor.class)
                .setParameter("hospital", id).getResultStream()
                .collect(Collectors.groupingBy(Doctor::departmentId, Collectors.mapping(Doctor::view, Collectors.toList())));
        List<HospitalView.DepartmentView> departments = em.createQuery("select d from Department d"
                + " where d.hospitalId = :hospital" + onlyActive + " order by d.sortOrder, d.name", Department.class)
                .setParameter("hospital", id).getResultStream()
                .map(d -> d.view(doctors.getOrDefault(d.id(), List.of()))).toList();
        return hospital.view(departments);
    }

    /** Sample catalog for trying the product (the run command's sample data): only into an empty catalog. */
    /**
     * Counts a member's rating into the service's and the companion's averages. Under row locks, so
     * that concurrent reviews of the same service or companion do not lose a rating.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void rate(String serviceId, String staffId, int stars) {
        em.find(CareService.class, serviceId, LockModeType.PESSIMISTIC_WRITE).rate(stars);
        if (staffId != null) {
            em.find(Staff.class, staffId, LockModeType.PESSIMISTIC_WRITE).rate(stars);
        }
    }

    /** The hospital's name for messages (active or not); null for none. */
    public String hospitalName(String hospitalId) {
        Hospital hospital = hospitalId == null ? null : em.find(Hospital.class, hospitalId);
        return hospital == null ? null : hospital.name();
    }

    public void ensureSampleCatalog() {
        if (em.createQuery("select count(s) from CareService s", Long.class).getSingleResult() > 0) {
            return;
        }
        Instant now = Instant.now();
        CareService companion = new CareService(new ServiceDetails("全程陪诊", "companion",
                "挂号、候诊、检查、取药全程陪同", new BigDecimal("299.00"), 240, true, 1), now);
        CareService report = new CareService(new ServiceDetails("代取报告", "report_pickup",
                "代取检查报告并拍照发送", new BigDecimal("39.00"), 60, true, 2), now);
        CareService inpatient = new CareService(new ServiceDetails("住院陪护（半天）", "inpatient_care",
                "住院期间生活照料与陪伴", new BigDecimal("480.00"), 240, true, 3), now);
        List.of(companion, report, inpatient).forEach(em::persist);
        Hospital hospital = new Hospital(new Hospital.HospitalDetails("上海市第一人民医院", "三级甲等", "上海",
                "虹口区海宁路100号", "021-63240090", true, 1), now);
        em.persist(hospital);
        em.flush(); // rows go in in dependency order: no relationships are mapped for EclipseLink to order them
        Department cardiology = new Department(hospital.id(), "心血管内科", "高血压、冠心病", 1);
        Department endocrinology = new Department(hospital.id(), "内分泌科", "糖尿病、甲状腺疾病", 2);
        em.persist(cardiology);
        em.persist(endocrinology);
        em.flush();
        em.persist(new Doctor(cardiology, "李明", "主任医师", "高血压、心力衰竭"));
        em.persist(new Doctor(endocrinology, "王芳", "副主任医师", "2型糖尿病"));
        for (String name : List.of("张护工", "刘护工", "陈护工")) {
            em.persist(new Staff(new Staff.StaffDetails(name, null, null, null,
                    Set.of(companion.id(), report.id(), inpatient.id()), Set.of(hospital.id()), true),
                    now));
        }
    }

    // ---- admins: manage ---------------------------------------------------------------------

    public List<ServiceView> allServices() {
        return em.createQuery("select s from CareService s order by s.sortOrder, s.name", CareService.class)
                .getResultStream().map(CareService::view).toList();
    }

    public ServiceView createService(ServiceDetails details) {
        CareService service = new CareService(details, Instant.now());
        em.persist(service);
        return service.view();
    }

    public ServiceView updateService(String id, ServiceDetails details) {
        CareService service = em.find(CareService.class, id);
        if (service == null) {
            throw BusinessException.notFound("服务");
        }
        service.apply(details, Instant.now());
        return service.view();
    }

    public HospitalView createHospital(Hospital.HospitalDetails details) {
        Hospital hospital = new Hospital(details, Instant.now());
        em.persist(hospital);
        return hospital.view(List.of());
    }

    public HospitalView updateHospital(String id, Hospital.HospitalDetails details) {
        Hospital hospital = em.find(Hospital.class, id);
        if (hospital == null) {
            throw BusinessException.notFound("医院");
        }
        hospital.apply(details, Instant.now());
        return hospital(id, true);
    }

    public HospitalView addDepartment(String hospitalId, String name, String description, Integer sortOrder) {
        if (em.find(Hospital.class, hospitalId) == null) {
            throw BusinessException.notFound("医院");
        }
        em.persist(new Department(hospitalId, name, description, sortOrder));
        em.flush();
        return hospital(hospitalId, true);
    }

    public HospitalView addDoctor(String departmentId, String name, String title, String specialty) {
        Department department = em.find(Department.class, departmentId);
        if (department == null) {
            throw BusinessException.notFound("科室");
        }
        em.persist(new Doctor(department, name, title, specialty));
        em.flush();
        return hospital(department.hospitalId(), true);
    }

    /** Changes a department; deactivating one hides it (and its doctors) from members. */
    public HospitalView updateDepartment(String departmentId, String name, String description, Integer sortOrder,
            Boolean active) {
        Department department = departmentId == null ? null : em.find(Department.class, departmentId);
        if (department == null) {
            throw BusinessException.notFound("科室");
        }
        department.apply(name, description, sortOrder, active);
        em.flush();
        return hospital(department.hospitalId(), true);
    }

    /** Changes a doctor; a deactivated doctor is no longer shown to members. */
    public HospitalView updateDoctor(String doctorId, String name, String title, String specialty, Boolean active) {
        Doctor doctor = doctorId == null ? null : em.find(Doctor.class, doctorId);
        if (doctor == null) {
            throw BusinessException.notFound("医生");
        }
        doctor.apply(name, title, specialty, active);
        em.flush();
        return hospital(doctor.hospitalId(), true);
    }

    public List<StaffView> allStaff() {
        return em.createQuery("select s from Staff s order by s.name", Staff.class).getResultStream()
                .map(Staff::view).sorted(Comparator.comparing(StaffView::name)).toList();
    }

    public StaffView createStaff(Staff.StaffDetails details) {
        Staff staff = new Staff(details, Instant.now());
        checkReferences(details);
        em.persist(staff);
        flushUniqueWecomId();
        return staff.view();
    }

    public StaffView updateStaff(String id, Staff.StaffDetails details) {
        Staff staff = em.find(Staff.class, id);
        if (staff == null) {
            throw BusinessException.notFound("服务人员");
        }
        checkReferences(details);
        staff.apply(details, Instant.now());
        flushUniqueWecomId();
        accounts.forget(id); // a companion made inactive here loses their tokens at once
        return staff.view();
    }

    private void flushUniqueWecomId() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new BusinessException(ErrorKind.CONFLICT, "WECOM_USER_TAKEN", "该企业微信账号已绑定其他服务人员");
        }
    }

    private void checkReferences(Staff.StaffDetails details) {
        for (String serviceId : details.serviceIds() == null ? List.<String>of() : details.serviceIds()) {
            if (em.find(CareService.class, serviceId) == null) {
                throw new BusinessException(ErrorKind.BAD_REQUEST, "SERVICE_UNKNOWN", "服务不存在：" + serviceId);
            }
        }
        for (String hospitalId : details.hospitalIds() == null ? List.<String>of() : details.hospitalIds()) {
            if (em.find(Hospital.class, hospitalId) == null) {
                throw new BusinessException(ErrorKind.BAD_REQUEST, "HOSPITAL_UNKNOWN", "医院不存在：" + hospitalId);
            }
        }
    }
}
