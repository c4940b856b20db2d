package id.gerai.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.gerai.catalog.CatalogSamples;
import id.gerai.catalog.ServiceDesign;
import id.gerai.platform.GeraiException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The design file: what is exported is imported back unchanged; a broken file is refused clearly. */
class CatalogDesignJsonTests {

    private final DesignJson json = new DesignJson(JsonMapper.builder().build());

    @Test
    void exportThenImportGivesTheSameDesign() {
        ServiceDesign design = CatalogSamples.valid();
        String file = json.writePretty(design);
        assertThat(file).startsWith("{\n").contains("\"format\" : \"" + ServiceDesign.FORMAT + "\"");
        ServiceDesign back = json.parse(file);
        // a design read from the file equals one read back from the database
        assertThat(back).isEqualTo(json.read(json.write(design)));
        assertThat(json.writePretty(back)).isEqualTo(file);
        assertThat(json.digest(back)).isEqualTo(json.digest(design));
    }

    @Test
    void notJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> json.parse("{\n  \"format\": \"gerai.service-design/1\",\n  \"name\": \n}"))
                .isInstanceOfSatisfying(GeraiException.class, e -> {
                    assertThat(e.code()).isEqualTo("catalog-bad-json");
                    assertThat(e.args()).containsExactly(4, 1);
                });
        assertThatThrownBy(() -> json.parse("")).isInstanceOfSatisfying(GeraiException.class,
                e -> assertThat(e.code()).isEqualTo("catalog-bad-json"));
        assertThatThrownBy(() -> json.parse("[1, 2]")).isInstanceOfSatisfying(GeraiException.class,
                e -> assertThat(e.code()).isEqualTo("catalog-bad-json"));
    }

    @Test
    void aJsonFileThatIsNotADesign() {
        assertThatThrownBy(() -> json.parse("{\"name\": \"Akta\"}")).isInstanceOfSatisfying(GeraiException.class,
                e -> assertThat(e.code()).isEqualTo("catalog-import-format"));
        assertThatThrownBy(() -> json.parse("{\"format\": \"gerai.service-design/1\", \"form\": {\"ui\": {\"nama\": {\"widget\": \"SLIDER\"}}}}"))
                .isInstanceOfSatisfying(GeraiException.class, e -> {
                    assertThat(e.code()).isEqualTo("catalog-bad-design");
                    assertThat(e.args()).containsExactly("form.ui.nama.widget");
                });
        assertThatThrownBy(() -> json.parse("{\"format\": \"gerai.service-design/1\", \"timeLimitDays\": \"lama\"}"))
                .isInstanceOfSatisfying(GeraiException.class, e -> assertThat(e.code()).isEqualTo("catalog-bad-design"));
    }

    @Test
    void slugsAreReadableAscii() {
        assertThat(CatalogService.slug("Surat Keterangan Tidak Mampu (SKTM)")).isEqualTo("surat-keterangan-tidak-mampu-sktm");
        assertThat(CatalogService.slug("Izin Reklame — Papan/Billboard")).isEqualTo("izin-reklame-papan-billboard");
        assertThat(CatalogService.slug("Pendaftaran Ésport")).isEqualTo("pendaftaran-esport");
        assertThat(CatalogService.slug("***")).isEqualTo("layanan");
    }
}
