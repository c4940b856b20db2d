package id.gerai.catalog;

/**
 * One difference between two designs, summarised for people: which part, which item of it (a field name,
 * a step code, a document code, a standard component; {@code null} for parts that are one value) and how.
 * Labels under {@code catalog.part.*} and {@code catalog.change.*}.
 */
public record DesignChange(Part part, String item, Kind kind) {

    public enum Part {
        NAME, SUMMARY, KIND, CATEGORY, LIFE_EVENTS, CHANNELS, STANDARD, FEE, TIME_LIMIT, DOCUMENT, FIELD, FORM_ORDER,
        STEP, PROCEDURE_ORDER, OUTPUT
    }

    public enum Kind {
        ADDED, REMOVED, CHANGED
    }
}
