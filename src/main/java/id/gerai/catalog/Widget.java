package id.gerai.catalog;

/**
 * The field types a form can hold; each maps to a JSON Schema shape and a UI hint (see {@link FormFields}).
 * Labels are in the message bundle under {@code catalog.widget.*}.
 */
public enum Widget {
    /** One line of text. */
    TEXT,
    /** Several lines of text. */
    TEXTAREA,
    /** A number, optionally bounded. */
    NUMBER,
    /** A calendar date ({@code YYYY-MM-DD}). */
    DATE,
    /** One value out of a list. */
    SELECT,
    /** Any number of values out of a list. */
    MULTISELECT,
    /** Yes or no. */
    YESNO,
    /** A NIK, checked like identity checks it (16 digits, known province, real birth date, serial). */
    NIK,
    /** A desa/kelurahan, picked down through province, kabupaten/kota and kecamatan; stored as its code. */
    REGION,
    /** An address: street, RT, RW and the desa/kelurahan code. */
    ADDRESS,
    /** An Indonesian phone number. */
    PHONE,
    /** An e-mail address. */
    EMAIL,
    /** A repeating group: a list of rows of nested fields (e.g. family members). */
    GROUP
}
