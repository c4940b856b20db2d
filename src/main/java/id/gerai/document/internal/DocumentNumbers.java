package id.gerai.document.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Document numbers from an agency's format, e.g. {@code 474.1/{seq:4}/{agency}/{year}} gives
 * {@code 474.1/0012/DUKCAPIL/2026}. Placeholders: {@code {seq}} (the running number, per agency and year, no
 * gaps), {@code {seq:N}} (zero-padded to N digits), {@code {agency}} (the agency's code), {@code {year}},
 * {@code {month}} (two digits) and {@code {roman}} (the month in Roman numerals, as in {@code /V/2026}).
 * Literal text may hold letters, digits, spaces and {@code . / - _ :}.
 */
final class DocumentNumbers {

    private static final Pattern TOKEN = Pattern.compile("\\{(seq(?::([1-8]))?|agency|year|month|roman)}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9./\\-_: ]*");
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
    static final int MAX_LENGTH = 80;

    private DocumentNumbers() {
    }

    /** The reason the format is unusable (a {@code document.settings.*} message key), or {@code null} when it is fine. */
    static String problem(String format) {
        if (format == null || format.isBlank()) {
            return "document.settings.format.required";
        }
        if (format.length() > MAX_LENGTH) {
            return "document.settings.format.too-long";
        }
        Matcher m = TOKEN.matcher(format);
        StringBuilder literal = new StringBuilder();
        int last = 0;
        boolean seq = false;
        boolean year = false;
        while (m.find()) {
            literal.append(format, last, m.start());
            seq |= m.group(1).startsWith("seq");
            year |= m.group(1).equals("year");
            last = m.end();
        }
        literal.append(format.substring(last));
        if (!LITERAL.matcher(literal).matches()) {
            return "document.settings.format.characters";
        }
        if (!seq || !year) {
            return "document.settings.format.seq-year";
        }
        return null;
    }

    static void validate(String format, String setting) {
        String problem = problem(format);
        if (problem != null) {
            throw new IllegalStateException(setting + " '" + format + "' is not a usable document number format: it needs "
                    + "{seq} (or {seq:N}) and {year}, and only letters, digits, spaces and . / - _ : besides");
        }
    }

    static String format(String format, int seq, String agencyCode, int year, int month) {
        Matcher m = TOKEN.matcher(format);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "agency" -> agencyCode;
                case "year" -> String.valueOf(year);
                case "month" -> String.format("%02d", month);
                case "roman" -> ROMAN[month - 1];
                default -> m.group(2) == null ? String.valueOf(seq)
                        : String.format("%0" + m.group(2) + "d", seq);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
