package id.gerai.catalog;

import static id.gerai.catalog.CatalogSamples.step;
import static id.gerai.catalog.CatalogSamples.valid;
import static id.gerai.catalog.CatalogSamples.with;
import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.catalog.DesignChange.Kind;
import id.gerai.catalog.DesignChange.Part;
import id.gerai.catalog.FormFields.Field;
import id.gerai.catalog.ServiceDesign.RequiredDocument;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "What changed" between versions: the parts, fields, steps and documents a reader needs to know about. */
class CatalogDesignDiffTests {

    @Test
    void sameDesignNoChanges() {
        assertThat(DesignDiff.between(valid(), valid())).isEmpty();
    }

    @Test
    void summarisesAddedRemovedAndChangedParts() {
        ServiceDesign before = valid();
        ServiceDesign after = with(before, b -> {
            b.name = "Akta Kelahiran Anak";
            b.fee = new BigDecimal("0.00"); // same amount: not a change
            b.timeLimitDays = 5;
            b.standard.put(StandardComponent.JANGKA_WAKTU, "5 hari kerja");
            b.standard.put(StandardComponent.SARANA_PRASARANA, "Ruang tunggu ber-AC");
            b.documents = List.of(new RequiredDocument("KK", "Kartu Keluarga", null, true, List.of("application/pdf"), 1024));
            ServiceDesign.Form form = FormFields.remove(b.form, "catatan");
            form = FormFields.put(form, Field.of("namaAyah", Widget.TEXT, false, "Nama ayah", "Father's name"));
            form = FormFields.put(form, Field.of("beratLahir", Widget.NUMBER, true, "Berat lahir (gram)", null));
            b.form = form;
            b.steps(step("VERIFIKASI", 1, null, false), step("TEKNIS", 1, null, false), step("TTD", 2, null, true));
            return b;
        });
        assertThat(DesignDiff.between(before, after)).containsExactly(
                new DesignChange(Part.NAME, null, Kind.CHANGED),
                new DesignChange(Part.STANDARD, "JANGKA_WAKTU", Kind.CHANGED),
                new DesignChange(Part.STANDARD, "SARANA_PRASARANA", Kind.ADDED),
                new DesignChange(Part.TIME_LIMIT, null, Kind.CHANGED),
                new DesignChange(Part.DOCUMENT, "SKL", Kind.REMOVED),
                new DesignChange(Part.DOCUMENT, "KK", Kind.ADDED),
                new DesignChange(Part.FIELD, "beratLahir", Kind.CHANGED),
                new DesignChange(Part.FIELD, "catatan", Kind.REMOVED),
                new DesignChange(Part.FIELD, "namaAyah", Kind.ADDED),
                new DesignChange(Part.STEP, "VERIFIKASI", Kind.CHANGED),
                new DesignChange(Part.STEP, "TTD", Kind.CHANGED),
                new DesignChange(Part.STEP, "TEKNIS", Kind.ADDED));
    }

    @Test
    void reorderingIsAChangeOfOrder() {
        ServiceDesign before = valid();
        ServiceDesign after = with(before, b -> {
            List<String> order = new java.util.ArrayList<>(b.form.order());
            java.util.Collections.reverse(order);
            b.form = FormFields.reorder(b.form, order);
            return b;
        });
        assertThat(DesignDiff.between(before, after)).containsExactly(new DesignChange(Part.FORM_ORDER, null, Kind.CHANGED));
    }
}
