package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * Lab results from the hospital: a member links a person to their patient record at a connected hospital
 * (a local fake FHIR server over real HTTP) by card number, only when the record's ID card number or phone is
 * the person's; the person's DiagnosticReports and their Observations then arrive as lab reports (final ones
 * only, never another patient's), follow the hospital's amendments and withdrawals without duplicates, and
 * can be interpreted by the AI interpretation, values only.
 */
class FhirLabIT extends DeployedEar {

    private final Api api = new Api();
    private final Care care = new Care(api);
    private final FakeModel model = FakeModel.get();

    @Test
    void aLinkedPersonsLabResultsComeFromTheHospitalAndFollowItsChanges() throws Exception {
        try (FakeHospitalFhir hospital = new FakeHospitalFhir()) {
            care.pauseHospitalConnections();
            String hospitalId = care.hospital("检验医院").getString("id");
            String unconnected = care.hospital("未对接医院").getString("id");
            assertEquals(200, api.post("/api/v1/admin/hospital-connections", Json.createObjectBuilder()
                    .add("hospitalId", hospitalId).add("baseUrl", hospital.baseUrl())
                    .add("tokenSetting", "LEIMING_IT_HOSPITAL_FHIR_TOKEN").build().toString(), care.adminToken()).status());

            Api.Session member = api.login(Api.newPhone());
            String idCard = ErasureIT.newIdCard();
            LocalDate born = LocalDate.parse(idCard.substring(6, 10) + "-" + idCard.substring(10, 12) + "-"
                    + idCard.substring(12, 14));
            String father = api.post("/api/v1/persons", Json.createObjectBuilder().add("name", "钱学文").add("relation", "parent")
                    .add("idCard", idCard).build().toString(), member.token()).data().getString("id");
            hospital.put("Patient", List.of(
                    patient("pat-father", "MZ0001", idCard, null, born),
                    patient("pat-self", "MZ0100", null, "+86 " + member.phone(), null),
                    patient("pat-stranger", "MZ0009", ErasureIT.newIdCard(), "13800000000", born)));
            Instant drawn = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            hospital.put("Observation", List.of(
                    quantity("o-glu", "15074-8", "葡萄糖", "7.2", "mmol/L", "3.9", "6.1", "H"),
                    quantity("o-hb", "718-7", "血红蛋白", "105", "g/L", "115", "150", null),
                    text("o-hbsag", "乙肝表面抗原", "阴性"),
                    quantity("o-chol", "2093-3", "总胆固醇", "4.2", "mmol/L", null, "5.2", "N"),
                    quantity("o-stranger", "15074-8", "葡萄糖", "11.0", "mmol/L", "3.9", "6.1", "HH")));
            hospital.put("DiagnosticReport", List.of(
                    report("dr-1", "pat-father", "血常规+血糖", DiagnosticReport.DiagnosticReportStatus.FINAL, drawn,
                            "o-glu", "o-hb", "o-hbsag"),
                    report("dr-2", "pat-father", "肝功能", DiagnosticReport.DiagnosticReportStatus.PRELIMINARY, drawn, "o-glu"),
                    report("dr-x", "pat-stranger", "血糖", DiagnosticReport.DiagnosticReportStatus.FINAL, drawn, "o-stranger"),
                    report("dr-self", "pat-self", "血脂", DiagnosticReport.DiagnosticReportStatus.FINAL, drawn, "o-chol")));

            // Refusals change nothing: no connection, a stranger's card, an unknown card, hostile input, someone else's person.
            assertRefused(409, "HOSPITAL_NOT_CONNECTED", link(member, unconnected, father, "MZ0001"));
            assertRefused(400, "PATIENT_NOT_MATCHED", link(member, hospitalId, father, "MZ0009"));
            assertRefused(400, "PATIENT_NOT_FOUND", link(member, hospitalId, father, "MZ7777"));
            assertRefused(400, "CARD_INVALID", link(member, hospitalId, father, "<script>"));
            Api.Session other = api.login(Api.newPhone());
            assertEquals(404, link(other, hospitalId, father, "MZ0001").status());
            assertEquals(0, api.get("/api/v1/health/hospital-links", member.token()).dataArray().size());
            assertEquals(0, labReports(member, father).size());

            // Linked by the ID card number: the father's final report arrives at once, the stranger's never.
            Api.Reply linked = link(member, hospitalId, father, "MZ0001");
            assertEquals(200, linked.status(), linked.raw());
            assertEquals("****0001", linked.data().getString("cardNumber"));
            assertTrue(linked.data().getBoolean("lastImportOk"), linked.raw());
            List<JsonObject> fathers = labReports(member, father);
            assertEquals(1, fathers.size(), "the preliminary report waits, the stranger's never comes: " + fathers);
            JsonObject summary = fathers.get(0);
            assertEquals("血常规+血糖", summary.getString("name"));
            assertEquals("检验医院", summary.getString("hospitalName"));
            assertEquals(3, summary.getInt("results"));
            assertEquals(2, summary.getInt("outOfRange"));
            assertEquals(drawn, Instant.parse(summary.getString("effectiveAt")));
            String reportId = summary.getString("id");
            List<JsonObject> results = results(member, reportId);
            assertEquals(List.of("葡萄糖 7.2 mmol/L 3.9-6.1 high", "血红蛋白 105 g/L 115-150 low", "乙肝表面抗原 阴性 null null unknown"),
                    results.stream().map(FhirLabIT::line).toList());

            // The member themselves, by the phone the hospital has for them.
            Api.Reply self = link(member, hospitalId, null, "MZ0100");
            assertEquals(200, self.status(), self.raw());
            assertEquals(2, api.get("/api/v1/health/lab-reports", member.token()).data().getJsonArray("items").size());
            assertEquals(404, api.get("/api/v1/health/lab-reports/" + reportId, other.token()).status());
            assertEquals(0, api.get("/api/v1/health/lab-reports", other.token()).data().getJsonArray("items").size());

            // The AI interpretation reads the values, and nothing that says whose they are.
            int before = model.requests.size();
            JsonObject interpretation = interpreted(member, reportId);
            String sent = model.requests.subList(before, model.requests.size()).toString();
            assertTrue(sent.contains("7.2") && sent.contains("3.9-6.1") && sent.contains("105"), sent);
            for (String identifying : List.of("钱学文", "检验医院", "MZ0001", idCard, father, reportId, member.phone())) {
                assertFalse(sent.contains(identifying), "no identifier reaches the model: " + identifying);
            }
            assertEquals(father, interpretation.getString("personId"), "kept with the father's interpretations");

            // The hospital amends the report, then withdraws it: followed, never duplicated.
            hospital.put("Observation", List.of(quantity("o-glu", "15074-8", "葡萄糖", "5.8", "mmol/L", "3.9", "6.1", "N"),
                    quantity("o-hb", "718-7", "血红蛋白", "105", "g/L", "115", "150", null), text("o-hbsag", "乙肝表面抗原", "阴性"),
                    quantity("o-chol", "2093-3", "总胆固醇", "4.2", "mmol/L", null, "5.2", "N")));
            hospital.put("DiagnosticReport", List.of(
                    report("dr-1", "pat-father", "血常规+血糖", DiagnosticReport.DiagnosticReportStatus.AMENDED, drawn,
                            "o-glu", "o-hb", "o-hbsag"),
                    report("dr-self", "pat-self", "血脂", DiagnosticReport.DiagnosticReportStatus.FINAL, drawn, "o-chol")));
            care.runJob("hospital-import", "{}");
            care.runJob("hospital-import", "{}");
            List<JsonObject> amended = labReports(member, father);
            assertEquals(1, amended.size(), amended.toString());
            assertEquals(reportId, amended.get(0).getString("id"), "the same report, updated");
            assertEquals(1, amended.get(0).getInt("outOfRange"));
            assertEquals("葡萄糖 5.8 mmol/L 3.9-6.1 normal", line(results(member, reportId).get(0)));
            assertTrue(hospital.requests.stream().anyMatch(r -> r.contains("_lastUpdated=ge")),
                    "later runs ask only for what changed: " + hospital.requests);

            // The hospital's server refuses us for a while: the links say so, the reports stay as they were.
            JsonObject connection = api.get("/api/v1/admin/hospital-connections", care.adminToken()).dataArray()
                    .getValuesAs(JsonObject.class).stream().filter(c -> c.getString("hospitalId").equals(hospitalId))
                    .findFirst().orElseThrow();
            String connectionPath = "/api/v1/admin/hospital-connections/" + connection.getString("id");
            assertEquals(200, api.put(connectionPath, Json.createObjectBuilder().add("baseUrl", hospital.baseUrl())
                    .add("tokenSetting", "LEIMING_MODE").build().toString(), care.adminToken()).status());
            long execution = api.post("/api/v1/admin/jobs/hospital-import/start", "{}", care.adminToken()).data()
                    .getJsonNumber("executionId").longValue();
            assertEquals("FAILED", api.await("/api/v1/admin/jobs/executions/" + execution, care.adminToken(),
                    r -> r.data().getString("status").equals("FAILED"), java.time.Duration.ofSeconds(60)).data()
                    .getString("status"));
            assertTrue(api.get("/api/v1/health/hospital-links", member.token()).dataArray().getValuesAs(JsonObject.class)
                    .stream().noneMatch(l -> l.getBoolean("lastImportOk")), "both imports failed");
            assertEquals(1, labReports(member, father).size());
            assertEquals(200, api.put(connectionPath, Json.createObjectBuilder().add("baseUrl", hospital.baseUrl())
                    .add("tokenSetting", "LEIMING_IT_HOSPITAL_FHIR_TOKEN").build().toString(), care.adminToken()).status());

            hospital.put("DiagnosticReport", List.of(report("dr-1", "pat-father", "血常规+血糖",
                    DiagnosticReport.DiagnosticReportStatus.ENTEREDINERROR, drawn, "o-glu")));
            care.runJob("hospital-import", "{}");
            assertEquals(0, labReports(member, father).size(), "withdrawn by the hospital");
            assertEquals(1, api.get("/api/v1/health/lab-reports", member.token()).data().getJsonArray("items").size());

            // Unlinked: nothing more is asked for the father.
            Api.Reply unlinked = api.send(api.request("/api/v1/health/hospital-links/" + hospitalId + "?personId=" + father,
                    member.token()).DELETE());
            assertEquals(200, unlinked.status(), unlinked.raw());
            assertEquals(404, api.send(api.request("/api/v1/health/hospital-links/" + hospitalId + "?personId=" + father,
                    member.token()).DELETE()).status());
            int asked = hospital.requests.size();
            care.runJob("hospital-import", "{}");
            assertFalse(hospital.requests.subList(asked, hospital.requests.size()).stream()
                    .anyMatch(r -> r.contains("pat-father")), hospital.requests.toString());
            List<JsonObject> links = api.get("/api/v1/health/hospital-links", member.token()).dataArray()
                    .getValuesAs(JsonObject.class);
            assertEquals(1, links.size(), links.toString());
            assertEquals(member.memberId(), links.get(0).getString("personId"));

            // Linked again and the report corrected: it is back; deleting the father erases his reports and link.
            hospital.put("DiagnosticReport", List.of(report("dr-1", "pat-father", "血常规+血糖",
                    DiagnosticReport.DiagnosticReportStatus.CORRECTED, drawn, "o-glu", "o-hb")));
            assertEquals(200, link(member, hospitalId, father, "MZ0001").status());
            List<JsonObject> back = labReports(member, father);
            assertEquals(1, back.size());
            String again = back.get(0).getString("id");
            Api.Reply removed = api.send(api.request("/api/v1/persons/" + father, member.token()).DELETE());
            assertEquals(200, removed.status(), removed.raw());
            try (Connection db = DriverManager.getConnection(System.getProperty("leiming.it.db-url"),
                    System.getProperty("leiming.it.db-user"), System.getProperty("leiming.it.db-password", ""))) {
                for (String table : List.of("lab_reports", "hospital_patient_links")) {
                    try (PreparedStatement count = db.prepareStatement("select count(*) from " + table + " where person_id = ?")) {
                        count.setString(1, father);
                        try (ResultSet rows = count.executeQuery()) {
                            rows.next();
                            assertEquals(0, rows.getInt(1), table + " keeps nothing of the father");
                        }
                    }
                }
                try (PreparedStatement count = db.prepareStatement("select count(*) from lab_results where report_id = ?")) {
                    count.setString(1, again);
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        assertEquals(0, rows.getInt(1), "nor of his results");
                    }
                }
            }
            care.pauseHospitalConnections();
        }
    }

    private Api.Reply link(Api.Session member, String hospitalId, String personId, String card) {
        return api.put("/api/v1/health/hospital-links/" + hospitalId + (personId == null ? "" : "?personId=" + personId),
                Json.createObjectBuilder().add("cardNumber", card).build().toString(), member.token());
    }

    private static void assertRefused(int status, String code, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.raw());
        assertEquals(code, reply.errorCode(), reply.raw());
    }

    private List<JsonObject> labReports(Api.Session member, String personId) {
        Api.Reply reply = api.get("/api/v1/health/lab-reports?personId=" + personId, member.token());
        assertEquals(200, reply.status(), reply.raw());
        return reply.data().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private List<JsonObject> results(Api.Session member, String reportId) {
        Api.Reply reply = api.get("/api/v1/health/lab-reports/" + reportId, member.token());
        assertEquals(200, reply.status(), reply.raw());
        return reply.data().getJsonArray("results").getValuesAs(JsonObject.class);
    }

    private static String line(JsonObject result) {
        String value = result.containsKey("value") && !result.isNull("value") ? result.getJsonNumber("value").bigDecimalValue()
                .toPlainString() : result.getString("valueText");
        return result.getString("name") + " " + value + " " + result.getString("unit", "null") + " "
                + result.getString("referenceRange", "null") + " " + result.getString("flag");
    }

    /** Asks until the model answers (a circuit opened by another test closes again after a second). */
    private JsonObject interpreted(Api.Session member, String reportId) {
        return model.interpretation(api, member, Json.createObjectBuilder().add("kind", "lab_report")
                .add("reportId", reportId).build().toString());
    }

    private static Patient patient(String id, String card, String idCard, String phone, LocalDate born) {
        Patient patient = new Patient();
        patient.setId(id);
        patient.setActive(true);
        patient.addIdentifier().setSystem("urn:oid:1.2.156.112604.1.2.1").setValue(card);
        if (idCard != null) {
            patient.addIdentifier().setSystem("urn:oid:2.16.156.10011.1.3").setValue(idCard);
        }
        if (phone != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
        }
        if (born != null) {
            patient.setBirthDateElement(new DateType(born.toString()));
        }
        return patient;
    }

    private static Observation quantity(String id, String loinc, String name, String value, String unit, String low,
            String high, String flag) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.getCode().addCoding().setSystem("http://loinc.org").setCode(loinc);
        o.getCode().setText(name);
        o.setValue(new Quantity().setValue(new BigDecimal(value)).setUnit(unit));
        Observation.ObservationReferenceRangeComponent range = o.addReferenceRange();
        if (low != null) {
            range.setLow(new org.hl7.fhir.r4.model.SimpleQuantity().setValue(new BigDecimal(low)).setUnit(unit));
        }
        range.setHigh(new org.hl7.fhir.r4.model.SimpleQuantity().setValue(new BigDecimal(high)).setUnit(unit));
        if (flag != null) {
            o.addInterpretation().addCoding().setSystem(
                    "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation").setCode(flag);
        }
        return o;
    }

    private static Observation text(String id, String name, String value) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.getCode().setText(name);
        o.setValue(new StringType(value));
        return o;
    }

    private static DiagnosticReport report(String id, String patient, String name, DiagnosticReport.DiagnosticReportStatus status,
            Instant effective, String... observations) {
        DiagnosticReport report = new DiagnosticReport();
        report.setId(id);
        report.setStatus(status);
        report.getCode().setText(name);
        report.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v2-0074").setCode("LAB");
        report.setSubject(new Reference("Patient/" + patient));
        report.setEffective(new DateTimeType(Date.from(effective)));
        report.setIssued(Date.from(effective.plus(3, ChronoUnit.HOURS)));
        List<Reference> results = new ArrayList<>();
        for (String o : observations) {
            results.add(new Reference("Observation/" + o));
        }
        report.setResult(results);
        return report;
    }
}
