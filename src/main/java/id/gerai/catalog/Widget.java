package id.gerai.catalog;

/** The field types a form can hold; each maps to a JSON Schema shape (see {@code FormFields}). */
public enum Widget {
    TEXT, TEXTAREA, NUMBER, DATE, SELECT, MULTISELECT, YESNO, NIK, REGION, ADDRESS, PHONE, EMAIL, GROUP
}
