package id.gerai.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.region.RegionKind;
import id.gerai.region.RegionLevel;
import org.junit.jupiter.api.Test;

class RegionCodeTests {

    @Test
    void normalizesBareDigitsToDottedCodes() {
        assertThat(RegionCode.normalize("36")).contains("36");
        assertThat(RegionCode.normalize("3671")).contains("36.71");
        assertThat(RegionCode.normalize("367101")).contains("36.71.01");
        assertThat(RegionCode.normalize("3671011001")).contains("36.71.01.1001");
        assertThat(RegionCode.normalize(" 36.71 ")).contains("36.71");
    }

    @Test
    void rejectsWhatIsNotACompleteCode() {
        assertThat(RegionCode.normalize("367")).isEmpty();
        assertThat(RegionCode.normalize("36.7")).isEmpty();
        assertThat(RegionCode.normalize("36.71.01.100")).isEmpty();
        assertThat(RegionCode.normalize("3671014501900001")).isEmpty();
        assertThat(RegionCode.normalize("36-71")).isEmpty();
        assertThat(RegionCode.normalize("")).isEmpty();
        assertThat(RegionCode.normalize(null)).isEmpty();
    }

    @Test
    void searchTextIsACodeOnlyWhenDigitsAndDots() {
        assertThat(RegionCode.looksLikeCode("35.10")).isTrue();
        assertThat(RegionCode.looksLikeCode("351")).isTrue();
        assertThat(RegionCode.looksLikeCode("...")).isFalse();
        assertThat(RegionCode.looksLikeCode("35 10")).isFalse();
        assertThat(RegionCode.looksLikeCode("kota 1")).isFalse();
        assertThat(RegionCode.prefix("3510")).isEqualTo("35.10");
        assertThat(RegionCode.prefix("351")).isEqualTo("35.1");
        assertThat(RegionCode.prefix("35100120")).isEqualTo("35.10.01.20");
        assertThat(RegionCode.prefix("35.1")).isEqualTo("35.1");
    }

    @Test
    void levelAndAncestorsFollowFromTheCode() {
        assertThat(RegionCode.level("36")).isEqualTo(RegionLevel.PROVINCE);
        assertThat(RegionCode.level("36.71.01.1001")).isEqualTo(RegionLevel.VILLAGE);
        assertThat(RegionCode.ancestors("36.71.01.1001")).containsExactly("36", "36.71", "36.71.01");
        assertThat(RegionCode.ancestors("36")).isEmpty();
    }

    @Test
    void queryWordsForAKindBecomeAHint() {
        assertThat(NameQuery.parse("Kota Tangerang")).isEqualTo(new NameQuery("kota tangerang", "tangerang", RegionKind.KOTA));
        assertThat(NameQuery.parse("Kab. Banyuwangi")).isEqualTo(new NameQuery("kab banyuwangi", "banyuwangi", RegionKind.KABUPATEN));
        assertThat(NameQuery.parse("tangerang kec")).isEqualTo(new NameQuery("tangerang kec", "tangerang", RegionKind.KECAMATAN));
        assertThat(NameQuery.parse("desa kota baru").hint()).isEqualTo(RegionKind.DESA);
        assertThat(NameQuery.parse("desa kota baru").name()).isEqualTo("kota baru");
        // Alone, a kind word is a name.
        assertThat(NameQuery.parse("Kota")).isEqualTo(new NameQuery("kota", "kota", null));
    }

    @Test
    void queriesAreNormalizedLikeTheStoredNames() {
        assertThat(NameQuery.normalize("  Soka'an ")).isEqualTo("sokaan");
        assertThat(NameQuery.normalize("Regapu’u")).isEqualTo("regapuu");
        assertThat(NameQuery.normalize("Lubuk Pakam I,II")).isEqualTo("lubuk pakam i ii");
        assertThat(NameQuery.normalize("Bánda-Aceh")).isEqualTo("banda aceh");
    }
}
