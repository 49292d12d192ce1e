package health.leiming.interop;

import health.leiming.platform.BusinessException;
import health.leiming.platform.ErrorKind;
import java.util.Set;

/**
 * A hospital's system calling /fhir/r4, as its verified access token names it: the client, the hospital it
 * acts for, the scopes it was granted.
 */
public record HospitalCaller(String clientId, String hospitalId, Set<String> scopes) {

    public HospitalCaller {
        scopes = Set.copyOf(scopes);
    }

    /** A 403 unless a granted scope allows this access to this type. */
    public void require(String resourceType, FhirScopes.Access access) {
        if (!FhirScopes.allows(scopes, resourceType, access)) {
            throw new BusinessException(ErrorKind.FORBIDDEN, "SCOPE_INSUFFICIENT",
                    "访问令牌未授权 system/" + resourceType + "." + access.name());
        }
    }
}
