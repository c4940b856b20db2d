package id.gerai.platform.web;

import id.gerai.platform.Throttled;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

/**
 * How a page answers a {@link Throttled} refusal it shows itself (the form kept, a notice on it): the status and
 * the {@code Retry-After} header, as the error page and the API answer it.
 */
public final class ThrottledResponses {

    private ThrottledResponses() {
    }

    /** Sets 429 and {@code Retry-After} (whole seconds until the next attempt may be accepted) on {@code response}. */
    public static void refuse(HttpServletResponse response, Throttled e) {
        response.setStatus(e.status().value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
    }
}
