package health.leiming.care;

import java.util.List;

/** A hospital with its departments (each with its doctors) as members and admins see it. */
public record HospitalView(String id, String name, String grade, String city, String address, String phone,
        boolean active, List<DepartmentView> departments) {

    public record DepartmentView(String id, String name, String description, List<DoctorView> doctors) {
    }

    public record DoctorView(String id, String name, String title, String specialty) {
    }
}
