package id.gerai.performance.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Summed queue figures of any slice (tenant, service point, agency; any period) with the indicators that follow.
 * Percentiles of the wait come from the summed histogram of whole minutes (buckets 0..120 and 121 for "more than 120").
 */
public record QueueTotals(long served, long noShows, long fromAppointments, long waited, long waitSeconds, int[] waitHist,
                          long serviced, long serviceSeconds) {

    static final QueueTotals NONE = new QueueTotals(0, 0, 0, 0, 0, null, 0, 0);

    /** Buckets of the wait histogram: 0..120 minutes and 121 for "more than 120" (perf_wait_hist). */
    static final int WAIT_BUCKETS = 122;

    /** The select list that {@link #read} reads, summed over a table of queue rollups. */
    static final String SELECT = """
            coalesce(sum(served), 0), coalesce(sum(no_shows), 0), coalesce(sum(from_appointments), 0),
            coalesce(sum(waited), 0), coalesce(sum(wait_s), 0), """ + Totals.sumArray("wait_hist", WAIT_BUCKETS) + """
            , coalesce(sum(serviced), 0), coalesce(sum(service_s), 0)""";

    static QueueTotals read(ResultSet rs, int c) throws SQLException {
        return new QueueTotals(rs.getLong(c), rs.getLong(c + 1), rs.getLong(c + 2), rs.getLong(c + 3), rs.getLong(c + 4),
                ints(rs.getArray(c + 5)), rs.getLong(c + 6), rs.getLong(c + 7));
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

    /** Tickets that ended: served and no-shows. */
    public long ended() {
        return served + noShows;
    }

    /** No-shows in percent of the tickets that ended; null when none did. */
    public Double noShowRate() {
        return ended() == 0 ? null : 100.0 * noShows / ended();
    }

    /** Tickets from appointments in percent of the tickets that ended; null when none did. */
    public Double appointmentShare() {
        return ended() == 0 ? null : 100.0 * fromAppointments / ended();
    }

    /** The average wait in minutes; null without a wait. */
    public Double averageWait() {
        return waited == 0 ? null : waitSeconds / 60.0 / waited;
    }

    /** The average time at the counter in minutes; null without a served ticket. */
    public Double averageService() {
        return serviced == 0 ? null : serviceSeconds / 60.0 / serviced;
    }

    public Integer medianWait() {
        return percentile(50);
    }

    public Integer p90Wait() {
        return percentile(90);
    }

    /**
     * The wait in whole minutes (rounded down) that {@code p} percent of the called tickets waited at most: the
     * nearest-rank percentile over the minute buckets; 121 means "more than 120 minutes".
     */
    public Integer percentile(int p) {
        return Histograms.nearestRank(waitHist, p);
    }
}
