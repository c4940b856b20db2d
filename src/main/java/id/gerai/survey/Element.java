package id.gerai.survey;

/**
 * The nine elements (unsur) of the SKM questionnaire, PermenPAN-RB 14/2017, each answered 1 to 4. Their
 * questions and answer labels are in the message bundle ({@code survey.element.u1.question},
 * {@code survey.element.u1.a1} .. {@code a4}).
 */
public enum Element {
    /** Persyaratan. */
    U1,
    /** Sistem, mekanisme dan prosedur. */
    U2,
    /** Waktu penyelesaian. */
    U3,
    /** Biaya/tarif. */
    U4,
    /** Produk spesifikasi jenis pelayanan. */
    U5,
    /** Kompetensi pelaksana. */
    U6,
    /** Perilaku pelaksana. */
    U7,
    /** Sarana dan prasarana. */
    U8,
    /** Penanganan pengaduan, saran dan masukan. */
    U9;

    /** 1 for U1 .. 9 for U9. */
    public int number() {
        return ordinal() + 1;
    }

    /** The message key prefix, e.g. {@code survey.element.u1}. */
    public String key() {
        return "survey.element." + name().toLowerCase();
    }

    public static Element of(int number) {
        if (number < 1 || number > 9) {
            throw new IllegalArgumentException("element " + number);
        }
        return values()[number - 1];
    }
}
