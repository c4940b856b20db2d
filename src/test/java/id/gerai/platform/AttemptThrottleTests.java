package id.gerai.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AttemptThrottleTests {

    @Test
    void aKeyIsRefusedAfterItsFailuresAndOtherKeysAreNot() {
        AttemptThrottle throttle = new AttemptThrottle("status-check-throttled", 3, Duration.ofMinutes(15));
        for (int i = 0; i < 3; i++) {
            assertThatCode(() -> throttle.check("K7M3Q9XD2")).doesNotThrowAnyException();
            throttle.failed("K7M3Q9XD2");
        }
        assertThatThrownBy(() -> throttle.check("K7M3Q9XD2")).isInstanceOfSatisfying(Throttled.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("status-check-throttled");
            org.assertj.core.api.Assertions.assertThat(e.status().value()).isEqualTo(429);
            // the refusal itself carries the wait, for the Retry-After header
            org.assertj.core.api.Assertions.assertThat(e.retryAfterSeconds()).isBetween(899L, 900L);
        });
        assertThatCode(() -> throttle.check("ANOTHER01")).doesNotThrowAnyException();
        // the refused key is told how long to wait: at most the window, at least a second; the other key need not wait
        org.assertj.core.api.Assertions.assertThat(throttle.retryAfterSeconds("K7M3Q9XD2")).isBetween(1L, 900L);
        org.assertj.core.api.Assertions.assertThat(throttle.retryAfterSeconds("ANOTHER01")).isZero();
    }

    @Test
    void failuresCountOnlyWithinTheWindow() throws InterruptedException {
        AttemptThrottle throttle = new AttemptThrottle("complaint-track-throttled", 1, Duration.ofMillis(50));
        throttle.failed("A");
        assertThatThrownBy(() -> throttle.check("A")).isInstanceOf(GeraiException.class);
        Thread.sleep(80);
        assertThatCode(() -> throttle.check("A")).doesNotThrowAnyException();
        org.assertj.core.api.Assertions.assertThat(throttle.retryAfterSeconds("A")).isZero();
    }

    @Test
    void aThrottleWithoutLimitOrWindowIsRefused() {
        assertThatThrownBy(() -> new AttemptThrottle("x", 0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttemptThrottle("x", 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
