package id.gerai.application;

import java.io.Serializable;
import java.util.List;

/**
 * What the citizen must fix.
 *
 * @param step      the step that asked
 * @param fields    form field paths to fix (e.g. {@code nama}, {@code alamat})
 * @param documents document codes to upload again
 * @param message   the officer's explanation, shown to the citizen
 */
public record Correction(String step, List<String> fields, List<String> documents, String message) implements Serializable {

    public Correction {
        fields = fields == null ? List.of() : List.copyOf(fields);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
