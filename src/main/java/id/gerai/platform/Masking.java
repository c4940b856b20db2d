package id.gerai.platform;

/** Masks personal data wherever the full value is not needed (lists, logs, exports). */
public final class Masking {

    private Masking() {
    }

    /** {@code 3671014501900001} becomes {@code 3671********0001}. */
    public static String nik(String nik) {
        if (nik == null || nik.length() < 8) {
            return nik == null ? null : "*".repeat(nik.length());
        }
        return nik.substring(0, 4) + "*".repeat(nik.length() - 8) + nik.substring(nik.length() - 4);
    }

    /** {@code budi.santoso@mail.id} becomes {@code b***@mail.id}. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /**
     * {@code 628123456789} becomes {@code 62812****789}: the operator and the last three digits stay, enough
     * to tell two numbers apart in a log, not enough to call one. Short values are masked whole.
     */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 9) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 5) + "*".repeat(phone.length() - 8) + phone.substring(phone.length() - 3);
    }

    /**
     * {@code Budi  Santoso} becomes {@code B*** S***}: the first letter of each word, enough to tell in a log that a
     * name changed and roughly how, not enough to read it.
     */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder masked = new StringBuilder();
        for (String word : name.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!masked.isEmpty()) {
                masked.append(' ');
            }
            masked.appendCodePoint(word.codePointAt(0)).append("***");
        }
        return masked.toString();
    }
}
