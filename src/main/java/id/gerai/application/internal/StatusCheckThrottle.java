package id.gerai.application.internal;

import id.gerai.platform.AttemptThrottle;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Slows guessing of access codes in the public status check: after five wrong codes for one tracking number
 * within 15 minutes, that number is refused (429 {@code status-check-throttled}). A million-code space with five
 * guesses per quarter hour per node makes guessing pointless.
 */
@Component
class StatusCheckThrottle extends AttemptThrottle {

    StatusCheckThrottle() {
        super("status-check-throttled", 5, Duration.ofMinutes(15));
    }
}
