package id.gerai.document.internal;

import id.gerai.platform.GeraiException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Slows guessing in the number-and-code verification: after {@code gerai.documents.verify-attempts} misses from
 * one client within ten minutes, that client is refused until the window has passed. Per node and in memory;
 * with 31^8 short codes per number, guessing stays pointless. (The QR token and an uploaded file need no
 * throttle: a token has 130 random bits, and a file proves itself.)
 */
@Component
class VerifyThrottle {

    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int MAX_ENTRIES = 100_000;

    private record Misses(int count, long since) {
    }

    private final Map<String, Misses> misses = new ConcurrentHashMap<>();
    private final int limit;

    VerifyThrottle(DocumentProperties properties) {
        this.limit = properties.verifyAttempts();
    }

    void check(String client) {
        Misses m = misses.get(client);
        if (m != null && System.nanoTime() - m.since() < WINDOW.toNanos() && m.count() >= limit) {
            throw new GeraiException(HttpStatus.TOO_MANY_REQUESTS, "document-verify-throttled");
        }
    }

    void missed(String client) {
        long now = System.nanoTime();
        if (misses.size() > MAX_ENTRIES) {
            misses.values().removeIf(m -> now - m.since() >= WINDOW.toNanos());
        }
        misses.compute(client, (k, m) -> m == null || now - m.since() >= WINDOW.toNanos()
                ? new Misses(1, now) : new Misses(m.count() + 1, m.since()));
    }
}
