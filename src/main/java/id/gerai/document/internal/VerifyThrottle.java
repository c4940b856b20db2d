package id.gerai.document.internal;

import id.gerai.platform.AttemptThrottle;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Slows guessing in the number-and-code verification: after {@code gerai.documents.verify-attempts} misses from
 * one client within ten minutes, that client is refused (429 {@code document-verify-throttled}). With 31^8 short
 * codes per number, guessing stays pointless. (The QR token and an uploaded file need no throttle: a token has 130
 * random bits, and a file proves itself.)
 */
@Component
class VerifyThrottle extends AttemptThrottle {

    VerifyThrottle(DocumentProperties properties) {
        super("document-verify-throttled", properties.verifyAttempts(), Duration.ofMinutes(10));
    }
}
