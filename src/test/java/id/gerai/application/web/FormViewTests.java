package id.gerai.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.application.FormData;
import id.gerai.catalog.CatalogSamples;
import id.gerai.catalog.FormFields.Field;
import id.gerai.application.web.FormView.FieldView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server-rendered form: names that post back into the same data, ids, labels for errors, rows, corrections. */
class FormViewTests {

    private static FormView view(Map<String, Object> data, Map<String, String> errors, List<String> fixes,
                                 Map<String, Integer> rows, boolean english) {
        return new FormView(CatalogSamples.FIELDS, data, errors, fixes, rows, english, key -> "[" + key + "]",
                (key, args) -> "[" + key + ":" + String.join("|", java.util.Arrays.stream(args).map(String::valueOf).toList()) + "]",
                code -> code.equals("36.71.01.1001") ? "Sukarasa, Tangerang" : null, iso -> "date " + iso);
    }

    private static FieldView field(FormView v, String name) {
        return v.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyInputIsNamedTheWayFormDataReadsItBack() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("namaAnak", "Putri");
        data.put("alamat", Map.of("street", "Jl. Melati 3", "villageCode", "36.71.01.1001"));
        data.put("saksi", List.of(Map.of("nama", "Budi", "nik", "3671010101900001")));
        data.put("dokumenTambahan", List.of("KK"));
        data.put("kembar", Boolean.FALSE);
        FormView v = view(data, Map.of(), List.of(), Map.of(), false);

        // post the values the page shows and read them back: the same data
        Map<String, String[]> params = new LinkedHashMap<>();
        for (FieldView f : v.fields()) {
            collect(f, params);
        }
        List<Field> fields = CatalogSamples.FIELDS;
        assertThat(FormData.fromParams(fields, params)).isEqualTo(data);

        FieldView witnesses = field(v, "saksi");
        assertThat(witnesses.rows()).hasSize(2);
        assertThat(witnesses.rows().get(1).items().getFirst().param()).isEqualTo("f.saksi[1].nama");
        assertThat(witnesses.rows().get(1).items().getFirst().id()).isEqualTo("f-saksi-1-nama");
        assertThat(field(v, "alamat").parts().get(3).note()).isEqualTo("Sukarasa, Tangerang");
    }

    private static void collect(FieldView f, Map<String, String[]> params) {
        switch (f.widget()) {
            case "GROUP" -> f.rows().forEach(r -> r.items().forEach(i -> collect(i, params)));
            case "ADDRESS" -> f.parts().forEach(p -> collect(p, params));
            case "SELECT", "MULTISELECT", "YESNO" -> {
                String[] chosen = f.choices().stream().filter(FormView.Choice::chosen).map(FormView.Choice::value).toArray(String[]::new);
                if (chosen.length > 0) {
                    params.put(f.param(), chosen);
                }
            }
            default -> params.put(f.param(), new String[] {f.value()});
        }
    }

    @Test
    void errorsAreLabelledAndLinkedToTheirInputsInThePagesLanguage() {
        FormView v = view(Map.of(), Map.of("nikIbu", "bad nik", "saksi[0].nik", "bad witness", "alamat.villageCode", "bad code",
                "kembar", "choose"), List.of(), Map.of(), true);
        assertThat(v.problems()).extracting(FormView.Problem::anchor)
                .containsExactly("f-nikIbu", "f-alamat-villageCode", "f-kembar-yes", "f-saksi-0-nik");
        assertThat(v.label("saksi[0].nik")).isEqualTo("[citizen.form.row:Witnesses|1]: Witness NIK");
        assertThat(v.label("alamat.villageCode")).isEqualTo("Address: [citizen.address.villageCode]");
        assertThat(field(v, "nikIbu").describedBy()).isEqualTo("f-nikIbu-error");
        assertThat(field(v, "namaAnak").label()).isEqualTo("Child's name");
    }

    @Test
    void aGroupShowsTheRowsAskedForAndACorrectionMarksTheFieldAndWhatItHolds() {
        FormView v = view(Map.of(), Map.of(), List.of("saksi", "namaAnak"), Map.of("saksi", 4), false);
        FieldView witnesses = field(v, "saksi");
        assertThat(witnesses.rows()).hasSize(4);
        assertThat(witnesses.fix()).isTrue();
        assertThat(witnesses.rows().get(3).items()).allMatch(FieldView::fix);
        assertThat(field(v, "namaAnak").fix()).isTrue();
        assertThat(field(v, "namaAnak").describedBy()).isEqualTo("f-namaAnak-fix");
        assertThat(field(v, "nikIbu").fix()).isFalse();
        assertThat(view(Map.of(), Map.of(), List.of(), Map.of("saksi", 99), false).fields().stream()
                .filter(f -> f.name().equals("saksi")).findFirst().orElseThrow().rows()).hasSize(30);
    }

    @Test
    void theSummaryShowsChoicesByTheirLabelsAndLeavesEmptyFieldsOut() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("jenisKelamin", "P");
        data.put("tanggalLahir", "2026-10-01");
        data.put("kembar", Boolean.TRUE);
        data.put("tempatLahir", "36.71.01.1001");
        data.put("saksi", List.of(Map.of("nama", "Budi")));
        List<FormView.Line> lines = view(data, Map.of(), List.of(), Map.of(), false).lines();
        assertThat(lines).extracting(FormView.Line::label)
                .containsExactly("Tanggal lahir", "Jenis kelamin", "Tempat lahir", "Kelahiran kembar", "Saksi");
        assertThat(lines).extracting(FormView.Line::value)
                .containsExactly("date 2026-10-01", "Perempuan", "Sukarasa, Tangerang (36.71.01.1001)", "[common.yes]", null);
        assertThat(lines.getLast().rows()).hasSize(1);
        assertThat(lines.getLast().rows().getFirst()).containsExactly(new FormView.Line("Nama saksi", "Budi", List.of()));
    }
}
