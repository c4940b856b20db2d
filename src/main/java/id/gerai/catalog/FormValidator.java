package id.gerai.catalog;

import java.util.Map;

/**
 * Validates submitted form data against a service version's JSON Schema, with the custom formats Gerai
 * forms use: {@code nik} (identity's NIK check), {@code region-code} (a current Kemendagri code),
 * {@code phone-id} (an Indonesian phone number) and {@code email}; {@code date} is checked too.
 *
 * <p>The answer names each field that is wrong by its path in the data ({@code nama},
 * {@code alamat.villageCode}, {@code anggota[1].nik}) with a message key and its arguments, so a page can
 * show the message next to the field and an API can answer it in the caller's language:
 * {@code messageSource.getMessage(problem, locale)}.
 *
 * <p>Compiled schemas are cached by their content, so validating many applications of one version is cheap.
 * Schemas never load anything from the network: only the JSON Schema meta-schemas bundled with the library
 * resolve.
 */
public interface FormValidator {

    /**
     * Validates {@code data} (a JSON object: a {@code Map}, a Jackson node, or a record) against {@code form}'s schema.
     */
    FormValidation validate(ServiceDesign.Form form, Object data);

    /** Validates {@code data} against a JSON Schema given as parsed maps and lists. */
    FormValidation validate(Map<String, Object> schema, Object data);
}
