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
        super(HttpStatus.UNPROCESSABLE_CONTENT, "validation");
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
