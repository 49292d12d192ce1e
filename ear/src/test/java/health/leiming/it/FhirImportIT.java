package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.Test;

/**
 * From the hospital: an admin connects a hospital's own FHIR server (a local fake over real HTTP), and the
 * hospital-import job brings its doctors (with title and department) and their clinic times into the
 * catalog; run again after the hospital changed, it updates, retires and removes, and never duplicates.
 */
class FhirImportIT extends DeployedEar {

    private final Api api = new Api();
    private final Care care = new Care(api);

    @Test
    void doctorsAndClinicTimesComeFromTheHospitalsServerAndFollowItsChanges() throws Exception {
        try (FakeHospitalFhir hospital = new FakeHospitalFhir()) {
            care.pauseHospitalConnections();
            String hospitalId = care.hospital("同步医院").getString("id");
            Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            hospital.put("Practitioner", List.of(practitioner("p1", "王", "建国"), practitioner("p2", "李", "芳"),
                    practitioner("p3", "赵", "敏")));
            hospital.put("PractitionerRole", List.of(role("r1", "p1", "主任医师", "心血管内科"), role("r2", "p2", "副主任医师", "内分泌科")));
            hospital.put("Schedule", List.of(schedule("s1", "Practitioner/p1"), schedule("s2", "PractitionerRole/r2")));
            hospital.put("Slot", List.of(slot("sl1", "s1", tomorrow, Slot.SlotStatus.FREE),
                    slot("sl2", "s1", tomorrow.plus(30, ChronoUnit.MINUTES), Slot.SlotStatus.BUSY),
                    slot("sl3", "s2", tomorrow.plus(2, ChronoUnit.HOURS), Slot.SlotStatus.FREE)));

            Api.Reply refused = api.post("/api/v1/admin/hospital-connections", Json.createObjectBuilder()
                    .add("hospitalId", hospitalId).add("baseUrl", "ftp://his.hospital.cn").build().toString(), care.adminToken());
            assertEquals(400, refused.status(), refused.raw());
            Api.Reply connected = api.post("/api/v1/admin/hospital-connections", Json.createObjectBuilder()
                    .add("hospitalId", hospitalId).add("baseUrl", hospital.baseUrl())
                    .add("tokenSetting", "LEIMING_IT_HOSPITAL_FHIR_TOKEN").build().toString(), care.adminToken());
            assertEquals(200, connected.status(), connected.raw());

            care.runJob("hospital-import", "{}");
            JsonObject catalog = api.get("/api/v1/hospitals/" + hospitalId, null).data();
            assertEquals(List.of("主任医师 王建国 心血管内科", "副主任医师 李芳 内分泌科", "null 赵敏 门诊"), doctors(catalog));
            String wang = doctorId(catalog, "王建国");
            List<JsonObject> times = api.get("/api/v1/doctors/" + wang + "/clinic-times", null).dataArray()
                    .getValuesAs(JsonObject.class);
            assertEquals(2, times.size(), times.toString());
            assertEquals(tomorrow.toString(), Instant.parse(times.get(0).getString("startsAt")).toString());
            assertTrue(times.get(0).getBoolean("free"));
            assertFalse(times.get(1).getBoolean("free"), "a booked slot shows as booked");
            assertTrue(hospital.requests.stream().anyMatch(r -> r.startsWith("/fhir/Practitioner?page=2")), "followed next links");

            // The hospital changes: 李芳 leaves, 王建国's first slot is taken, a slot is cancelled.
            hospital.put("Practitioner", List.of(practitioner("p1", "王", "建国"), practitioner("p3", "赵", "敏")));
            hospital.put("Slot", List.of(slot("sl1", "s1", tomorrow, Slot.SlotStatus.BUSY)));
            care.runJob("hospital-import", "{}");
            care.runJob("hospital-import", "{}");
            JsonObject after = api.get("/api/v1/hospitals/" + hospitalId, null).data();
            assertEquals(List.of("主任医师 王建国 心血管内科", "null 赵敏 门诊"), doctors(after), "李芳 retired, none twice");
            List<JsonObject> timesAfter = api.get("/api/v1/doctors/" + wang + "/clinic-times", null).dataArray()
                    .getValuesAs(JsonObject.class);
            assertEquals(1, timesAfter.size(), timesAfter.toString());
            assertFalse(timesAfter.get(0).getBoolean("free"));
            JsonObject connection = api.get("/api/v1/admin/hospital-connections", care.adminToken()).dataArray()
                    .getValuesAs(JsonObject.class).stream().filter(c -> c.getString("hospitalId").equals(hospitalId))
                    .findFirst().orElseThrow();
            assertTrue(connection.getString("lastResult").startsWith("ok"), connection.toString());

            // A wrong token at the hospital: the run fails and says why; the catalog stays as it was.
            String connectionId = connection.getString("id");
            assertEquals(200, api.put("/api/v1/admin/hospital-connections/" + connectionId, Json.createObjectBuilder()
                    .add("baseUrl", hospital.baseUrl()).add("tokenSetting", "LEIMING_MODE").build().toString(),
                    care.adminToken()).status());
            Api.Reply started = api.post("/api/v1/admin/jobs/hospital-import/start", "{}", care.adminToken());
            long execution = started.data().getJsonNumber("executionId").longValue();
            Api.Reply failed = api.await("/api/v1/admin/jobs/executions/" + execution, care.adminToken(),
                    r -> r.data().getString("status").equals("FAILED"), java.time.Duration.ofSeconds(60));
            assertEquals("FAILED", failed.data().getString("status"), failed.raw());
            JsonObject failedConnection = api.get("/api/v1/admin/hospital-connections", care.adminToken()).dataArray()
                    .getValuesAs(JsonObject.class).stream().filter(c -> c.getString("id").equals(connectionId))
                    .findFirst().orElseThrow();
            assertTrue(failedConnection.getString("lastResult").contains("401"), failedConnection.toString());
            assertEquals(doctors(after), doctors(api.get("/api/v1/hospitals/" + hospitalId, null).data()));

            // Paused, the connection is left alone by later runs (and by other tests' runs of the job).
            assertEquals(200, api.put("/api/v1/admin/hospital-connections/" + connectionId, Json.createObjectBuilder()
                    .add("baseUrl", hospital.baseUrl()).add("active", false).build().toString(), care.adminToken()).status());
            int asked = hospital.requests.size();
            care.runJob("hospital-import", "{}");
            assertEquals(asked, hospital.requests.size(), "a paused connection is not imported");
        }
    }

    private static List<String> doctors(JsonObject hospital) {
        return hospital.getJsonArray("departments").getValuesAs(JsonObject.class).stream()
                .flatMap(d -> d.getJsonArray("doctors").getValuesAs(JsonObject.class).stream()
                        .map(doctor -> doctor.getString("title", "null") + " " + doctor.getString("name") + " "
                                + d.getString("name")))
                .sorted((a, b) -> order(a) - order(b)).toList();
    }

    private static int order(String doctor) {
        return doctor.contains("王建国") ? 0 : doctor.contains("李芳") ? 1 : 2;
    }

    private static String doctorId(JsonObject hospital, String name) {
        return hospital.getJsonArray("departments").getValuesAs(JsonObject.class).stream()
                .flatMap(d -> d.getJsonArray("doctors").getValuesAs(JsonObject.class).stream())
                .filter(d -> d.getString("name").equals(name)).findFirst().orElseThrow().getString("id");
    }

    private static Practitioner practitioner(String id, String family, String given) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(id);
        practitioner.setActive(true);
        practitioner.addName().setFamily(family).addGiven(given);
        return practitioner;
    }

    private static PractitionerRole role(String id, String practitioner, String title, String specialty) {
        PractitionerRole role = new PractitionerRole();
        role.setId(id);
        role.setActive(true);
        role.setPractitioner(new Reference("Practitioner/" + practitioner));
        role.addCode().setText(title);
        role.addSpecialty().setText(specialty);
        return role;
    }

    private static Schedule schedule(String id, String actor) {
        Schedule schedule = new Schedule();
        schedule.setId(id);
        schedule.setActive(true);
        schedule.addActor(new Reference(actor));
        return schedule;
    }

    private static Slot slot(String id, String schedule, Instant start, Slot.SlotStatus status) {
        Slot slot = new Slot();
        slot.setId(id);
        slot.setSchedule(new Reference("Schedule/" + schedule));
        slot.setStatus(status);
        slot.setStart(Date.from(start));
        slot.setEnd(Date.from(start.plus(30, ChronoUnit.MINUTES)));
        return slot;
    }
}
