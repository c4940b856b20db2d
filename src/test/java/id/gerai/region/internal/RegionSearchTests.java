package id.gerai.region.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.gerai.region.Region;
import id.gerai.region.RegionApi;
import id.gerai.region.RegionLevel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link RegionApi} as other modules and the pages use it. */
@ApplicationModuleTest
@AutoConfigureMockMvc(addFilters = false) // same context as the web tests, so it starts once
class RegionSearchTests {

    @Autowired RegionApi regions;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void findAcceptsDottedAndBareCodes() {
        assertThat(regions.find("36.71")).get().extracting(Region::name).isEqualTo("Kota Tangerang");
        assertThat(regions.find("3671")).get().extracting(Region::code).isEqualTo("36.71");
        assertThat(regions.find(" 367101 ")).get().extracting(Region::code).isEqualTo("36.71.01");
        assertThat(regions.find("3671011001")).get().extracting(Region::code).isEqualTo("36.71.01.1001");
        assertThat(regions.find("36.71.0")).isEmpty();
        assertThat(regions.find("99.99")).isEmpty();
        assertThat(regions.find("x")).isEmpty();
        assertThat(regions.find(null)).isEmpty();
    }

    @Test
    void provinceExistsOnlyForProvinces() {
        assertThat(regions.provinceExists("36")).isTrue();
        assertThat(regions.provinceExists("99")).isFalse();
        assertThat(regions.provinceExists("36.71")).isFalse();
    }

    @Test
    void childrenWalkDownTheHierarchyInCodeOrder() {
        List<Region> provinces = regions.children(null);
        assertThat(provinces).hasSize(38);
        assertThat(regions.children("")).isEqualTo(provinces);
        assertThat(regions.provinces()).isEqualTo(provinces);
        assertThat(provinces.getFirst().code()).isEqualTo("11");
        assertThat(provinces).extracting(Region::code).isSorted();

        List<Region> banten = regions.children("36");
        assertThat(banten).extracting(Region::code).contains("36.03", "36.71", "36.74").isSorted();
        assertThat(banten).allSatisfy(r -> assertThat(r.parentCode()).isEqualTo("36"));
        assertThat(regions.children("3671")).hasSize(13).allSatisfy(r -> assertThat(r.level()).isEqualTo(RegionLevel.DISTRICT));
        assertThat(regions.children("36.71.01")).extracting(Region::code).startsWith("36.71.01.1001");
        assertThat(regions.children("36.71.01.1001")).isEmpty();
        assertThat(regions.children("99")).isEmpty();
    }

    @Test
    void ancestorsGiveTheBreadcrumbProvinceFirst() {
        assertThat(regions.ancestors("36.71.01.1001")).extracting(Region::code).containsExactly("36", "36.71", "36.71.01");
        assertThat(regions.ancestors("36.71")).extracting(Region::name).containsExactly("Banten");
        assertThat(regions.ancestors("36")).isEmpty();
        assertThat(regions.ancestors("nonsense")).isEmpty();
    }

    @Test
    void nameFindsBothTangerangRegenciesFirst() {
        List<Region> found = regions.search("tangerang", null, 20);

        assertThat(found).extracting(Region::code).startsWith("36.03", "36.71").contains("36.74", "36.71.01");
    }

    @Test
    void kindWordPutsThatKindFirst() {
        assertThat(regions.search("kota tangerang", null, 5)).first().extracting(Region::code).isEqualTo("36.71");
        assertThat(regions.search("Kab. Tangerang", null, 5)).first().extracting(Region::code).isEqualTo("36.03");
        assertThat(regions.search("kec tangerang", null, 5)).first().extracting(Region::code).isEqualTo("36.71.01");
    }

    @Test
    void hintWordsAlsoMatchNamesThatReallyContainThem() {
        // Villages are called "Kota Baru": the kind word must not hide them.
        assertThat(regions.search("kota baru", RegionLevel.VILLAGE, 5))
                .isNotEmpty().allSatisfy(r -> assertThat(r.name()).isEqualToIgnoringCase("Kota Baru"));
    }

    @Test
    void prefixFindsUnfinishedNames() {
        // The three names starting with it come first; merely similar ones (Tanggamus) may follow.
        assertThat(regions.search("Tange", RegionLevel.REGENCY, 10)).extracting(Region::code)
                .startsWith("36.03", "36.71", "36.74");
        assertThat(regions.search("Tange", null, 10)).extracting(Region::code).contains("36.71");
        assertThat(regions.search("banyuwang", null, 5)).first().extracting(Region::code).isEqualTo("35.10");
    }

    @Test
    void typosAreForgiven() {
        assertThat(regions.search("Tanggerang", null, 20)).extracting(Region::code).contains("36.03", "36.71");
        assertThat(regions.search("Banyuwangy", null, 10)).extracting(Region::code).contains("35.10");
        assertThat(regions.search("Minahsa", RegionLevel.REGENCY, 10)).first().extracting(Region::code).isEqualTo("71.02");
        assertThat(regions.search("kapuas hlu", null, 10)).extracting(Region::code).contains("61.06");
    }

    @Test
    void exactOutranksPrefixOutranksSimilar() {
        List<Region> found = regions.search("banyuwangi", null, 50);

        // Exact names (the kabupaten without its prefix, the kecamatan, villages) come before
        // anything merely similar, and higher levels first among them.
        assertThat(found).extracting(Region::code).startsWith("35.10", "35.10.16");
        int lastExact = 0;
        for (int i = 0; i < found.size(); i++) {
            if (NameQuery.normalize(found.get(i).name()).replaceFirst("^kabupaten ", "").equals("banyuwangi")) {
                lastExact = i;
            }
        }
        assertThat(found.subList(0, lastExact + 1))
                .allSatisfy(r -> assertThat(NameQuery.normalize(r.name())).endsWith("banyuwangi"));
    }

    @Test
    void levelFilterKeepsOnlyThatLevel() {
        assertThat(regions.search("tangerang", RegionLevel.DISTRICT, 10))
                .isNotEmpty().allSatisfy(r -> assertThat(r.level()).isEqualTo(RegionLevel.DISTRICT));
    }

    @Test
    void digitsSearchByCodePrefixHigherLevelsFirst() {
        List<Region> dotted = regions.search("35.10", null, 30);
        assertThat(dotted).first().extracting(Region::code).isEqualTo("35.10");
        assertThat(dotted).hasSize(30).allSatisfy(r -> assertThat(r.code()).startsWith("35.10"));
        assertThat(dotted.get(1).code()).isEqualTo("35.10.01");

        assertThat(regions.search("3510", null, 30)).isEqualTo(dotted);
        assertThat(regions.search("36.7", RegionLevel.REGENCY, 10)).extracting(Region::code)
                .containsExactly("36.71", "36.72", "36.73", "36.74");
    }

    @Test
    void blankOrNonsenseFindsNothing() {
        assertThat(regions.search("  ", null, 10)).isEmpty();
        assertThat(regions.search(null, null, 10)).isEmpty();
        assertThat(regions.search("qxzqxzqxz", null, 10)).isEmpty();
        assertThat(regions.search("!!!", null, 10)).isEmpty();
    }

    @Test
    void limitIsChecked() {
        assertThat(regions.search("sari", null, 7)).hasSize(7);
        assertThatThrownBy(() -> regions.search("sari", null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> regions.search("sari", null, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nameSearchUsesTheIndexesNotASequentialScan() {
        String plan = new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
            jdbc.sql("set local enable_seqscan = off").update();
            NameQuery query = NameQuery.parse("tanggerang");
            return String.join("\n", jdbc.sql("explain " + RegionRepository.nameSearchSql(query, null, true))
                    .params(RegionRepository.nameSearchParams(query, null, 20))
                    .query(String.class).list());
        });

        assertThat(plan).contains("region_search_trgm_idx").doesNotContain("Seq Scan on region");
    }
}
