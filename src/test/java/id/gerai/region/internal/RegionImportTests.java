package id.gerai.region.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.gerai.region.RegionApi;
import id.gerai.region.RegionKind;
import id.gerai.region.RegionLevel;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

/** The start-up import: complete, repeatable, quick when there is nothing to do, and careful with changes. */
@ApplicationModuleTest
@AutoConfigureMockMvc(addFilters = false) // same context as the web tests, so it starts once
class RegionImportTests {

    @Autowired RegionImporter importer;
    @Autowired RegionApi regions;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void restoreBundledDataset() {
        importer.importIfChanged(RegionDataset.bundled());
    }

    @Test
    void startUpImportedEveryLevel() {
        Map<String, Integer> perLevel = new java.util.HashMap<>();
        jdbc.sql("select level, count(*) from region where retired_at is null group by level")
                .query(rs -> {
                    perLevel.put(rs.getString(1), rs.getInt(2));
                });

        assertThat(perLevel).containsOnly(Map.entry("PROVINCE", 38), Map.entry("REGENCY", 514),
                Map.entry("DISTRICT", 7285), Map.entry("VILLAGE", 83762));
        assertThat(jdbc.sql("select count(*) from region_import where dataset = 'idn-area-data' and version = :v")
                .param("v", RegionDataset.BUNDLED_VERSION).query(Integer.class).single()).isPositive();
    }

    @Test
    void sameDatasetAgainIsSkippedWithoutWriting() {
        int importsBefore = importRows();

        RegionImporter.Outcome outcome = importer.importIfChanged(RegionDataset.bundled());

        assertThat(outcome.skipped()).isTrue();
        assertThat(outcome.millis()).isLessThan(1_000);
        assertThat(outcome.counts()).containsEntry(RegionLevel.VILLAGE, 83762);
        assertThat(importRows()).isEqualTo(importsBefore);
    }

    @Test
    void forcedReimportChangesNothingAndAddsNoDuplicates() {
        RegionImporter.Outcome outcome = importer.importDataset(RegionDataset.bundled(), true);

        assertThat(outcome.skipped()).isFalse();
        assertThat(outcome.inserted()).isZero();
        assertThat(outcome.updated()).isZero();
        assertThat(outcome.retired()).isZero();
        assertThat(jdbc.sql("select count(*) from region").query(Integer.class).single()).isEqualTo(91_599);
    }

    @Test
    void kindFollowsTheCode() {
        assertThat(regions.find("11").orElseThrow().kind()).isEqualTo(RegionKind.PROVINSI);
        assertThat(regions.find("36.71").orElseThrow().kind()).isEqualTo(RegionKind.KOTA);
        assertThat(regions.find("35.10").orElseThrow().kind()).isEqualTo(RegionKind.KABUPATEN);
        assertThat(regions.find("36.71.01").orElseThrow().kind()).isEqualTo(RegionKind.KECAMATAN);
        assertThat(regions.find("36.71.01.1001").orElseThrow().kind()).isEqualTo(RegionKind.KELURAHAN);
        assertThat(regions.find("35.10.01.2001").orElseThrow().kind()).isEqualTo(RegionKind.DESA);
        // Desa adat (customary villages, 3xxx) are desa.
        assertThat(regions.find("91.03.01.3007").orElseThrow().kind()).isEqualTo(RegionKind.DESA);
        assertThat(regions.find("36.71.01.1001").orElseThrow().level()).isEqualTo(RegionLevel.VILLAGE);
        assertThat(regions.find("36.71.01.1001").orElseThrow().parentCode()).isEqualTo("36.71.01");
    }

    @Test
    void namesWithCommasAndQuotesSurviveTheCsv() {
        assertThat(regions.find("12.07.28.1007").orElseThrow().name()).isEqualTo("Lubuk Pakam I,II");
        assertThat(regions.find("35.13.15.2017").orElseThrow().name()).isEqualTo("Soka\"an");
    }

    @Test
    void aCodeTheDatasetDropsIsRetiredAndComesBackWithIt() {
        // looked up before the import: what was found then must not outlive it
        assertThat(regions.find("96.71.10.1004")).isPresent();
        assertThat(regions.find("36.71").orElseThrow().name()).isEqualTo("Kota Tangerang");
        RegionDataset next = modified(RegionDataset.bundled(), "4.0.1-test", Map.of(
                RegionLevel.VILLAGE, csv -> csv.replace("96.71.10.1004,96.71.10,Tanjung Kasuari\n", ""),
                RegionLevel.REGENCY, csv -> csv.replace("36.71,36,Kota Tangerang\n", "36.71,36,Kota Tangerang Raya\n")));

        RegionImporter.Outcome changed = importer.importIfChanged(next);

        assertThat(changed.skipped()).isFalse();
        assertThat(changed.retired()).isEqualTo(1);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.inserted()).isZero();
        assertThat(regions.find("96.71.10.1004")).isEmpty();
        assertThat(regions.children("96.71.10")).extracting("code").doesNotContain("96.71.10.1004");
        assertThat(regions.find("36.71").orElseThrow().name()).isEqualTo("Kota Tangerang Raya");
        // Retired, not deleted: stored addresses still point at a row.
        assertThat(jdbc.sql("select retired_at is not null from region where code = '96.71.10.1004'")
                .query(Boolean.class).single()).isTrue();

        RegionImporter.Outcome back = importer.importIfChanged(RegionDataset.bundled());

        assertThat(back.skipped()).isFalse();
        assertThat(back.updated()).isEqualTo(2);
        assertThat(regions.find("96.71.10.1004").orElseThrow().name()).isEqualTo("Tanjung Kasuari");
        assertThat(regions.find("36.71").orElseThrow().name()).isEqualTo("Kota Tangerang");
    }

    @Test
    void aDatasetWithAnOrphanIsRefusedAndChangesNothing() {
        RegionDataset broken = modified(RegionDataset.bundled(), "broken", Map.of(
                RegionLevel.VILLAGE, csv -> csv + "99.99.99.2001,99.99.99,Nowhere\n",
                RegionLevel.REGENCY, csv -> csv.replace("36.71,36,Kota Tangerang\n", "36.71,36,Changed\n")));
        int importsBefore = importRows();

        assertThatThrownBy(() -> importer.importIfChanged(broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("99.99.99.2001");

        assertThat(regions.find("36.71").orElseThrow().name()).isEqualTo("Kota Tangerang");
        assertThat(regions.find("99.99.99.2001")).isEmpty();
        assertThat(importRows()).isEqualTo(importsBefore);
    }

    @Test
    void aFileWithCodesOfAnotherLevelIsRefused() {
        RegionDataset mixed = modified(RegionDataset.bundled(), "mixed", Map.of(
                RegionLevel.REGENCY, csv -> csv + "36.71.99,36.71,Misplaced\n"));

        assertThatThrownBy(() -> importer.importIfChanged(mixed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'36.71.99' is not a REGENCY code");
        assertThat(regions.find("36.71.99")).isEmpty();
    }

    private int importRows() {
        return jdbc.sql("select count(*) from region_import").query(Integer.class).single();
    }

    private static RegionDataset modified(RegionDataset base, String version, Map<RegionLevel, UnaryOperator<String>> changes) {
        Map<RegionLevel, byte[]> files = new EnumMap<>(base.files());
        changes.forEach((level, change) ->
                files.put(level, change.apply(new String(files.get(level), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        return new RegionDataset(base.name(), version, files);
    }
}
