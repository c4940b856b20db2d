package id.gerai.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.gerai.catalog.CatalogSamples;
import id.gerai.catalog.FormProblem;
import id.gerai.catalog.FormValidation;
import id.gerai.catalog.ServiceDesign;
import id.gerai.platform.GeraiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submitted data against a form made by {@link id.gerai.catalog.FormFields}: every field type, valid and
 * not, with field-level message keys. NIK and region checks are stand-ins here; {@code CatalogLifecycleIT}
 * runs the real ones.
 */
class CatalogFormValidationTests {

    /** A NIK is "valid" when it has 16 digits and does not end in 0000; regions are the two codes below. */
    private final SchemaFormValidator validator = new SchemaFormValidator(
            nik -> !nik.matches("\\d{16}") ? List.of("format") : nik.endsWith("0000") ? List.of("serial") : List.of(),
            code -> code.equals("36.71.01.1001") || code.equals("35.10.01.2001"),
            JsonMapper.builder().build());
    private final ServiceDesign.Form form = CatalogSamples.valid().form();

    static Map<String, Object> validData() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("namaAnak", "Budi Santoso");
        d.put("tanggalLahir", "2026-01-15");
        d.put("jenisKelamin", "L");
        d.put("nikIbu", "3671014501900001");
        d.put("tempatLahir", "36.71.01.1001");
        d.put("alamat", Map.of("street", "Jl. Merdeka No. 5", "rt", "001", "rw", "02", "villageCode", "35.10.01.2001"));
        d.put("beratLahir", 3200);
        d.put("kembar", false);
        d.put("telepon", "0812-3456-7890");
        d.put("email", "siti@contoh.id");
        d.put("catatan", "Lahir di rumah sakit.");
        d.put("dokumenTambahan", List.of("KIA", "KK"));
        d.put("saksi", List.of(Map.of("nama", "Andi", "nik", "3671010101800002"), Map.of("nama", "Rina", "nik", "3671014101850003")));
        return d;
    }

    private Map<String, String> errors(Map<String, Object> data) {
        Map<String, String> m = new LinkedHashMap<>();
        validator.validate(form, data).byPath().forEach((path, p) -> m.put(path, p.code()));
        return m;
    }

    private Map<String, String> errorsWith(String field, Object value) {
        Map<String, Object> d = validData();
        d.put(field, value);
        return errors(d);
    }

    @Test
    void validDataPasses() {
        FormValidation v = validator.validate(form, validData());
        assertThat(v.problems()).isEmpty();
        assertThat(v.valid()).isTrue();
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        Map<String, Object> d = validData();
        d.remove("namaAnak");
        d.remove("saksi");
        d.put("jenisKelamin", null);
        assertThat(errors(d)).containsEntry("namaAnak", "catalog.form.error.required")
                .containsEntry("saksi", "catalog.form.error.required")
                .containsEntry("jenisKelamin", "catalog.form.error.type.string");
        assertThat(errorsWith("namaAnak", "")).containsExactly(Map.entry("namaAnak", "catalog.form.error.required"));
        assertThat(errorsWith("saksi", List.of())).containsExactly(Map.entry("saksi", "catalog.form.error.required"));
        assertThat(errorsWith("dokumenTambahan", List.of())).isEmpty(); // optional
    }

    @Test
    void eachFieldTypeRefusesWhatItIsNot() {
        assertThat(errorsWith("namaAnak", 42)).containsExactly(Map.entry("namaAnak", "catalog.form.error.type.string"));
        assertThat(errorsWith("namaAnak", "x".repeat(201))).containsExactly(Map.entry("namaAnak", "catalog.form.error.max-length"));
        assertThat(errorsWith("catatan", "x".repeat(2001))).containsExactly(Map.entry("catatan", "catalog.form.error.max-length"));
        assertThat(errorsWith("tanggalLahir", "2026-02-30")).containsExactly(Map.entry("tanggalLahir", "catalog.form.error.format.date"));
        assertThat(errorsWith("tanggalLahir", "15/01/2026")).containsExactly(Map.entry("tanggalLahir", "catalog.form.error.format.date"));
        assertThat(errorsWith("jenisKelamin", "X")).containsExactly(Map.entry("jenisKelamin", "catalog.form.error.choice"));
        assertThat(errorsWith("dokumenTambahan", List.of("KIA", "SIM"))).containsExactly(Map.entry("dokumenTambahan[1]", "catalog.form.error.choice"));
        assertThat(errorsWith("dokumenTambahan", List.of("KK", "KK"))).containsExactly(Map.entry("dokumenTambahan", "catalog.form.error.unique"));
        assertThat(errorsWith("kembar", "ya")).containsExactly(Map.entry("kembar", "catalog.form.error.type.boolean"));
        assertThat(errorsWith("beratLahir", "3200")).containsExactly(Map.entry("beratLahir", "catalog.form.error.type.number"));
        assertThat(errorsWith("beratLahir", 100)).containsExactly(Map.entry("beratLahir", "catalog.form.error.minimum"));
        assertThat(errorsWith("beratLahir", 9000)).containsExactly(Map.entry("beratLahir", "catalog.form.error.maximum"));
        assertThat(errorsWith("telepon", "12345")).containsExactly(Map.entry("telepon", "catalog.form.error.format.phone-id"));
        assertThat(errorsWith("telepon", "+62 21 5551234")).isEmpty();
        assertThat(errorsWith("email", "siti@")).containsExactly(Map.entry("email", "catalog.form.error.format.email"));
        assertThat(errorsWith("tempatLahir", "36.71")).containsExactly(Map.entry("tempatLahir", "catalog.form.error.region-village"));
        assertThat(errorsWith("tempatLahir", "99.99.99.9999")).containsExactly(Map.entry("tempatLahir", "catalog.form.error.format.region-code"));
        assertThat(errorsWith("sesuatu", "lain")).containsExactly(Map.entry("sesuatu", "catalog.form.error.unknown-field"));
    }

    @Test
    void aBadNikSaysWhatIsWrong() {
        assertThat(errorsWith("nikIbu", "36710145019")).containsExactly(Map.entry("nikIbu", "catalog.form.error.nik.format"));
        assertThat(errorsWith("nikIbu", "3671014501900000")).containsExactly(Map.entry("nikIbu", "catalog.form.error.nik.serial"));
    }

    @Test
    void addressPartsAreCheckedOneByOne() {
        assertThat(errorsWith("alamat", Map.of("street", "Jl. Merdeka", "rt", "1234", "villageCode", "36.71.01")))
                .containsEntry("alamat.rt", "catalog.form.error.rt-rw")
                .containsEntry("alamat.villageCode", "catalog.form.error.region-village");
        assertThat(errorsWith("alamat", Map.of("rt", "01"))).containsEntry("alamat.street", "catalog.form.error.required")
                .containsEntry("alamat.villageCode", "catalog.form.error.required");
        assertThat(errorsWith("alamat", "Jl. Merdeka 5")).containsExactly(Map.entry("alamat", "catalog.form.error.type.object"));
    }

    @Test
    void aRepeatingGroupNamesTheRowAndTheField() {
        List<Object> rows = new ArrayList<>();
        rows.add(Map.of("nama", "Andi", "nik", "3671010101800002"));
        rows.add(Map.of("nik", "123"));
        rows.add(Map.of("nama", "Rina", "nik", "3671014101850003", "umur", 30));
        assertThat(errorsWith("saksi", rows)).containsExactly(
                Map.entry("saksi[1].nik", "catalog.form.error.nik.format"),
                Map.entry("saksi[1].nama", "catalog.form.error.required"),
                Map.entry("saksi[2].umur", "catalog.form.error.unknown-field"));
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            many.add(Map.of("nama", "Saksi " + i, "nik", "3671010101800002"));
        }
        assertThat(errorsWith("saksi", many)).containsExactly(Map.entry("saksi", "catalog.form.error.max-items"));
    }

    @Test
    void dataThatIsNotAnObject() {
        assertThat(validator.validate(form, List.of("a")).problems())
                .containsExactly(new FormProblem("", "catalog.form.error.type.object", List.of()));
    }

    @Test
    void problemsReadInBothLanguages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/catalog");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        FormValidation v = validator.validate(form, Map.of("namaAnak", "x".repeat(300)));
        assertThat(v.messages(messages, Locale.forLanguageTag("id"))).containsEntry("namaAnak", "Isian paling banyak 200 karakter.")
                .containsEntry("nikIbu", "Wajib diisi.");
        assertThat(v.messages(messages, Locale.ENGLISH)).containsEntry("namaAnak", "Enter at most 200 characters.")
                .containsEntry("nikIbu", "This field is required.");
    }

    @Test
    void aBrokenSchemaIsRefusedNotIgnored() {
        assertThatThrownBy(() -> validator.validate(Map.of("$ref", "http://localhost:1/x.json"), Map.of()))
                .isInstanceOf(GeraiException.class).hasMessage("catalog-form-schema-invalid");
        assertThat(validator.schemaProblems(Map.of("type", "objek"))).containsExactly("/type");
    }

    @Test
    void theCompiledSchemaFollowsTheSchemaNotTheMapHoldingIt() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", new LinkedHashMap<>(Map.of("nama", Map.of("type", "string"))));
        assertThat(validator.validate(schema, Map.of()).byPath()).isEmpty();
        // the same map changed in place (a draft being edited): the cache must not answer with the old schema
        schema.put("required", new ArrayList<>(List.of("nama")));
        assertThat(validator.validate(schema, Map.of()).byPath()).containsOnlyKeys("nama");
        // an equal schema in another map is the same schema
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        assertThat(validator.validate(copy, Map.of("nama", "Siti")).byPath()).isEmpty();
        assertThat(validator.validate(copy, Map.of()).byPath()).containsOnlyKeys("nama");
        assertThatThrownBy(() -> validator.validate((Map<String, Object>) null, Map.of()))
                .isInstanceOf(GeraiException.class).hasMessage("catalog-form-schema-invalid");
    }
}
