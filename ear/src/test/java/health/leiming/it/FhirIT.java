package health.leiming.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The FHIR R4 API as a hospital's system uses it: registered by an admin, it authenticates with a signed
 * client assertion (SMART Backend Services), reads the people who authorised its hospital and their
 * readings, and records readings of its own. Every resource answered is checked with HAPI's validator
 * against R4 and the vital-signs profiles; every refusal is an OperationOutcome.
 */
class FhirIT extends DeployedEar {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String BASE = Api.BASE + "/fhir/r4";
    private static final String TOKEN_URL = BASE + "/auth/token";
    private static FhirValidator validator;

    private final Api api = new Api();
    private final Care care = new Care(api);

    @BeforeAll
    static void validator() {
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR), new InMemoryTerminologyServerValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR));
        validator = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
    }

    /** A hospital system's key pair and registration. */
    private record Client(String id, String hospitalId, PrivateKey key, String alg, String kid) {
    }

    private Client register(String hospitalId, String alg, String... scopes) throws Exception {
        KeyPair pair;
        JsonObject jwk;
        if (alg.startsWith("ES")) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp384r1"));
            pair = generator.generateKeyPair();
            ECPublicKey pub = (ECPublicKey) pair.getPublic();
            jwk = Json.createObjectBuilder().add("kty", "EC").add("crv", "P-384").add("kid", "k1")
                    .add("x", b64(unsigned(pub.getW().getAffineX().toByteArray(), 48)))
                    .add("y", b64(unsigned(pub.getW().getAffineY().toByteArray(), 48))).build();
        } else {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
            RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
            jwk = Json.createObjectBuilder().add("kty", "RSA").add("kid", "k1")
                    .add("n", b64(unsigned(pub.getModulus().toByteArray(), 256)))
                    .add("e", b64(pub.getPublicExponent().toByteArray())).build();
        }
        var scopeArray = Json.createArrayBuilder();
        Arrays.stream(scopes).forEach(scopeArray::add);
        Api.Reply registered = api.post("/api/v1/admin/fhir-clients", Json.createObjectBuilder().add("hospitalId", hospitalId)
                .add("name", "HIS 集成平台").add("publicKeys", Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(jwk)))
                .add("scopes", scopeArray).build().toString(), care.adminToken());
        assertEquals(200, registered.status(), registered.raw());
        return new Client(registered.data().getString("clientId"), hospitalId, pair.getPrivate(), alg, "k1");
    }

    private String assertion(Client client, Instant expires, String jti) throws Exception {
        String header = b64(Json.createObjectBuilder().add("alg", client.alg()).add("typ", "JWT").add("kid", client.kid()).build()
                .toString().getBytes(StandardCharsets.UTF_8));
        String claims = b64(Json.createObjectBuilder().add("iss", client.id()).add("sub", client.id()).add("aud", TOKEN_URL)
                .add("exp", expires.getEpochSecond()).add("jti", jti).build().toString().getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance(client.alg().startsWith("ES") ? "SHA384withECDSAinP1363Format"
                : "SHA384withRSA");
        signature.initSign(client.key());
        signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64(signature.sign());
    }

    private Api.Reply requestToken(String assertion, String scope) {
        String form = Map.of("grant_type", "client_credentials", "scope", scope,
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return api.send(api.request(TOKEN_URL, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private String token(Client client, String scope) throws Exception {
        Api.Reply granted = requestToken(assertion(client, Instant.now().plusSeconds(240), UUID.randomUUID().toString()), scope);
        assertEquals(200, granted.status(), granted.raw());
        assertEquals("bearer", granted.body().getString("token_type"));
        assertTrue(granted.body().getInt("expires_in") <= 300, "short-lived: " + granted.raw());
        return granted.body().getString("access_token");
    }

    private Api.Reply fhirGet(String path, String token) {
        return api.send(api.request(BASE + path, token).header("Accept", "application/fhir+json").GET());
    }

    private Api.Reply fhirPost(String path, IBaseResource resource, String token) {
        return api.send(api.request(BASE + path, token).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(resource))));
    }

    private static <T extends IBaseResource> T parse(Api.Reply reply, Class<T> type) {
        assertTrue(reply.header("Content-Type").startsWith("application/fhir+json"), reply.header("Content-Type"));
        return FHIR.newJsonParser().parseResource(type, reply.raw());
    }

    /** No error or fatal message from HAPI's validator (R4, and the profiles the resource claims). */
    private static void valid(IBaseResource resource) {
        List<SingleValidationMessage> errors = validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
        assertEquals(List.of(), errors.stream().map(m -> m.getLocationString() + ": " + m.getMessage()).toList(),
                FHIR.newJsonParser().encodeResourceToString(resource));
    }

    private static void refusedAs(Api.Reply reply, int status, String... words) {
        assertEquals(status, reply.status(), reply.raw());
        OperationOutcome outcome = parse(reply, OperationOutcome.class);
        String diagnostics = outcome.getIssueFirstRep().getDiagnostics();
        for (String word : words) {
            assertTrue(diagnostics.contains(word), diagnostics);
        }
        assertFalse(reply.raw().contains("Exception"), reply.raw());
        valid(outcome);
    }

    /** A member with two readings who authorised the hospital; their self person's id. */
    private String consentingMember(Api.Session member, String hospitalId) {
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        assertEquals(200, api.post("/api/v1/health/records", HealthRecordIT.bloodPressure(165, 102, at), member.token()).status());
        assertEquals(200, api.post("/api/v1/health/records", Json.createObjectBuilder().add("type", "blood_glucose")
                .add("value", 126).add("unit", "mg/dL").add("recordedAt", at.plusSeconds(60).toString())
                .add("metadata", Json.createObjectBuilder().add("context", "fasting")).build().toString(), member.token())
                .status());
        Api.Reply granted = api.put("/api/v1/privacy/hospitals/" + hospitalId, "", member.token());
        assertEquals(200, granted.status(), granted.raw());
        return granted.data().getString("personId");
    }

    @Test
    void aHospitalReadsTheReadingsOfThoseWhoAuthorisedItAsValidFhir() throws Exception {
        CapabilityStatement capabilities = parse(fhirGet("/metadata", null), CapabilityStatement.class);
        valid(capabilities);
        assertEquals(TOKEN_URL, api.get(BASE + "/.well-known/smart-configuration", null).body().getString("token_endpoint"));

        String hospitalId = care.hospital("对接医院").getString("id");
        Client client = register(hospitalId, "ES384", "system/Patient.read", "system/Observation.read");
        String token = token(client, "system/Patient.read system/Observation.read");
        Api.Session member = api.login(Api.newPhone());
        String personId = consentingMember(member, hospitalId);

        Patient patient = parse(fhirGet("/Patient/" + personId, token), Patient.class);
        valid(patient);
        String father = api.post("/api/v1/persons", Json.createObjectBuilder().add("name", "王建国").add("relation", "parent")
                .add("idCard", "11010519491231002X").add("phone", "13912345678").build().toString(), member.token())
                .data().getString("id");
        refusedAs(fhirGet("/Patient/" + father, token), 404); // not authorised for this hospital yet
        assertEquals(200, api.put("/api/v1/privacy/hospitals/" + hospitalId + "?personId=" + father, "", member.token()).status());
        Api.Reply fatherRead = fhirGet("/Patient/" + father, token);
        Patient fathersRecord = parse(fatherRead, Patient.class);
        valid(fathersRecord);
        assertEquals("139****5678", fathersRecord.getTelecomFirstRep().getValue(), "the phone is masked");
        assertEquals("1949-12-31", fathersRecord.getBirthDateElement().getValueAsString());
        assertEquals("female", fathersRecord.getGender().toCode());
        assertFalse(fatherRead.raw().contains("11010519491231002X"), "no ID card number");
        Bundle patients = parse(fhirGet("/Patient?_count=100", token), Bundle.class);
        assertTrue(patients.getEntry().stream().anyMatch(e -> e.getResource().getIdElement().getIdPart().equals(personId)));

        Bundle observations = parse(fhirGet("/Observation?patient=" + personId + "&_sort=-date", token), Bundle.class);
        valid(observations);
        assertEquals(2, observations.getTotal());
        Observation glucose = (Observation) observations.getEntryFirstRep().getResource();
        assertEquals("14770-2", glucose.getCode().getCodingFirstRep().getCode(), "fasting glucose");
        assertEquals(0, new BigDecimal("7.00").compareTo(glucose.getValueQuantity().getValue()), "126 mg/dL is 7.0 mmol/L");
        assertEquals("mmol/L", glucose.getValueQuantity().getCode());
        assertEquals("H", glucose.getInterpretationFirstRep().getCodingFirstRep().getCode(), "diabetes range is high");
        Observation bp = (Observation) observations.getEntry().get(1).getResource();
        assertEquals("http://hl7.org/fhir/StructureDefinition/bp", bp.getMeta().getProfile().get(0).getValue());
        assertEquals("85354-9", bp.getCode().getCodingFirstRep().getCode());
        assertEquals(0, new BigDecimal("165").compareTo(bp.getComponent().get(0).getValueQuantity().getValue()));
        assertEquals("8480-6", bp.getComponent().get(0).getCode().getCodingFirstRep().getCode());
        assertEquals("8462-4", bp.getComponent().get(1).getCode().getCodingFirstRep().getCode());
        valid(parse(fhirGet("/Observation/" + bp.getIdElement().getIdPart(), token), Observation.class));

        Bundle onlyBloodPressure = parse(fhirGet("/Observation?patient=Patient/" + personId + "&code=http://loinc.org%7C85354-9",
                token), Bundle.class);
        assertEquals(1, onlyBloodPressure.getTotal());
        Bundle tomorrow = parse(fhirGet("/Observation?patient=" + personId + "&date=gt" + Instant.now().plus(1, ChronoUnit.DAYS)
                .toString().substring(0, 10), token), Bundle.class);
        assertEquals(0, tomorrow.getTotal(), "date prefixes narrow the search");
        Bundle paged = parse(fhirGet("/Observation?patient=" + personId + "&_count=1", token), Bundle.class);
        assertEquals(1, paged.getEntry().size());
        String next = paged.getLink("next").getUrl();
        Bundle second = parse(api.send(api.request(next, token).GET()), Bundle.class);
        assertEquals(1, second.getEntry().size());
        assertFalse(second.getEntryFirstRep().getResource().getIdElement().getIdPart()
                .equals(paged.getEntryFirstRep().getResource().getIdElement().getIdPart()), "the next page is the next reading");
        assertEquals(null, second.getLink("next"), "two readings, two pages");

        // BMI: none while the height is unknown; then one per weight reading, derived from it.
        Instant weighed = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String weightId = api.post("/api/v1/health/records", Json.createObjectBuilder().add("type", "weight").add("value", 72.5)
                .add("unit", "kg").add("recordedAt", weighed.toString()).build().toString(), member.token()).data()
                .getString("id");
        assertEquals(0, parse(fhirGet("/Observation?patient=" + personId + "&code=39156-5", token), Bundle.class).getTotal());
        refusedAs(fhirGet("/Observation/bmi-" + weightId, token), 404);
        assertEquals(200, api.put("/api/v1/health/profile", Json.createObjectBuilder().add("heightCm", 170).build().toString(),
                member.token()).status());
        Bundle bmis = parse(fhirGet("/Observation?patient=" + personId + "&code=39156-5", token), Bundle.class);
        valid(bmis);
        assertEquals(1, bmis.getTotal());
        Observation bmi = (Observation) bmis.getEntryFirstRep().getResource();
        assertEquals("http://hl7.org/fhir/StructureDefinition/bmi", bmi.getMeta().getProfile().get(0).getValue());
        assertEquals(0, new BigDecimal("25.1").compareTo(bmi.getValueQuantity().getValue()), "72.5 kg at 1.70 m");
        assertEquals("kg/m2", bmi.getValueQuantity().getCode());
        assertEquals("H", bmi.getInterpretationFirstRep().getCodingFirstRep().getCode(), "overweight from 24.0");
        assertEquals("Observation/" + weightId, bmi.getDerivedFromFirstRep().getReference());
        assertEquals(weighed, bmi.getEffectiveDateTimeType().getValue().toInstant());
        valid(parse(fhirGet("/Observation/bmi-" + weightId, token), Observation.class));
        refusedAs(fhirGet("/Observation?patient=" + personId + "&code=39156-5,29463-7", token), 400);

        Api.Reply revoked = api.send(api.request("/api/v1/privacy/hospitals/" + hospitalId, member.token()).DELETE());
        assertEquals(200, revoked.status(), revoked.raw());
        refusedAs(fhirGet("/Patient/" + personId, token), 404);
        refusedAs(fhirGet("/Observation?patient=" + personId, token), 404);
    }

    @Test
    void aHospitalRecordsReadingsOnceAndTheyCountAsTheMembersOwn() throws Exception {
        String hospitalId = care.hospital("写入医院").getString("id");
        Client client = register(hospitalId, "RS384", "system/Observation.read", "system/Observation.write");
        String token = token(client, "system/Observation.write");
        Api.Session member = api.login(Api.newPhone());
        String personId = consentingMember(member, hospitalId);

        Observation sent = new Observation();
        sent.setStatus(Observation.ObservationStatus.FINAL);
        sent.addIdentifier().setSystem("urn:oid:1.2.156.112604.1.2.1").setValue("LAB-" + UUID.randomUUID());
        sent.getCode().addCoding(new Coding("http://loinc.org", "2345-7", "Glucose [Mass/volume] in Serum or Plasma"));
        sent.setSubject(new Reference("Patient/" + personId));
        sent.setEffective(new org.hl7.fhir.r4.model.DateTimeType(java.util.Date.from(Instant.now().minusSeconds(600))));
        sent.setValue(new Quantity().setValue(new BigDecimal("300")).setSystem("http://unitsofmeasure.org").setCode("mg/dL")
                .setUnit("mg/dL"));
        Api.Reply created = fhirPost("/Observation", sent, token);
        assertEquals(201, created.status(), created.raw());
        Observation stored = parse(created, Observation.class);
        valid(stored);
        assertEquals(0, new BigDecimal("16.70").compareTo(stored.getValueQuantity().getValue()), "300 mg/dL is 16.7 mmol/L");
        assertEquals("HH", stored.getInterpretationFirstRep().getCodingFirstRep().getCode(), "a severe high raises an alert");
        Api.Reply again = fhirPost("/Observation", sent, token);
        assertEquals(200, again.status(), "the same identifier again: " + again.raw());
        assertEquals(stored.getIdElement().getIdPart(), parse(again, Observation.class).getIdElement().getIdPart());

        JsonObject records = api.get("/api/v1/health/records?type=blood_glucose", member.token()).data();
        assertEquals(2, records.getInt("total"), "the member's glucose and the hospital's, once: " + records);
        assertTrue(records.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(r -> "hospital".equals(r.getString("source")) && r.getString("id").equals(stored.getIdElement().getIdPart())));

        Observation noUnit = sent.copy();
        noUnit.getIdentifierFirstRep().setValue("LAB-" + UUID.randomUUID());
        noUnit.setValue(new Quantity().setValue(new BigDecimal("5.5")));
        refusedAs(fhirPost("/Observation", noUnit, token), 400, "UCUM");
        Observation stranger = sent.copy();
        stranger.getIdentifierFirstRep().setValue("LAB-" + UUID.randomUUID());
        stranger.setSubject(new Reference("Patient/" + UUID.randomUUID()));
        refusedAs(fhirPost("/Observation", stranger, token), 404);
        refusedAs(api.send(api.request(BASE + "/Observation", token).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Observation\",\"status\":"))), 400);
        assertEquals(2, api.get("/api/v1/health/records?type=blood_glucose", member.token()).data().getInt("total"),
                "refused writes changed nothing");
        refusedAs(fhirGet("/Patient/" + personId, token), 403, "system/Patient.read");

        Observation pulse = vital(personId, "8867-4", "76", "/min");
        Observation weight = vital(personId, "29463-7", "130", "[lb_av]");
        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        transaction.addEntry().setResource(pulse).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        transaction.addEntry().setResource(weight).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        Api.Reply committed = fhirPost("", transaction, token);
        assertEquals(200, committed.status(), committed.raw());
        Bundle answer = parse(committed, Bundle.class);
        valid(answer);
        assertEquals(List.of("201 Created", "201 Created"), answer.getEntry().stream().map(e -> e.getResponse().getStatus()).toList());
        Observation storedWeight = (Observation) answer.getEntry().get(1).getResource();
        assertEquals(0, new BigDecimal("58.97").compareTo(storedWeight.getValueQuantity().getValue()), "130 lb in kg");

        Observation badUnit = vital(personId, "8867-4", "80", "kPa");
        Bundle halfBad = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        halfBad.addEntry().setResource(vital(personId, "8867-4", "81", "/min")).getRequest().setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Observation");
        halfBad.addEntry().setResource(badUnit).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        refusedAs(fhirPost("", halfBad, token), 400);
        assertEquals(1, api.get("/api/v1/health/records?type=heart_rate", member.token()).data().getInt("total"),
                "a refused transaction records none of its readings");
    }

    private static Observation vital(String personId, String loinc, String value, String ucum) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addIdentifier().setSystem("urn:oid:1.2.156.112604.1.2.2").setValue("DEV-" + UUID.randomUUID());
        o.getCode().addCoding(new Coding("http://loinc.org", loinc, null));
        o.setSubject(new Reference("Patient/" + personId));
        o.setEffective(new org.hl7.fhir.r4.model.DateTimeType(java.util.Date.from(Instant.now().minusSeconds(300))));
        o.setValue(new Quantity().setValue(new BigDecimal(value)).setSystem("http://unitsofmeasure.org").setCode(ucum));
        return o;
    }

    @Test
    void onlyAValidFreshAssertionOfARegisteredClientGetsAToken() throws Exception {
        String hospitalId = care.hospital("鉴权医院").getString("id");
        Client client = register(hospitalId, "ES384", "system/Observation.read");
        String jti = UUID.randomUUID().toString();
        String assertion = assertion(client, Instant.now().plusSeconds(240), jti);
        assertEquals(200, requestToken(assertion, "system/Observation.read").status());
        Api.Reply replayed = requestToken(assertion, "system/Observation.read");
        assertEquals(401, replayed.status(), replayed.raw());
        assertEquals("invalid_client", replayed.body().getString("error"));
        assertTrue(replayed.body().getString("error_description").contains("jti"), replayed.raw());

        Api.Reply expired = requestToken(assertion(client, Instant.now().minusSeconds(120), UUID.randomUUID().toString()),
                "system/Observation.read");
        assertEquals(401, expired.status(), expired.raw());
        Api.Reply tooLong = requestToken(assertion(client, Instant.now().plusSeconds(3600), UUID.randomUUID().toString()),
                "system/Observation.read");
        assertEquals(401, tooLong.status(), tooLong.raw());
        Client impostor = new Client(client.id(), hospitalId, register(hospitalId, "ES384", "system/Observation.read").key(), "ES384",
                "k1");
        assertEquals(401, requestToken(assertion(impostor, Instant.now().plusSeconds(240), UUID.randomUUID().toString()),
                "system/Observation.read").status(), "signed with another client's key");
        Api.Reply unregisteredScope = requestToken(assertion(client, Instant.now().plusSeconds(240), UUID.randomUUID().toString()),
                "system/Observation.write");
        assertEquals(400, unregisteredScope.status(), unregisteredScope.raw());
        assertEquals("invalid_scope", unregisteredScope.body().getString("error"));

        refusedAs(fhirGet("/Observation?patient=x", null), 401);
        Api.Session member = api.login(Api.newPhone());
        refusedAs(fhirGet("/Patient", member.token()), 401);
        String token = token(client, "system/Observation.read");
        assertEquals(403, api.get("/api/v1/users/me", token).status(), "a hospital's token opens no member's account");
        Api.Reply disabled = api.post("/api/v1/admin/fhir-clients/" + client.id() + "/disable", "", care.adminToken());
        assertEquals(200, disabled.status(), disabled.raw());
        refusedAs(fhirGet("/Observation?patient=x", token), 401);
        assertEquals(401, requestToken(assertion(client, Instant.now().plusSeconds(240), UUID.randomUUID().toString()),
                "system/Observation.read").status(), "a disabled client gets no token");

        Api.Reply privateKey = api.post("/api/v1/admin/fhir-clients", Json.createObjectBuilder().add("hospitalId", hospitalId)
                .add("name", "x").add("publicKeys", Json.createObjectBuilder().add("kty", "EC").add("crv", "P-384")
                        .add("x", "AA").add("y", "AA").add("d", "AA"))
                .add("scopes", Json.createArrayBuilder().add("system/Observation.read")).build().toString(), care.adminToken());
        assertEquals(400, privateKey.status(), privateKey.raw());
        assertEquals("PRIVATE_KEY_GIVEN", privateKey.errorCode());
    }

    @Test
    void aBulkExportHoldsExactlyThePeopleWhoAuthorisedTheHospitalAsValidNdjson() throws Exception {
        String hospitalId = care.hospital("批量导出医院").getString("id");
        String otherHospital = care.hospital("别的医院").getString("id");
        Client client = register(hospitalId, "ES384", "system/Patient.read", "system/Observation.read");
        String token = token(client, "system/Patient.read system/Observation.read");
        Api.Session member = api.login(Api.newPhone());
        String personId = consentingMember(member, hospitalId);
        Api.Session elsewhere = api.login(Api.newPhone());
        String notOurs = consentingMember(elsewhere, otherHospital);

        refusedAs(api.send(api.request(BASE + "/Group/" + hospitalId + "/$export", token).GET()), 400, "respond-async");
        refusedAs(bulkKickOff("/Group/" + otherHospital + "/$export", token), 404);
        refusedAs(bulkKickOff("/Patient/$export?_since=2999-01-01T00:00:00Z", token), 400);
        refusedAs(bulkKickOff("/Patient/$export?_type=Encounter", token), 400, "Encounter");

        Api.Reply kickedOff = bulkKickOff("/Group/" + hospitalId + "/$export?_type=Patient,Observation", token);
        assertEquals(202, kickedOff.status(), kickedOff.raw());
        String status = kickedOff.header("Content-Location");
        Api.Reply manifest = null;
        for (int i = 0; i < 120; i++) {
            manifest = api.send(api.request(status, token).GET());
            if (manifest.status() != 202) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(200, manifest.status(), manifest.raw());
        assertTrue(manifest.body().getBoolean("requiresAccessToken"));
        List<String> patients = new java.util.ArrayList<>();
        List<Observation> observations = new java.util.ArrayList<>();
        for (JsonObject file : manifest.body().getJsonArray("output").getValuesAs(JsonObject.class)) {
            Api.Reply ndjson = api.send(api.request(file.getString("url"), token).GET());
            assertEquals(200, ndjson.status(), ndjson.raw());
            assertTrue(ndjson.header("Content-Type").startsWith("application/fhir+ndjson"));
            assertEquals(401, api.send(api.request(file.getString("url"), null).GET()).status(), "no file without the token");
            String[] lines = ndjson.raw().split("\n");
            assertEquals(file.getInt("count"), lines.length);
            for (String line : lines) {
                IBaseResource resource = FHIR.newJsonParser().parseResource(line);
                valid(resource);
                if (resource instanceof Patient p) {
                    patients.add(p.getIdElement().getIdPart());
                } else {
                    observations.add((Observation) resource);
                }
            }
        }
        assertEquals(List.of(personId), patients, "only who authorised this hospital");
        assertEquals(2, observations.size());
        assertTrue(observations.stream().allMatch(o -> o.getSubject().getReference().equals("Patient/" + personId)));
        assertFalse(manifest.raw().contains(notOurs));

        Client other = register(hospitalId, "ES384", "system/Patient.read");
        refusedAs(api.send(api.request(status, token(other, "system/Patient.read")).GET()), 404);
        assertEquals(202, api.send(api.request(status, token).DELETE()).status());
        refusedAs(api.send(api.request(status, token).GET()), 404);
    }

    @Test
    void aHospitalSeesItsDoctorsDepartmentsCompanionsAndTheAppointmentsOfThoseWhoAuthorisedIt() throws Exception {
        String hospitalId = care.hospital("预约医院").getString("id");
        String departmentId = api.post("/api/v1/admin/hospitals/" + hospitalId + "/departments", Api.json("name", "心内科"),
                care.adminToken()).data().getJsonArray("departments").getJsonObject(0).getString("id");
        assertEquals(200, api.post("/api/v1/admin/departments/" + departmentId + "/doctors",
                Api.json("name", "李医生", "title", "主任医师", "specialty", "高血压"), care.adminToken()).status());
        String serviceId = care.service("就医陪诊" + System.nanoTime(), "199.00", 120).getString("id");
        String companionId = care.staff("陈陪诊", serviceId, hospitalId).getString("id");
        Client client = register(hospitalId, "ES384", "system/*.read");
        String token = token(client, "system/*.read");
        Api.Session member = api.login(Api.newPhone());
        String personId = consentingMember(member, hospitalId);
        JsonObject booking = Json.createObjectBuilder(Json.createReader(new java.io.StringReader(
                Care.booking(serviceId, Care.slot(10), personId))).readObject()).add("hospitalId", hospitalId).build();
        Api.Reply booked = api.post("/api/v1/appointments", booking.toString(), member.token());
        assertEquals(200, booked.status(), booked.raw());

        Bundle practitioners = parse(fhirGet("/Practitioner", token), Bundle.class);
        valid(practitioners);
        List<String> names = practitioners.getEntry().stream()
                .map(e -> ((org.hl7.fhir.r4.model.Practitioner) e.getResource()).getNameFirstRep().getText()).toList();
        assertTrue(names.containsAll(List.of("李医生", "陈陪诊")), names.toString());
        Bundle locations = parse(fhirGet("/Location", token), Bundle.class);
        valid(locations);
        org.hl7.fhir.r4.model.Location cardiology = (org.hl7.fhir.r4.model.Location) locations.getEntryFirstRep().getResource();
        assertEquals("心内科", cardiology.getName());
        assertEquals("Organization/" + hospitalId, cardiology.getManagingOrganization().getReference());

        Bundle appointments = parse(fhirGet("/Appointment?patient=" + personId, token), Bundle.class);
        valid(appointments);
        assertEquals(1, appointments.getTotal());
        org.hl7.fhir.r4.model.Appointment appointment = (org.hl7.fhir.r4.model.Appointment) appointments.getEntryFirstRep()
                .getResource();
        assertEquals(org.hl7.fhir.r4.model.Appointment.AppointmentStatus.PENDING, appointment.getStatus(), "not paid yet");
        assertEquals(Care.slot(10), appointment.getStart().toInstant());
        assertTrue(appointment.getParticipant().stream()
                .anyMatch(p -> p.getActor().getReference().equals("Practitioner/" + companionId)));
        String appointmentId = appointment.getIdElement().getIdPart();
        valid(parse(fhirGet("/Appointment/" + appointmentId, token), org.hl7.fhir.r4.model.Appointment.class));
        assertFalse(fhirGet("/Appointment/" + appointmentId, token).raw().contains(booked.data().getString("orderNo")),
                "no order number");

        String otherHospital = care.hospital("旁边的医院").getString("id");
        String otherToken = token(register(otherHospital, "ES384", "system/*.read"), "system/*.read");
        refusedAs(fhirGet("/Appointment/" + appointmentId, otherToken), 404);
        refusedAs(fhirGet("/Appointment?patient=" + personId, otherToken), 404);
        refusedAs(fhirGet("/Practitioner/" + companionId, otherToken), 404);
        String observationsOnly = token(register(hospitalId, "ES384", "system/Observation.read"), "system/Observation.read");
        refusedAs(fhirGet("/Practitioner", observationsOnly), 403);

        // The slots we offer: a Schedule per service, its Slots exactly as members see them when they book.
        Bundle schedules = parse(fhirGet("/Schedule", token), Bundle.class);
        valid(schedules);
        org.hl7.fhir.r4.model.Schedule schedule = schedules.getEntry().stream()
                .map(e -> (org.hl7.fhir.r4.model.Schedule) e.getResource())
                .filter(s -> s.getIdElement().getIdPart().equals(serviceId)).findFirst().orElseThrow();
        assertEquals("Organization/" + hospitalId, schedule.getActorFirstRep().getReference());
        String day = Care.slotDay().toString();
        Bundle slots = parse(fhirGet("/Slot?schedule=Schedule/" + serviceId + "&start=ge" + day + "&start=lt"
                + Care.slotDay().plusDays(1), token), Bundle.class);
        valid(slots);
        List<JsonObject> offered = api.get("/api/v1/appointments/available-slots?serviceId=" + serviceId + "&date=" + day
                + "&hospitalId=" + hospitalId, member.token()).data().getJsonArray("slots").getValuesAs(JsonObject.class);
        assertEquals(offered.size(), slots.getEntry().size());
        for (int i = 0; i < offered.size(); i++) {
            org.hl7.fhir.r4.model.Slot slot = (org.hl7.fhir.r4.model.Slot) slots.getEntry().get(i).getResource();
            assertEquals(Instant.parse(offered.get(i).getString("startsAt")), slot.getStart().toInstant());
            assertEquals(offered.get(i).getBoolean("available"), slot.getStatus() == org.hl7.fhir.r4.model.Slot.SlotStatus.FREE,
                    offered.get(i).toString());
            assertEquals(120, java.time.Duration.between(slot.getStart().toInstant(), slot.getEnd().toInstant()).toMinutes());
        }
        org.hl7.fhir.r4.model.Slot taken = slots.getEntry().stream().map(e -> (org.hl7.fhir.r4.model.Slot) e.getResource())
                .filter(s -> s.getStart().toInstant().equals(Care.slot(10))).findFirst().orElseThrow();
        assertEquals(org.hl7.fhir.r4.model.Slot.SlotStatus.BUSY, taken.getStatus(), "its one companion is booked");
        valid(parse(fhirGet("/Slot/" + taken.getIdElement().getIdPart(), token), org.hl7.fhir.r4.model.Slot.class));
        refusedAs(fhirGet("/Slot?schedule=Schedule/" + serviceId + "&start=ge" + day + "&start=lt"
                + Care.slotDay().plusDays(30), token), 400);
        refusedAs(fhirGet("/Slot?start=ge" + day, token), 400);
        refusedAs(fhirGet("/Slot/" + serviceId + ".nonsense", token), 404);
        refusedAs(fhirGet("/Schedule", observationsOnly), 403);
    }

    @Test
    void aSystemThatPublishesItsKeysIsCheckedAgainstThemAsTheyRotate() throws Exception {
        String hospitalId = care.hospital("发布公钥的医院").getString("id");
        KeyPair first = ecKeyPair();
        KeyPair second = ecKeyPair();
        AtomicReference<String> published = new AtomicReference<>(keySet(first, "k1"));
        AtomicInteger fetches = new AtomicInteger();
        HttpServer keys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keys.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keys.start();
        try {
            String url = "http://127.0.0.1:" + keys.getAddress().getPort() + "/jwks.json";
            JsonObject both = Json.createObjectBuilder().add("hospitalId", hospitalId).add("name", "HIS")
                    .add("jwksUrl", url).add("publicKeys", Json.createReader(new java.io.StringReader(keySet(first, "k1")))
                            .readObject()).add("scopes", Json.createArrayBuilder().add("system/Patient.read")).build();
            assertEquals(400, api.post("/api/v1/admin/fhir-clients", both.toString(), care.adminToken()).status());
            Api.Reply unreachable = api.post("/api/v1/admin/fhir-clients", Json.createObjectBuilder(both).remove("publicKeys")
                    .add("jwksUrl", url.replace("jwks.json", "missing")).build().toString(), care.adminToken());
            assertEquals(400, unreachable.status(), unreachable.raw());
            Api.Reply registered = api.post("/api/v1/admin/fhir-clients", Json.createObjectBuilder(both).remove("publicKeys")
                    .build().toString(), care.adminToken());
            assertEquals(200, registered.status(), registered.raw());
            assertEquals(url, registered.data().getString("jwksUrl"));
            String clientId = registered.data().getString("clientId");
            assertEquals(1, fetches.get(), "fetched once, at registration");

            token(new Client(clientId, hospitalId, first.getPrivate(), "ES384", "k1"), "system/Patient.read");
            assertEquals(1, fetches.get(), "a key we hold needs no fetch");

            // The hospital rotates: k1 is withdrawn, k2 published. A k2 assertion makes us fetch again.
            published.set(keySet(second, "k2"));
            Thread.sleep(2_500); // the refresh interval the test server runs with
            token(new Client(clientId, hospitalId, second.getPrivate(), "ES384", "k2"), "system/Patient.read");
            assertEquals(2, fetches.get());
            Api.Reply withdrawn = requestToken(assertion(new Client(clientId, hospitalId, first.getPrivate(), "ES384", "k1"),
                    Instant.now().plusSeconds(60), UUID.randomUUID().toString()), "system/Patient.read");
            assertEquals(401, withdrawn.status(), withdrawn.raw());
            KeyPair stranger = ecKeyPair();
            for (int i = 0; i < 5; i++) {
                Api.Reply forged = requestToken(assertion(new Client(clientId, hospitalId, stranger.getPrivate(), "ES384", "k9"),
                        Instant.now().plusSeconds(60), UUID.randomUUID().toString()), "system/Patient.read");
                assertEquals(401, forged.status(), forged.raw());
            }
            assertTrue(fetches.get() <= 4, "badly signed assertions do not flood the hospital's server: " + fetches.get());
        } finally {
            keys.stop(0);
        }
    }

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        return generator.generateKeyPair();
    }

    private static String keySet(KeyPair pair, String kid) {
        ECPublicKey pub = (ECPublicKey) pair.getPublic();
        return Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("kty", "EC").add("crv", "P-384").add("kid", kid)
                .add("x", b64(unsigned(pub.getW().getAffineX().toByteArray(), 48)))
                .add("y", b64(unsigned(pub.getW().getAffineY().toByteArray(), 48))))).build().toString();
    }

    private Api.Reply bulkKickOff(String path, String token) {
        return api.send(api.request(BASE + path, token).header("Accept", "application/fhir+json")
                .header("Prefer", "respond-async").GET());
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A big-endian integer's bytes at a fixed length, without the sign byte Java adds. */
    private static byte[] unsigned(byte[] bytes, int length) {
        byte[] out = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, out, length - copy, copy);
        return out;
    }
}
