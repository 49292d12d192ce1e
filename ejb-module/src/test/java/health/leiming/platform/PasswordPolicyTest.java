package health.leiming.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void longVariedPasswordsPass() {
        assertTrue(PasswordPolicy.acceptable("Tall-Horse-Battery-42", "ops-li"));
    }

    @Test
    void shortRepetitiveOrNamedPasswordsFail() {
        assertFalse(PasswordPolicy.acceptable("Short-1", "ops-li"));
        assertFalse(PasswordPolicy.acceptable("abababababababab", "ops-li"), "too few different characters");
        assertFalse(PasswordPolicy.acceptable("ops-li-is-my-password!", "OPS-LI"), "contains the user name");
        assertFalse(PasswordPolicy.acceptable(null, "ops-li"));
    }

    @Test
    void commonPasswordsFailWhateverTheirCase() {
        // Long enough and varied enough: only the list of common passwords refuses them.
        assertFalse(PasswordPolicy.acceptable("1q2w3e4r5t6y", "ops-li"));
        assertFalse(PasswordPolicy.acceptable("QAZWSXEDCRFV", "ops-li"));
        assertFalse(PasswordPolicy.acceptable("qwerty123456", "ops-li"));
        assertTrue(PasswordPolicy.acceptable("1q2w3e4r5t6y-leiming", "ops-li"), "a longer variant is not on the list");
    }
}
