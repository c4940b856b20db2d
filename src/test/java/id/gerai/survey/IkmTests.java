package id.gerai.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IKM exactly as DOMAIN.md and PermenPAN-RB 14/2017 compute it, with its worked example and grade boundaries. */
class IkmTests {

    @Test
    void theWorkedExampleOfTwentyNineQuestionnaires() {
        // nine element averages summing to 32.931
        List<BigDecimal> averages = List.of("3.724", "3.621", "3.586", "3.862", "3.690", "3.655", "3.724", "3.517", "3.552")
                .stream().map(BigDecimal::new).toList();
        assertThat(averages.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("32.931");
        Ikm ikm = Ikm.fromAverages(29, averages);
        assertThat(ikm.ikm()).isEqualByComparingTo("3.6590");
        assertThat(ikm.converted()).isEqualByComparingTo("91.48");
        assertThat(ikm.converted0111()).isEqualByComparingTo("91.38");
        assertThat(ikm.grade()).isEqualTo(Grade.A);
    }

    @Test
    void theSameFromTheScoresOfTwentyNineQuestionnaires() {
        // 29 questionnaires whose scores total 955 = 32.931 x 29 (rounded): sums per element
        long[] sums = {108, 105, 104, 112, 107, 106, 108, 102, 103};
        long total = 0;
        for (long s : sums) {
            total += s;
        }
        assertThat(total).isEqualTo(955);
        Ikm ikm = Ikm.of(29, sums);
        assertThat(ikm.averages().get(0)).isEqualByComparingTo("3.724");
        assertThat(ikm.ikm()).isEqualByComparingTo("3.6590");
        assertThat(ikm.converted()).isEqualByComparingTo("91.48");
        assertThat(ikm.converted0111()).isEqualByComparingTo("91.38");
        assertThat(ikm.grade()).isEqualTo(Grade.A);
        assertThat(ikm.lowest(2)).containsExactly(Element.U8, Element.U9);
        assertThat(ikm.convertedAverage(Element.U1)).isEqualByComparingTo("93.10");
    }

    @Test
    void gradesChangeExactlyAtTheThresholds() {
        assertThat(Grade.of(new BigDecimal("100.00"))).isEqualTo(Grade.A);
        assertThat(Grade.of(new BigDecimal("88.31"))).isEqualTo(Grade.A);
        assertThat(Grade.of(new BigDecimal("88.305"))).isEqualTo(Grade.A); // shown as 88.31
        assertThat(Grade.of(new BigDecimal("88.30"))).isEqualTo(Grade.B);
        assertThat(Grade.of(new BigDecimal("88.3049"))).isEqualTo(Grade.B);
        assertThat(Grade.of(new BigDecimal("76.61"))).isEqualTo(Grade.B);
        assertThat(Grade.of(new BigDecimal("76.60"))).isEqualTo(Grade.C);
        assertThat(Grade.of(new BigDecimal("65.00"))).isEqualTo(Grade.C);
        assertThat(Grade.of(new BigDecimal("64.99"))).isEqualTo(Grade.D);
        assertThat(Grade.of(new BigDecimal("25.00"))).isEqualTo(Grade.D);
    }

    @Test
    void gradesFromScoresAtTheBoundaries() {
        // every answer 4: 100, A; every answer 1: 25, D
        assertThat(Ikm.of(10, fill(40)).converted()).isEqualByComparingTo("100.00");
        assertThat(Ikm.of(10, fill(10)).grade()).isEqualTo(Grade.D);
        // 100 questionnaires, element sums s: converted = total x 25 / 900
        // total 3179.16 is not whole; the nearest: 3179 -> 88.3055 -> shown 88.31 -> A; 3178 -> 88.2777 -> B
        assertThat(Ikm.of(100, sumsTotalling(3179)).converted()).isEqualByComparingTo("88.31");
        assertThat(Ikm.of(100, sumsTotalling(3179)).grade()).isEqualTo(Grade.A);
        assertThat(Ikm.of(100, sumsTotalling(3178)).converted()).isEqualByComparingTo("88.28");
        assertThat(Ikm.of(100, sumsTotalling(3178)).grade()).isEqualTo(Grade.B);
        // 76.61 needs total 2757.96: 2758 -> 76.6111 -> B; 2757 -> 76.5833 -> C
        assertThat(Ikm.of(100, sumsTotalling(2758)).grade()).isEqualTo(Grade.B);
        assertThat(Ikm.of(100, sumsTotalling(2757)).grade()).isEqualTo(Grade.C);
        // 65.00 is total 2340 exactly: C; 2339 -> 64.97 -> D
        assertThat(Ikm.of(100, sumsTotalling(2340)).converted()).isEqualByComparingTo("65.00");
        assertThat(Ikm.of(100, sumsTotalling(2340)).grade()).isEqualTo(Grade.C);
        assertThat(Ikm.of(100, sumsTotalling(2339)).grade()).isEqualTo(Grade.D);
    }

    @Test
    void noQuestionnaireGivesNoFigure() {
        Ikm ikm = Ikm.of(0, new long[9]);
        assertThat(ikm.empty()).isTrue();
        assertThat(ikm.grade()).isNull();
        assertThat(ikm.lowest(3)).isEmpty();
    }

    @Test
    void theMinimumSampleFollowsKrejcieAndMorgan() {
        assertThat(SampleSize.minimum(100)).isEqualTo(80);
        assertThat(SampleSize.minimum(500)).isEqualTo(217);
        assertThat(SampleSize.minimum(1_000)).isEqualTo(278);
        assertThat(SampleSize.minimum(10_000)).isEqualTo(370);
        assertThat(SampleSize.minimum(100_000)).isEqualTo(384);
        assertThat(SampleSize.minimum(5_000_000)).isEqualTo(384);
        // more rows of the published table
        assertThat(SampleSize.minimum(10)).isEqualTo(10);
        assertThat(SampleSize.minimum(50)).isEqualTo(44);
        assertThat(SampleSize.minimum(200)).isEqualTo(132);
        assertThat(SampleSize.minimum(2_000)).isEqualTo(322);
        assertThat(SampleSize.minimum(5_000)).isEqualTo(357);
        assertThat(SampleSize.minimum(0)).isZero();
        // never more than the population, and growing with it
        int previous = 0;
        for (long n = 1; n < 100_000; n += 97) {
            int s = SampleSize.minimum(n);
            assertThat(s).isLessThanOrEqualTo((int) n).isGreaterThanOrEqualTo(previous);
            previous = s;
        }
    }

    @Test
    void periodsParseAndSpanTheirMonths() {
        assertThat(Period.parse("2026-q3")).contains(Period.quarter(2026, 3));
        assertThat(Period.quarter(2026, 3).from()).isEqualTo(java.time.LocalDate.of(2026, 7, 1));
        assertThat(Period.quarter(2026, 4).until()).isEqualTo(java.time.LocalDate.of(2027, 1, 1));
        assertThat(Period.parse("2026-S2").orElseThrow().from()).isEqualTo(java.time.LocalDate.of(2026, 7, 1));
        assertThat(Period.parse("2026").orElseThrow().until()).isEqualTo(java.time.LocalDate.of(2027, 1, 1));
        assertThat(Period.parse("2026-Q5")).isEmpty();
        assertThat(Period.parse("2026-S3")).isEmpty();
        assertThat(Period.parse("x")).isEmpty();
        assertThat(Period.quarter(2026, 1).toString()).isEqualTo("2026-Q1");
        assertThat(Period.quarterOf(java.time.LocalDate.of(2026, 5, 20))).isEqualTo(Period.quarter(2026, 2));
    }

    private static long[] fill(long each) {
        long[] s = new long[9];
        java.util.Arrays.fill(s, each);
        return s;
    }

    /** Nine element sums (each at most 4 x 100) totalling {@code total}, spread as evenly as can be. */
    private static long[] sumsTotalling(long total) {
        long[] s = new long[9];
        for (int i = 0; i < 9; i++) {
            s[i] = total / 9 + (i < total % 9 ? 1 : 0);
        }
        assertThat(java.util.Arrays.stream(s).sum()).isEqualTo(total);
        assertThat(Collections.max(java.util.Arrays.stream(s).boxed().toList())).isLessThanOrEqualTo(400);
        return s;
    }
}
