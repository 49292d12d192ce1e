package health.leiming.web.admin;

import health.leiming.care.Catalog;
import health.leiming.care.Hospital;
import health.leiming.care.HospitalView;
import health.leiming.care.ServiceDetails;
import health.leiming.care.ServiceView;
import health.leiming.care.Staff;
import health.leiming.care.StaffView;
import health.leiming.web.platform.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Catalog management for admins: services, hospitals with departments and doctors, staff. */
@Path("/admin")
@RolesAllowed({"admin", "operator"})
@SecurityRequirement(name = "jwt")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "care")
public class CatalogAdminResource {

    @Inject
    Catalog catalog;

    @GET
    @Path("/services")
    @Operation(summary = "All services, inactive ones included")
    public ApiResponse<List<ServiceView>> services() {
        return ApiResponse.ok(catalog.allServices());
    }

    @POST
    @Path("/services")
    @Operation(summary = "Add a service to the catalog")
    public ApiResponse<ServiceView> createService(@Valid @NotNull ServiceRequest request) {
        return ApiResponse.ok(catalog.createService(request.details()));
    }

    @PUT
    @Path("/services/{id}")
    @Operation(summary = "Change a service (price, duration, active, order)")
    public ApiResponse<ServiceView> updateService(@PathParam("id") String id, @Valid @NotNull ServiceRequest request) {
        return ApiResponse.ok(catalog.updateService(id, request.details()));
    }

    @POST
    @Path("/hospitals")
    @Operation(summary = "Add a hospital")
    public ApiResponse<HospitalView> createHospital(@Valid @NotNull HospitalRequest request) {
        return ApiResponse.ok(catalog.createHospital(request.details()));
    }

    @PUT
    @Path("/hospitals/{id}")
    @Operation(summary = "Change a hospital")
    public ApiResponse<HospitalView> updateHospital(@PathParam("id") String id, @Valid @NotNull HospitalRequest request) {
        return ApiResponse.ok(catalog.updateHospital(id, request.details()));
    }

    @POST
    @Path("/hospitals/{id}/departments")
    @Operation(summary = "Add a department to a hospital")
    public ApiResponse<HospitalView> addDepartment(@PathParam("id") String hospitalId,
            @Valid @NotNull DepartmentRequest request) {
        return ApiResponse.ok(catalog.addDepartment(hospitalId, request.name(), request.description(),
                request.sortOrder()));
    }

    @POST
    @Path("/departments/{id}/doctors")
    @Operation(summary = "Add a doctor to a department")
    public ApiResponse<HospitalView> addDoctor(@PathParam("id") String departmentId,
            @Valid @NotNull DoctorRequest request) {
        return ApiResponse.ok(catalog.addDoctor(departmentId, request.name(), request.title(), request.specialty()));
    }

    @PUT
    @Path("/departments/{id}")
    @Operation(summary = "Change a department; active=false hides it and its doctors from members")
    public ApiResponse<HospitalView> updateDepartment(@PathParam("id") String departmentId,
            @Valid @NotNull DepartmentRequest request) {
        return ApiResponse.ok(catalog.updateDepartment(departmentId, request.name(), request.description(),
                request.sortOrder(), request.active()));
    }

    @PUT
    @Path("/doctors/{id}")
    @Operation(summary = "Change a doctor; active=false hides them from members")
    public ApiResponse<HospitalView> updateDoctor(@PathParam("id") String doctorId, @Valid @NotNull DoctorRequest request) {
        return ApiResponse.ok(catalog.updateDoctor(doctorId, request.name(), request.title(), request.specialty(),
                request.active()));
    }

    @GET
    @Path("/staff")
    @Operation(summary = "All staff (companions), with services, hospitals and work days")
    public ApiResponse<List<StaffView>> staff() {
        return ApiResponse.ok(catalog.allStaff());
    }

    @POST
    @Path("/staff")
    @Operation(summary = "Add a staff member")
    public ApiResponse<StaffView> createStaff(@Valid @NotNull StaffRequest request) {
        return ApiResponse.ok(catalog.createStaff(request.details()));
    }

    @PUT
    @Path("/staff/{id}")
    @Operation(summary = "Change a staff member (services, hospitals, work days, active)")
    public ApiResponse<StaffView> updateStaff(@PathParam("id") String id, @Valid @NotNull StaffRequest request) {
        return ApiResponse.ok(catalog.updateStaff(id, request.details()));
    }

    public record ServiceRequest(
            @NotBlank(message = "请填写服务名称") @Size(max = 100, message = "名称最多100个字") String name,
            @NotBlank(message = "请选择服务类别") String category,
            @Size(max = 5000, message = "介绍最多5000个字") String description,
            @NotNull(message = "请填写价格") @DecimalMin(value = "0", message = "价格不能为负")
            @Digits(integer = 8, fraction = 2, message = "价格最多两位小数") BigDecimal price,
            @NotNull(message = "请填写服务时长") @Min(value = 1, message = "服务时长至少1分钟")
            @Max(value = 1440, message = "服务时长最多24小时") Integer durationMinutes,
            Boolean active,
            Integer sortOrder) {
        public ServiceDetails details() {
            return new ServiceDetails(name, category, description, price, durationMinutes, active, sortOrder);
        }
    }

    public record HospitalRequest(
            @NotBlank(message = "请填写医院名称") @Size(max = 100, message = "医院名称最多100个字") String name,
            @Size(max = 20, message = "等级最多20个字") String grade,
            @Size(max = 50, message = "城市最多50个字") String city,
            @Size(max = 255, message = "地址最多255个字") String address,
            @Size(max = 30, message = "电话最多30个字符") String phone,
            Boolean active,
            Integer sortOrder) {
        public Hospital.HospitalDetails details() {
            return new Hospital.HospitalDetails(name, grade, city, address, phone, active, sortOrder);
        }
    }

    /** A department as created or changed; active is kept when not given. */
    public record DepartmentRequest(
            @NotBlank(message = "请填写科室名称") @Size(max = 100, message = "科室名称最多100个字") String name,
            @Size(max = 500, message = "介绍最多500个字") String description, Integer sortOrder, Boolean active) {
    }

    /** A doctor as created or changed; active is kept when not given. */
    public record DoctorRequest(
            @NotBlank(message = "请填写医生姓名") @Size(max = 50, message = "姓名最多50个字") String name,
            @Size(max = 50, message = "职称最多50个字") String title,
            @Size(max = 500, message = "擅长最多500个字") String specialty, Boolean active) {
    }

    public record StaffRequest(
            @NotBlank(message = "请填写姓名") @Size(max = 50) String name,
            @Pattern(regexp = "1[3-9]\\d{9}", message = "请填写正确的手机号码") String phone,
            @Size(max = 64) String wecomUserId,
            List<Integer> workDays,
            Set<String> serviceIds,
            Set<String> hospitalIds,
            Boolean active) {
        public Staff.StaffDetails details() {
            return new Staff.StaffDetails(name, phone, wecomUserId, workDays, serviceIds, hospitalIds, active);
        }
    }
}
