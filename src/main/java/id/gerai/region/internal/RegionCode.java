package id.gerai.region.internal;

import id.gerai.region.RegionKind;
import id.gerai.region.RegionLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape of a Kemendagri code, {@code PP.KK.CC.DDDD}, without looking anything up. People and other
 * systems write codes with or without dots (a NIK starts with the undotted {@code PPKKCC}), so both are
 * accepted and turned into the dotted form the table keys on.
 */
final class RegionCode {

    private static final Pattern DOTTED = Pattern.compile("\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?");
    private static final Pattern DIGITS = Pattern.compile("\\d{2}|\\d{4}|\\d{6}|\\d{10}");
    /** Digits and dots only: a code or the beginning of one. */
    private static final Pattern PARTIAL = Pattern.compile("[\\d.]+");
    private static final int[] DOT_AFTER = {2, 4, 6};

    private RegionCode() {
    }

    /** The dotted form of a complete code, or empty when {@code raw} is not one. */
    static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        if (DOTTED.matcher(s).matches()) {
            return Optional.of(s);
        }
        if (DIGITS.matcher(s).matches()) {
            return Optional.of(dot(s));
        }
        return Optional.empty();
    }

    /** Whether a search text is (the beginning of) a code rather than a name. */
    static boolean looksLikeCode(String text) {
        return PARTIAL.matcher(text).matches() && text.chars().anyMatch(Character::isDigit);
    }

    /**
     * The dotted beginning of a code for a prefix search: {@code 3510} gives {@code 35.10}, {@code 351}
     * gives {@code 35.1}, and a dotted text is kept as typed.
     */
    static String prefix(String text) {
        String s = text.strip();
        return s.indexOf('.') >= 0 ? s : dot(s);
    }

    static RegionLevel level(String dotted) {
        return levelOfLength(dotted.length());
    }

    /** The level of a dotted code {@code length} characters long. */
    static RegionLevel levelOfLength(int length) {
        return switch (length) {
            case 2 -> RegionLevel.PROVINCE;
            case 5 -> RegionLevel.REGENCY;
            case 8 -> RegionLevel.DISTRICT;
            case 13 -> RegionLevel.VILLAGE;
            default -> throw new IllegalArgumentException("No region code is " + length + " characters long");
        };
    }

    /**
     * What a dotted code says a region is. Kabupaten are {@code 01}-{@code 69} and kota {@code 71}-{@code 99};
     * a village code starting with 1 is a kelurahan, with 2 a desa, and with 3 a desa adat (customary
     * village, in Papua), which is a desa too.
     */
    static RegionKind kind(String dotted) {
        return switch (level(dotted)) {
            case PROVINCE -> RegionKind.PROVINSI;
            case REGENCY -> Integer.parseInt(dotted.substring(3, 5)) < 70 ? RegionKind.KABUPATEN : RegionKind.KOTA;
            case DISTRICT -> RegionKind.KECAMATAN;
            case VILLAGE -> dotted.charAt(9) == '1' ? RegionKind.KELURAHAN : RegionKind.DESA;
        };
    }

    /** The codes above a dotted code, province first: {@code 36.71.01} gives {@code [36, 36.71]}. */
    static List<String> ancestors(String dotted) {
        List<String> codes = new ArrayList<>(3);
        for (int end = dotted.indexOf('.'); end > 0; end = dotted.indexOf('.', end + 1)) {
            codes.add(dotted.substring(0, end));
        }
        return codes;
    }

    private static String dot(String digits) {
        StringBuilder b = new StringBuilder(digits.length() + 3);
        for (int i = 0; i < digits.length(); i++) {
            for (int at : DOT_AFTER) {
                if (i == at) {
                    b.append('.');
                }
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }
}
