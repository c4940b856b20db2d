package id.gerai.region.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.gerai.region.RegionKind;
import id.gerai.region.RegionLevel;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegionCsvTests {

    @Test
    void parsesQuotedFieldsDoubledQuotesAndWindowsLineEnds() {
        List<List<String>> records = RegionCsv.parse("\uFEFFcode,name\r\n1,\"Lubuk Pakam I,II\"\r\n2,\"Soka\"\"an\"\n\n3,x");

        assertThat(records).containsExactly(List.of("code", "name"), List.of("1", "Lubuk Pakam I,II"),
                List.of("2", "Soka\"an"), List.of("3", "x"));
    }

    @Test
    void kindFollowsTheCode() {
        assertThat(RegionCode.kind("36")).isEqualTo(RegionKind.PROVINSI);
        assertThat(RegionCode.kind("35.10")).isEqualTo(RegionKind.KABUPATEN);
        assertThat(RegionCode.kind("31.01")).isEqualTo(RegionKind.KABUPATEN);
        assertThat(RegionCode.kind("35.69")).isEqualTo(RegionKind.KABUPATEN);
        assertThat(RegionCode.kind("36.71")).isEqualTo(RegionKind.KOTA);
        assertThat(RegionCode.kind("36.99")).isEqualTo(RegionKind.KOTA);
        assertThat(RegionCode.kind("36.71.01")).isEqualTo(RegionKind.KECAMATAN);
        assertThat(RegionCode.kind("36.71.01.1001")).isEqualTo(RegionKind.KELURAHAN);
        assertThat(RegionCode.kind("35.10.01.2001")).isEqualTo(RegionKind.DESA);
        assertThat(RegionCode.kind("91.03.01.3007")).isEqualTo(RegionKind.DESA);
    }

    @Test
    void readsTheBundledDatasetCompletely() {
        List<RegionCsv.Row> rows = RegionCsv.read(RegionDataset.bundled());

        assertThat(rows).hasSize(38 + 514 + 7285 + 83762);
        assertThat(rows.getFirst()).isEqualTo(new RegionCsv.Row("11", null, "Aceh", RegionLevel.PROVINCE, RegionKind.PROVINSI));
        assertThat(rows).contains(new RegionCsv.Row("36.71", "36", "Kota Tangerang", RegionLevel.REGENCY, RegionKind.KOTA));
    }

    @Test
    void copyTextEscapesWhatCopyWouldMisread() {
        String text = RegionCsv.copyText(List.of(
                new RegionCsv.Row("11", null, "A\\B\tC", RegionLevel.PROVINCE, RegionKind.PROVINSI)));

        assertThat(text).isEqualTo("11\t\\N\tA\\\\B\\tC\tPROVINCE\tPROVINSI\n");
    }

    @Test
    void refusesBrokenFilesNamingTheLine() {
        assertRefused(RegionLevel.REGENCY, "code,province_code,name\n36.71,35,Kota Tangerang\n", "parent 35, its code says 36");
        assertRefused(RegionLevel.REGENCY, "code,province_code,name\n36.71,36,Kota Tangerang\n36.71,36,Again\n", "appears twice");
        assertRefused(RegionLevel.REGENCY, "code,province_code,name\n36.71,36,\n", "has no name");
        assertRefused(RegionLevel.REGENCY, "code,province_code,name\n3671,36,Kota Tangerang\n", "'3671' is not a REGENCY code");
        assertRefused(RegionLevel.REGENCY, "code,province_code,name\n36.71,36\n", "REGENCY line 2): expected 3 columns");
        assertRefused(RegionLevel.DISTRICT, "code,regency_code,name\n99.71.01,99.71,Nowhere\n", "parent 99.71 is not in the dataset");
    }

    @Test
    void versionInCodeMatchesTheBundledReadme() throws Exception {
        try (var in = new org.springframework.core.io.ClassPathResource("region/idn-area-data/README.md").getInputStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains(RegionDataset.BUNDLED_NAME + "` " + RegionDataset.BUNDLED_VERSION);
        }
    }

    private static void assertRefused(RegionLevel level, String csv, String message) {
        RegionDataset base = RegionDataset.bundled();
        Map<RegionLevel, byte[]> files = new EnumMap<>(base.files());
        files.put(level, csv.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> RegionCsv.read(new RegionDataset("test", "1", files)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(message);
    }
}
