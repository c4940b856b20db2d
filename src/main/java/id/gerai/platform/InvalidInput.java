package id.gerai.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Input that breaks a rule, field by field. Values are message keys, so the page (next to each field)
 * and the API (the problem's {@code errors} member) say the same thing in the caller's language.
 * Thrown before anything is written, so nothing is half-saved.
 */
public class InvalidInput extends GeraiException {

    private final Map<String, String> fields;
    private final Map<String, Object[]> arguments;

    public InvalidInput(Map<String, String> fields) {
        this(fields, Map.of());
    }

    /** Field errors whose messages take arguments ({@code arguments} by field; fields without any may be left out). */
    public InvalidInput(Map<String, String> fields, Map<String, Object[]> arguments) {
        this(HttpStatus.UNPROCESSABLE_CONTENT, "validation", fields, arguments);
    }

    /**
     * Well-formed input that clashes with data already held, such as an e-mail address another account logs in with:
     * the API answers {@code status} (409) with its own {@code code}, and still names the field, so a page shows the
     * message next to it like any other field error.
     */
    public static InvalidInput conflict(String code, String field, String messageKey) {
        return new InvalidInput(HttpStatus.CONFLICT, code, Map.of(field, messageKey), Map.of());
    }

    private InvalidInput(HttpStatus status, String code, Map<String, String> fields, Map<String, Object[]> arguments) {
        super(status, code);
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /** The arguments of {@code field}'s message; {@code null} when it has none. */
    public Object[] arguments(String field) {
        return arguments.get(field);
    }

    public static InvalidInput of(String field, String messageKey) {
        return new InvalidInput(Map.of(field, messageKey));
    }

    public Map<String, String> fields() {
        return fields;
    }

    /** Collects field errors; {@link #throwIfAny()} stops when one was found. */
    public static final class Collector {
        private final Map<String, String> fields = new LinkedHashMap<>();

        public Collector add(String field, String messageKey) {
            fields.putIfAbsent(field, messageKey);
            return this;
        }

        public boolean has(String field) {
            return fields.containsKey(field);
        }

        public void throwIfAny() {
            if (!fields.isEmpty()) {
                throw new InvalidInput(fields);
            }
        }
    }
}
