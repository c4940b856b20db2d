package id.gerai.application;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Tracking numbers: eight random characters out of 31 (Crockford's base-32 digits and letters without I, L, O
 * and U, so nothing is mistaken over the phone, and without Z) and a check character: the weighted sum
 * {@code 1·c1 + 2·c2 + ... + 9·c9} is a multiple of 31. Since 31 is prime and the weights differ, every single
 * wrong character and every swap of two neighbours (the check character included) changes the sum, so it is
 * caught. Printed in groups of three: {@code K7M-3Q9-XD2}. 31^8 (about 850 billion) numbers; collisions are
 * retried by the caller against the unique index.
 *
 * <p>Reading is forgiving the way Crockford intends: case, spaces and dashes are ignored, {@code O} is read
 * as {@code 0} and {@code I}/{@code L} as {@code 1}.
 */
public final class TrackingNumber {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXY";
    private static final int N = ALPHABET.length();
    private static final int BODY = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingNumber() {
    }

    /** A new random tracking number in canonical form (nine characters, no dashes). */
    public static String generate() {
        char[] body = new char[BODY];
        for (int i = 0; i < BODY; i++) {
            body[i] = ALPHABET.charAt(RANDOM.nextInt(N));
        }
        String s = new String(body);
        return s + checkCharacter(s);
    }

    /** The check character of {@code body} (eight canonical characters): makes the weighted sum a multiple of 31. */
    static char checkCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (i + 1) * ALPHABET.indexOf(body.charAt(i));
        }
        // 9 * 7 = 63 = 2 * 31 + 1, so 7 is the inverse of the check character's weight 9
        int check = Math.floorMod(-sum * 7, N);
        return ALPHABET.charAt(check);
    }

    /**
     * The canonical form of what a person typed, or {@code null} when it is not a tracking number (wrong
     * length, a character outside the alphabet, or a check character that does not match).
     */
    public static String normalize(String input) {
        if (input == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(9);
        for (char c : input.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ' || c == '.' || c == '\u2010' || c == '\u2013') {
                continue;
            }
            char mapped = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(mapped) < 0 || b.length() >= BODY + 1) {
                return null;
            }
            b.append(mapped);
        }
        if (b.length() != BODY + 1) {
            return null;
        }
        String s = b.toString();
        return checkCharacter(s.substring(0, BODY)) == s.charAt(BODY) ? s : null;
    }

    /** {@code K7M3Q9XD2} as {@code K7M-3Q9-XD2}; anything else is returned as it is. */
    public static String display(String canonical) {
        if (canonical == null || canonical.length() != BODY + 1) {
            return canonical;
        }
        return canonical.substring(0, 3) + "-" + canonical.substring(3, 6) + "-" + canonical.substring(6);
    }
}
