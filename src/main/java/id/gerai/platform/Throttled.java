package id.gerai.platform;

import org.springframework.http.HttpStatus;

/**
 * A refusal for having tried too often (429): the API and the pages send {@link #retryAfterSeconds()} as the
 * {@code Retry-After} header, so a client or a person knows when trying again is worth it.
 */
public class Throttled extends GeraiException {

    private final long retryAfterSeconds;

    public Throttled(String code, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, code);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Whole seconds until the next attempt may be accepted, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
