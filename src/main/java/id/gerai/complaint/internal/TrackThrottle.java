package id.gerai.complaint.internal;

import id.gerai.platform.AttemptThrottle;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Slows guessing of access codes on the public tracking page: after five wrong codes for one tracking number
 * within 15 minutes, that number is refused (429 {@code complaint-track-throttled}). With a hundred-million-code
 * space, guessing is pointless.
 */
@Component
class TrackThrottle extends AttemptThrottle {

    TrackThrottle() {
        super("complaint-track-throttled", 5, Duration.ofMinutes(15));
    }
}
