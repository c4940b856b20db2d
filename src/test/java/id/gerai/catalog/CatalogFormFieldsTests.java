package id.gerai.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.gerai.catalog.FormFields.Field;
import id.gerai.catalog.FormFields.Fragment;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each widget becomes the JSON Schema shape and UI hint the editor relies on. */
class CatalogFormFieldsTests {

    @Test
    void eachWidgetHasItsSchemaShape() {
        assertThat(schema(Field.of("nama", Widget.TEXT, true, "Nama", "Name")))
                .isEqualTo(Map.of("type", "string", "minLength", 1, "maxLength", 200));
        assertThat(schema(Field.of("uraian", Widget.TEXTAREA, false, "Uraian", null)))
                .isEqualTo(Map.of("type", "string", "maxLength", 2000));
        assertThat(schema(Field.of("luas", Widget.NUMBER, false, "Luas", null).withBounds(BigDecimal.ONE, null)))
                .isEqualTo(Map.of("type", "number", "minimum", BigDecimal.ONE));
        assertThat(schema(Field.of("tanggal", Widget.DATE, true, "Tanggal", null))).isEqualTo(Map.of("type", "string", "format", "date"));
        assertThat(schema(Field.choice("jk", Widget.SELECT, true, "JK", null, List.of(FormFields.option("L", "Laki-laki", "Male")))))
                .isEqualTo(Map.of("type", "string", "enum", List.of("L")));
        assertThat(schema(Field.choice("dok", Widget.MULTISELECT, true, "Dokumen", null,
                List.of(FormFields.option("KK", "KK", null), FormFields.option("KTP", "KTP", null)))))
                .isEqualTo(Map.of("type", "array", "items", Map.of("type", "string", "enum", List.of("KK", "KTP")),
                        "uniqueItems", true, "minItems", 1));
        assertThat(schema(Field.of("kembar", Widget.YESNO, false, "Kembar", null))).isEqualTo(Map.of("type", "boolean"));
        assertThat(schema(Field.of("nik", Widget.NIK, true, "NIK", null))).isEqualTo(Map.of("type", "string", "format", "nik"));
        assertThat(schema(Field.of("desa", Widget.REGION, true, "Desa", null)))
                .isEqualTo(Map.of("type", "string", "format", "region-code", "pattern", FormFields.VILLAGE_PATTERN));
        assertThat(schema(Field.of("hp", Widget.PHONE, false, "HP", null))).isEqualTo(Map.of("type", "string", "format", "phone-id"));
        assertThat(schema(Field.of("surel", Widget.EMAIL, false, "E-mail", null)))
                .isEqualTo(Map.of("type", "string", "format", "email", "maxLength", 254));
        Map<String, Object> address = schema(Field.of("alamat", Widget.ADDRESS, true, "Alamat", null));
        assertThat(address).containsEntry("type", "object").containsEntry("required", List.of("street", "villageCode"))
                .containsEntry("additionalProperties", false);
        assertThat(keys(address.get("properties"))).containsExactly("street", "rt", "rw", "villageCode");
    }

    @Test
    void aRepeatingGroupIsAnArrayOfObjectsWithItsOwnHints() {
        Fragment f = FormFields.fragment(Field.group("anggota", true, "Anggota keluarga", "Family members", List.of(
                Field.of("nama", Widget.TEXT, true, "Nama", "Name"),
                Field.of("nik", Widget.NIK, true, "NIK", "NIK"),
                Field.of("hubungan", Widget.TEXT, false, "Hubungan", "Relation"))));
        assertThat(f.schema()).containsEntry("type", "array").containsEntry("minItems", 1).containsEntry("maxItems", FormFields.GROUP_MAX_ROWS);
        @SuppressWarnings("unchecked") Map<String, Object> items = (Map<String, Object>) f.schema().get("items");
        assertThat(items).containsEntry("type", "object").containsEntry("required", List.of("nama", "nik"))
                .containsEntry("additionalProperties", false).doesNotContainKey("$schema");
        assertThat(f.ui().widget()).isEqualTo(Widget.GROUP);
        assertThat(f.ui().itemOrder()).containsExactly("nama", "nik", "hubungan");
        assertThat(f.ui().items().get("nik").widget()).isEqualTo(Widget.NIK);
        assertThat(f.ui().label("en")).isEqualTo("Family members");
    }

    @Test
    void badFieldsAreRefused() {
        assertThatThrownBy(() -> FormFields.fragment(Field.of("Nama Lengkap", Widget.TEXT, true, "Nama", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FormFields.fragment(Field.choice("jk", Widget.SELECT, true, "JK", null, List.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FormFields.fragment(Field.group("a", false, "A", null,
                List.of(Field.group("b", false, "B", null, List.of(Field.of("c", Widget.TEXT, false, "C", null)))))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FormFields.form(List.of(Field.of("a", Widget.TEXT, false, "A", null), Field.of("a", Widget.DATE, false, "A", null))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEditorAddsReplacesRemovesAndReordersFields() {
        ServiceDesign.Form form = FormFields.emptyForm();
        form = FormFields.put(form, Field.of("nama", Widget.TEXT, true, "Nama", null));
        form = FormFields.put(form, Field.of("nik", Widget.NIK, true, "NIK", null));
        form = FormFields.put(form, Field.of("hp", Widget.PHONE, false, "HP", null));
        assertThat(form.order()).containsExactly("nama", "nik", "hp");
        assertThat(form.schema().get("required")).isEqualTo(List.of("nama", "nik"));

        form = FormFields.put(form, Field.of("nama", Widget.TEXTAREA, false, "Nama lengkap", null));
        assertThat(form.order()).containsExactly("nama", "nik", "hp");
        assertThat(form.schema().get("required")).isEqualTo(List.of("nik"));
        assertThat(form.ui().get("nama").widget()).isEqualTo(Widget.TEXTAREA);

        form = FormFields.remove(form, "nik");
        assertThat(form.order()).containsExactly("nama", "hp");
        assertThat(keys(form.schema().get("properties"))).containsExactly("nama", "hp");
        assertThat(form.schema().get("required")).isEqualTo(List.of());
        assertThat(form.ui()).containsOnlyKeys("nama", "hp");

        form = FormFields.reorder(form, List.of("hp", "tidak-ada"));
        assertThat(form.order()).containsExactly("hp", "nama");
    }

    private static List<String> keys(Object map) {
        return ((Map<?, ?>) map).keySet().stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> schema(Field field) {
        return FormFields.fragment(field).schema();
    }
}
