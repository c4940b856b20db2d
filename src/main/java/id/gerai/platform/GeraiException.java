package id.gerai.platform;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on. {@code code} is stable (it names the problem type in the API and the
 * message key {@code error.<code>} on pages); {@code args} fill that message. Never carries text meant
 * for users: that always comes from the message bundles.
 */
public class GeraiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] args;

    public GeraiException(HttpStatus status, String code, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
    }

    public static GeraiException notFound(String code, Object... args) {
        return new GeraiException(HttpStatus.NOT_FOUND, code, args);
    }

    public static GeraiException conflict(String code, Object... args) {
        return new GeraiException(HttpStatus.CONFLICT, code, args);
    }

    public static GeraiException invalid(String code, Object... args) {
        return new GeraiException(HttpStatus.UNPROCESSABLE_CONTENT, code, args);
    }

    public static GeraiException forbidden(String code, Object... args) {
        return new GeraiException(HttpStatus.FORBIDDEN, code, args);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }

    /**
     * What the API's problem carries besides its code and message, for a client to act on (e.g. the tracking
     * numbers that stand in the way); none by default.
     */
    public Map<String, Object> details() {
        return Map.of();
    }
}
