package id.gerai.complaint.internal;

import id.gerai.platform.GeraiException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Slows guessing of access codes on the public tracking page: after {@value #MAX_FAILURES} wrong codes for one
 * tracking number within {@link #WINDOW}, that number is refused (429 {@code complaint-track-throttled}) until the
 * window has passed. Per node, in memory: with a hundred-million-code space, guessing is pointless.
 */
@Component
class TrackThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_ENTRIES = 100_000;

    private record Failures(int count, long since) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    void check(String trackingNo) {
        Failures f = failures.get(trackingNo);
        if (f != null && System.nanoTime() - f.since() < WINDOW.toNanos() && f.count() >= MAX_FAILURES) {
            throw new GeraiException(HttpStatus.TOO_MANY_REQUESTS, "complaint-track-throttled");
        }
    }

    void failed(String trackingNo) {
        if (failures.size() > MAX_ENTRIES) {
            long now = System.nanoTime();
            failures.values().removeIf(f -> now - f.since() >= WINDOW.toNanos());
        }
        failures.compute(trackingNo, (k, f) -> f == null || System.nanoTime() - f.since() >= WINDOW.toNanos()
                ? new Failures(1, System.nanoTime()) : new Failures(f.count() + 1, f.since()));
    }
}
