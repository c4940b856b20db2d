package id.gerai.performance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.support.GeraiIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dashboards' element-wise sums ({@link Totals#sumArray}) give exactly what the perf_sum aggregate gives. */
@GeraiIntegrationTest
class ArraySumsIT {

    @Autowired JdbcClient jdbc;

    private List<String> both(String values) {
        return jdbc.sql("select perf_sum(a)::text, " + Totals.sumArray("a", Totals.HIST_BUCKETS) + "::text from (values "
                + values + ") v(g, a) group by g order by g")
                .query((rs, n) -> rs.getString(1) + " = " + rs.getString(2)).list();
    }

    @Test
    void sameAsPerfSum() {
        List<String> rows = both("""
                (1, array[1, 2, 3]), (1, null::int[]), (1, array[4, 0, 0, 0, 5]), (1, array[0, 1]),
                (2, null::int[]), (2, null::int[]),
                (3, perf_hist(0)), (3, perf_hist(61)), (3, perf_hist(200)), (3, perf_hist(7))""");
        assertThat(rows).hasSize(3);
        for (String r : rows) {
            String[] sides = r.split(" = ");
            assertThat(sides[1]).isEqualTo(sides[0]);
        }
        assertThat(rows.getFirst()).isEqualTo("{5,3,3,0,5} = {5,3,3,0,5}");
        assertThat(rows.get(1)).isEqualTo("null = null");
    }
}
