package id.gerai.identity.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The login name as the audit log of a lock keeps it. */
class LoginThrottleTests {

    @Test
    void anEmailOrANikIsMaskedAndAnythingElseHidden() {
        assertThat(LoginThrottle.masked(" Budi.Santoso@Mail.ID ")).isEqualTo("b***@mail.id");
        assertThat(LoginThrottle.masked("3671014501900001")).isEqualTo("3671********0001");
        assertThat(LoginThrottle.masked("budi")).isEqualTo("***");
        assertThat(LoginThrottle.masked("12345")).isEqualTo("***");
        assertThat(LoginThrottle.masked(null)).isEqualTo("***");
    }
}
