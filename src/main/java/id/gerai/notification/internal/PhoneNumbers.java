package id.gerai.notification.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Indonesian mobile numbers as the gateway wants them: E.164 digits without the plus. People write
 * {@code 0812-3456-7890}, {@code +62 812 3456 7890}, {@code (0812) 3456 7890} or {@code 6281234567890}; all
 * become {@code 6281234567890}. The accepted shape is the one account registration accepts (identity's
 * {@code Registration.PHONE}): a mobile number, 8 then 7 to 12 digits after the country code, since
 * neither SMS nor WhatsApp reaches a landline.
 */
final class PhoneNumbers {

    /** The national number after {@code 0}, {@code 62} or {@code +62}. */
    private static final Pattern MOBILE = Pattern.compile("^(?:\\+62|62|0)(8\\d{7,12})$");
    /** Separators people type between digit groups; anything else (letters, a second {@code +}) is refused. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()\\u00a0]");
    private static final int TYPED_MAX = 40;

    private PhoneNumbers() {
    }

    /** The number as E.164 digits, or empty when it is not an Indonesian mobile number. */
    static Optional<String> e164(String typed) {
        if (typed == null || typed.length() > TYPED_MAX) {
            return Optional.empty();
        }
        var m = MOBILE.matcher(SEPARATORS.matcher(typed.strip()).replaceAll(""));
        return m.matches() ? Optional.of("62" + m.group(1)) : Optional.empty();
    }
}
