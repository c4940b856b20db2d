package id.gerai.performance.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HistogramsTests {

    @Test
    void theNearestRankIsTheSmallestBucketHoldingThatShareOfTheValues() {
        // ten values: 0, 1, 1, 2, 2, 2, 5, 5, 9, 9
        int[] hist = {1, 2, 3, 0, 0, 2, 0, 0, 0, 2};
        assertThat(Histograms.nearestRank(hist, 50)).isEqualTo(2);
        assertThat(Histograms.nearestRank(hist, 60)).isEqualTo(2);
        assertThat(Histograms.nearestRank(hist, 70)).isEqualTo(5);
        assertThat(Histograms.nearestRank(hist, 90)).isEqualTo(9);
        assertThat(Histograms.nearestRank(hist, 1)).isZero();
        assertThat(Histograms.nearestRank(hist, 100)).isEqualTo(9);
    }

    @Test
    void nothingCountedHasNoPercentile() {
        assertThat(Histograms.nearestRank(null, 50)).isNull();
        assertThat(Histograms.nearestRank(new int[] {0, 0, 0}, 50)).isNull();
    }
}
