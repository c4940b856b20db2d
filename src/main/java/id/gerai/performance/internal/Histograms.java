package id.gerai.performance.internal;

/** Percentiles over the figures' histograms (one count per whole unit: working days, minutes). */
final class Histograms {

    private Histograms() {
    }

    /**
     * The nearest-rank {@code p}-th percentile: the smallest bucket within which {@code p} percent of the counted
     * values fall; {@code null} for no histogram or nothing counted. Sums of histograms give the percentile of any
     * period, which averages of percentiles would not.
     */
    static Integer nearestRank(int[] hist, int p) {
        if (hist == null) {
            return null;
        }
        long n = 0;
        for (int v : hist) {
            n += v;
        }
        if (n == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * n));
        long seen = 0;
        for (int i = 0; i < hist.length; i++) {
            seen += hist[i];
            if (seen >= rank) {
                return i;
            }
        }
        return hist.length - 1;
    }
}
