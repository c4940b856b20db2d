package id.gerai.application;

import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.catalog.FormFields;
import id.gerai.catalog.FormFields.Field;
import id.gerai.catalog.Widget;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormDataTests {

    private final List<Field> fields = List.of(
            Field.of("nama", Widget.TEXT, true, "Nama", "Name"),
            Field.of("umur", Widget.NUMBER, false, "Umur", "Age"),
            Field.of("setuju", Widget.YESNO, false, "Setuju", "Agree"),
            Field.choice("minat", Widget.MULTISELECT, false, "Minat", "Interest",
                    List.of(FormFields.option("a", "A", null), FormFields.option("b", "B", null))),
            Field.of("alamat", Widget.ADDRESS, true, "Alamat", "Address"),
            Field.of("nik", Widget.NIK, true, "NIK", "NIK"),
            Field.group("anggota", false, "Anggota", "Members", List.of(Field.of("nama", Widget.TEXT, true, "Nama", null))));

    @Test
    void aFormPostBecomesSchemaShapedData() {
        Map<String, Object> data = FormData.fromParams(fields, Map.of(
                "f.nama", new String[] {"  Siti Aminah "},
                "f.umur", new String[] {"41"},
                "f.setuju", new String[] {"true"},
                "f.minat", new String[] {"a", "b", "a", ""},
                "f.alamat.street", new String[] {"Jl. Melati 3"},
                "f.alamat.villageCode", new String[] {"36.71.01.1001"},
                "f.nik", new String[] {"3671 0145 0190 0001"},
                "f.anggota[0].nama", new String[] {"Budi"},
                "f.anggota[1].nama", new String[] {""},
                "f.anggota[2].nama", new String[] {"Ani"}));
        assertThat(data).containsEntry("nama", "Siti Aminah").containsEntry("umur", new BigDecimal("41"))
                .containsEntry("setuju", true).containsEntry("minat", List.of("a", "b"))
                .containsEntry("alamat", Map.of("street", "Jl. Melati 3", "villageCode", "36.71.01.1001"))
                .containsEntry("nik", "3671014501900001")
                .containsEntry("anggota", List.of(Map.of("nama", "Budi"), Map.of("nama", "Ani")));
        assertThat(FormData.text(data, "anggota[1].nama")).isEqualTo("Ani");
        assertThat(FormData.text(data, "alamat.street")).isEqualTo("Jl. Melati 3");
        assertThat(FormData.has(data, "minat", "b")).isTrue();
        assertThat(FormData.rows(data, "anggota")).isEqualTo(3);
    }

    @Test
    void blanksAreLeftOutAndBadNumbersKeptForTheSchemaToReport() {
        Map<String, Object> data = FormData.fromParams(fields, Map.of("f.nama", new String[] {"   "},
                "f.umur", new String[] {"empat puluh"}));
        assertThat(data).doesNotContainKey("nama").containsEntry("umur", "empat puluh");
        assertThat(FormData.text(data, "nama")).isEmpty();
    }
}
