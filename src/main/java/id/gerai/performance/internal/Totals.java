package id.gerai.performance.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Summed figures of any slice (tenant, agency, service; any period) with the indicators that follow from them.
 * Percentiles come from the summed histogram of working days (buckets 0..60 and 61 for "61 or more").
 */
public record Totals(long received, long completed, long rejected, long withdrawn, long corrections, long decided, long onTime,
              int[] hist, long online, long mpp, long mall, long village, long ikmN, int[] ikmSum, long complaints,
              long answered, long answeredOnTime) {

    static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, null, 0, 0, 0);

    /** Buckets of a processing-time histogram (0..60 working days and 61 for "61 or more", see perf_hist). */
    static final int HIST_BUCKETS = 62;
    /** Elements of the IKM sums. */
    static final int IKM_ELEMENTS = 9;

    /**
     * The element-wise sum of an {@code int[]} column over the group, as {@code perf_sum(column)} gives it (as long
     * as the longest array, null when every array is) but with one built-in {@code sum} per element: several times
     * faster than calling the PL/pgSQL {@code perf_add} once per row, which dashboards over many rows cannot afford.
     */
    static String sumArray(String column, int elements) {
        StringBuilder b = new StringBuilder("(array[");
        for (int i = 1; i <= elements; i++) {
            b.append(i == 1 ? "" : ", ").append("sum(").append(column).append('[').append(i).append("])");
        }
        // "1 : max", not "1:max": a named parameter ":max" to JdbcClient
        return b.append("])[1 : max(cardinality(").append(column).append("))]::int[]").toString();
    }

    /** The select list that {@link #read} reads, over a table of rollups. */
    static final String SELECT = """
            coalesce(sum(received), 0), coalesce(sum(completed), 0), coalesce(sum(rejected), 0),
            coalesce(sum(withdrawn), 0), coalesce(sum(corrections), 0), coalesce(sum(decided), 0), coalesce(sum(on_time), 0),
            """ + sumArray("time_hist", HIST_BUCKETS) + """
            , coalesce(sum(ch_online), 0), coalesce(sum(ch_mpp), 0), coalesce(sum(ch_mall), 0),
            coalesce(sum(ch_village), 0), coalesce(sum(ikm_n), 0), """ + sumArray("ikm_sum", IKM_ELEMENTS) + """
            , coalesce(sum(complaints), 0), coalesce(sum(answered), 0), coalesce(sum(answered_on_time), 0)""";

    /** The columns of one rollup row in the order {@link #read} reads them: a row that needs no summing. */
    static final String COLUMNS = """
            received, completed, rejected, withdrawn, corrections, decided, on_time, time_hist, ch_online, ch_mpp, ch_mall,
            ch_village, ikm_n, ikm_sum, complaints, answered, answered_on_time""";

    /** Reads the {@link #SELECT} list (or the {@link #COLUMNS}) starting at column {@code c}. */
    static Totals read(ResultSet rs, int c) throws SQLException {
        return new Totals(rs.getLong(c), rs.getLong(c + 1), rs.getLong(c + 2), rs.getLong(c + 3), rs.getLong(c + 4),
                rs.getLong(c + 5), rs.getLong(c + 6), ints(rs.getArray(c + 7)), rs.getLong(c + 8), rs.getLong(c + 9),
                rs.getLong(c + 10), rs.getLong(c + 11), rs.getLong(c + 12), ints(rs.getArray(c + 13)), rs.getLong(c + 14),
                rs.getLong(c + 15), rs.getLong(c + 16));
    }

    private static int[] ints(Array a) throws SQLException {
        if (a == null) {
            return null;
        }
        Object[] values = (Object[]) a.getArray();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? 0 : ((Number) values[i]).intValue();
        }
        return out;
    }

    /** Share of decided applications decided by their due time, in percent; null when none was decided. */
    public Double onTimeRate() {
        return decided == 0 ? null : 100.0 * onTime / decided;
    }

    /** Correction requests per received application, in percent. */
    public Double correctionRate() {
        return received == 0 ? null : 100.0 * corrections / received;
    }

    /** Share of applications filed online, in percent. */
    public Double onlineShare() {
        return received == 0 ? null : 100.0 * online / received;
    }

    public Integer median() {
        return percentile(50);
    }

    public Integer p90() {
        return percentile(90);
    }

    /** The smallest number of working days within which {@code p} percent of decided applications were decided. */
    public Integer percentile(int p) {
        return Histograms.nearestRank(hist, p);
    }

    /** Average of element {@code i} (0-based), 1 to 4. */
    public Double elementAverage(int i) {
        return ikmN == 0 || ikmSum == null || i >= ikmSum.length ? null : ikmSum[i] / (double) ikmN;
    }

    /** IKM on the 1-4 scale: the nine element averages weighted 1/9 each (PermenPAN-RB 14/2017, DOMAIN.md). */
    public Double ikm() {
        if (ikmN == 0 || ikmSum == null) {
            return null;
        }
        double total = 0;
        for (int i = 0; i < 9; i++) {
            total += elementAverage(i) / 9.0;
        }
        return total;
    }

    /** IKM converted to the 25-100 scale. */
    public Double ikmConverted() {
        Double v = ikm();
        return v == null ? null : v * 25;
    }

    /** The grade of the converted IKM: A >= 88.31, B >= 76.61, C >= 65.00, else D. */
    public String grade() {
        Double c = ikmConverted();
        if (c == null) {
            return null;
        }
        return c >= 88.31 ? "A" : c >= 76.61 ? "B" : c >= 65.00 ? "C" : "D";
    }

    /** Complaints answered on time, in percent of those answered. */
    public Double answeredOnTimeRate() {
        return answered == 0 ? null : 100.0 * answeredOnTime / answered;
    }
}
