package id.gerai.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The shape of a personal API token: {@code gerai_} and 40 characters drawn uniformly from the 62 letters
 * and digits by {@link SecureRandom} (238 bits; the 8 shown in lists as its prefix leave 190 unknown).
 * The fixed {@code gerai_} start lets secret scanners and people recognise a leaked token.
 *
 * <p>Only {@link #hash} of a token is stored and looked up. Because the token carries that much chance, a
 * plain SHA-256 suffices (nothing to brute-force, unlike a password), and a lookup by the full hash reveals
 * nothing through its timing about how much of a guess was right.
 */
final class ApiTokenSecret {

    static final String START = "gerai_";
    static final int RANDOM_LENGTH = 40;
    static final int PREFIX_LENGTH = 8;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenSecret() {
    }

    static String generate() {
        StringBuilder token = new StringBuilder(START.length() + RANDOM_LENGTH).append(START);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()))); // nextInt(bound) is unbiased
        }
        return token.toString();
    }

    /** Whether {@code value} has the shape of a token; anything else is refused without a database lookup. */
    static boolean wellFormed(String value) {
        if (value == null || value.length() != START.length() + RANDOM_LENGTH || !value.startsWith(START)) {
            return false;
        }
        for (int i = START.length(); i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /** The characters shown in lists to tell one's tokens apart (after {@code gerai_}). */
    static String prefix(String token) {
        return token.substring(START.length(), START.length() + PREFIX_LENGTH);
    }

    /** SHA-256 of the token, lower-case hex: what the database holds. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
