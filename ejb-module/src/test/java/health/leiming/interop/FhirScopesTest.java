package health.leiming.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.leiming.interop.FhirScopes.Access;
import health.leiming.platform.BusinessException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FhirScopesTest {

    @Test
    void v1AndV2SpellingsGrantTheSameAccess() {
        assertTrue(FhirScopes.allows(Set.of("system/Observation.read"), "Observation", Access.read));
        assertFalse(FhirScopes.allows(Set.of("system/Observation.read"), "Observation", Access.write));
        assertTrue(FhirScopes.allows(Set.of("system/Observation.rs"), "Observation", Access.read));
        assertFalse(FhirScopes.allows(Set.of("system/Observation.rs"), "Observation", Access.write));
        assertTrue(FhirScopes.allows(Set.of("system/Observation.cu"), "Observation", Access.write));
        assertTrue(FhirScopes.allows(Set.of("system/*.read"), "Patient", Access.read));
        assertFalse(FhirScopes.allows(Set.of("system/*.read"), "Patient", Access.write));
        assertFalse(FhirScopes.allows(Set.of("system/Observation.*"), "Patient", Access.read));
    }

    @Test
    void aClientIsGrantedOnlyWhatItsRegistrationCovers() {
        Set<String> registered = Set.of("system/Observation.read", "system/Patient.read");
        assertEquals(Set.of("system/Observation.read"), FhirScopes.granted("system/Observation.read system/Observation.write",
                registered));
        assertEquals(Set.of(), FhirScopes.granted("system/*.read", registered), "Organization is not registered");
        assertEquals(Set.of("system/*.read"), FhirScopes.granted("system/*.read",
                Set.of("system/*.read")));
        assertEquals(Set.of(), FhirScopes.granted("patient/Observation.read user/*.*", Set.of("system/*.*")),
                "only system scopes exist here");
        assertEquals(Set.of(), FhirScopes.granted(null, registered));
    }

    @Test
    void registrationRefusesUnknownScopes() {
        assertEquals("system/Observation.write", FhirScopes.checked("system/Observation.write"));
        assertThrows(BusinessException.class, () -> FhirScopes.checked("system/Encounter.read"));
        assertThrows(BusinessException.class, () -> FhirScopes.checked("patient/Observation.read"));
        assertThrows(BusinessException.class, () -> FhirScopes.checked("system/Observation.delete"));
    }
}
