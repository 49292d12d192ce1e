package health.leiming.web.fhir;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * What the FHIR API really does, for hospital systems to discover: the CapabilityStatement (resources,
 * interactions, search parameters, SMART on FHIR security) and the SMART configuration (the token
 * endpoint and how to authenticate there).
 */
final class FhirCapabilities {

    private static final Date PUBLISHED = new Date(1_796_169_600_000L); // 2026-12-02

    private FhirCapabilities() {
    }

    static CapabilityStatement statement(String base) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setDate(PUBLISHED);
        cs.setPublisher("雷鸣健康");
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.getSoftware().setName("Leiming Health");
        cs.getImplementation().setDescription("雷鸣健康 FHIR R4 接口（医院对接）").setUrl(base);
        cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        cs.addFormat("application/fhir+json");
        CapabilityStatement.CapabilityStatementRestComponent rest = cs.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION)
                .setDocumentation("Observation creates only, at most 100, all or none");
        var security = rest.getSecurity();
        security.addService(new CodeableConcept().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR", "SMART-on-FHIR")));
        // The token endpoint is announced by .well-known/smart-configuration: the oauth-uris extension would
        // require an authorize endpoint, which backend services do not have.
        security.setDescription("SMART Backend Services: client_credentials with a private_key_jwt client assertion"
                + " (RS384 or ES384) at " + base + "/auth/token; system scopes such as system/Observation.read.");

        CapabilityStatementRestResourceComponent patient = rest.addResource().setType("Patient");
        patient.addInteraction().setCode(TypeRestfulInteraction.READ);
        patient.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        patient.addSearchParam().setName("_count").setType(Enumerations.SearchParamType.NUMBER)
                .setDocumentation("Page size, at most 100");

        CapabilityStatementRestResourceComponent observation = rest.addResource().setType("Observation");
        observation.addSupportedProfile("http://hl7.org/fhir/StructureDefinition/vitalsigns");
        observation.addInteraction().setCode(TypeRestfulInteraction.READ);
        observation.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        observation.addInteraction().setCode(TypeRestfulInteraction.CREATE)
                .setDocumentation("Idempotent on Observation.identifier: the same identifier sent again answers the"
                        + " reading recorded the first time (200 instead of 201).");
        observation.addSearchParam().setName("patient").setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation("Required");
        observation.addSearchParam().setName("code").setType(Enumerations.SearchParamType.TOKEN)
                .setDocumentation("LOINC codes, comma-separated; 39156-5 (BMI, derived from weight readings and the"
                        + " height in the health profile) on its own");
        observation.addSearchParam().setName("date").setType(Enumerations.SearchParamType.DATE)
                .setDocumentation("Prefixes eq, ge, gt, le, lt; repeat for a range");
        observation.addSearchParam().setName("_count").setType(Enumerations.SearchParamType.NUMBER);
        observation.addSearchParam().setName("_sort").setType(Enumerations.SearchParamType.STRING)
                .setDocumentation("date or -date (the default)");

        patient.addOperation().setName("export")
                .setDefinition("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export");
        CapabilityStatementRestResourceComponent group = rest.addResource().setType("Group");
        group.setDocumentation("One group per hospital, its id the hospital's: the people who authorised it. Only $export.");
        group.addOperation().setName("export").setDefinition("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export");

        CapabilityStatementRestResourceComponent practitioner = rest.addResource().setType("Practitioner");
        practitioner.setDocumentation("The hospital's doctors and the companions who cover it");
        practitioner.addInteraction().setCode(TypeRestfulInteraction.READ);
        practitioner.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);

        CapabilityStatementRestResourceComponent location = rest.addResource().setType("Location");
        location.setDocumentation("The hospital's departments");
        location.addInteraction().setCode(TypeRestfulInteraction.READ);
        location.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);

        CapabilityStatementRestResourceComponent appointment = rest.addResource().setType("Appointment");
        appointment.setDocumentation("Companion appointments (陪诊) at the hospital of the people who authorised it");
        appointment.addInteraction().setCode(TypeRestfulInteraction.READ);
        appointment.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        appointment.addSearchParam().setName("patient").setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation("Required");
        appointment.addSearchParam().setName("date").setType(Enumerations.SearchParamType.DATE);

        CapabilityStatementRestResourceComponent schedule = rest.addResource().setType("Schedule");
        schedule.setDocumentation("One per companion service we offer at the hospital, planning 14 days ahead");
        schedule.addInteraction().setCode(TypeRestfulInteraction.READ);
        schedule.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);

        CapabilityStatementRestResourceComponent slot = rest.addResource().setType("Slot");
        slot.setDocumentation("A service's slots as members see them: free, busy (all companions booked) or"
                + " busy-unavailable (booking closed), the reason in comment");
        slot.addInteraction().setCode(TypeRestfulInteraction.READ);
        slot.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        slot.addSearchParam().setName("schedule").setType(Enumerations.SearchParamType.REFERENCE).setDocumentation("Required");
        slot.addSearchParam().setName("start").setType(Enumerations.SearchParamType.DATE)
                .setDocumentation("At most 14 days; without it, the next 24 hours");

        CapabilityStatementRestResourceComponent organization = rest.addResource().setType("Organization");
        organization.addInteraction().setCode(TypeRestfulInteraction.READ);
        return cs;
    }

    static JsonObject smartConfiguration(String base) {
        return Json.createObjectBuilder()
                .add("token_endpoint", base + "/auth/token")
                .add("grant_types_supported", Json.createArrayBuilder().add("client_credentials"))
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("private_key_jwt"))
                .add("token_endpoint_auth_signing_alg_values_supported", Json.createArrayBuilder().add("RS384").add("ES384"))
                .add("scopes_supported", Json.createArrayBuilder().add("system/Patient.read").add("system/Observation.read")
                        .add("system/Observation.write").add("system/Organization.read").add("system/Practitioner.read")
                        .add("system/Location.read").add("system/Appointment.read").add("system/Schedule.read")
                        .add("system/Slot.read").add("system/*.read"))
                .add("capabilities", Json.createArrayBuilder().add("client-confidential-asymmetric"))
                .build();
    }
}
