package health.leiming.care;

import java.util.List;

/**
 * A hospital with its departments (each with its doctors) as members and admins see it: members see
 * only what is active, admins everything.
 */
public record HospitalView(String id, String name, String grade, String city, String address, String phone,
        boolean active, Integer sortOrder, List<DepartmentView> departments) {

    public record DepartmentView(String id, String name, String description, int sortOrder, boolean active,
            List<DoctorView> doctors) {
    }

    public record DoctorView(String id, String departmentId, String name, String title, String specialty,
            boolean active) {
    }
}
