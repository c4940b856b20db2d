package id.gerai.platform.web;

import java.util.UUID;

/** Reading optional values from submitted forms, where a bad value means "not chosen" rather than an error. */
public final class FormValues {

    private FormValues() {
    }

    /** The UUID in {@code s}, or {@code null} when it is empty or not a UUID (a select left at its blank option). */
    public static UUID uuidOrNull(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
