package id.gerai.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Masked values keep enough to tell two apart in a log and never enough to read the value. */
class MaskingTests {

    @Test
    void aNameKeepsTheFirstLetterOfEachWordOnly() {
        assertThat(Masking.name("Budi  Santoso")).isEqualTo("B*** S***");
        assertThat(Masking.name(" Siti Nur'aini Ahmad ")).isEqualTo("S*** N*** A***");
        assertThat(Masking.name("Ñoman")).isEqualTo("Ñ***");
        assertThat(Masking.name("")).isEmpty();
        assertThat(Masking.name(null)).isNull();
        assertThat(Masking.name("Budi Santoso")).doesNotContain("udi").doesNotContain("antoso");
    }

    @Test
    void anEmailKeepsItsFirstLetterAndDomain() {
        assertThat(Masking.email("budi.santoso@mail.id")).isEqualTo("b***@mail.id");
        assertThat(Masking.email("tanpa-at")).isEqualTo("***");
    }

    @Test
    void aPhoneKeepsTheOperatorAndTheLastThreeDigits() {
        assertThat(Masking.phone("081234567890")).isEqualTo("08123****890");
        assertThat(Masking.phone("0812")).isEqualTo("****");
    }
}
