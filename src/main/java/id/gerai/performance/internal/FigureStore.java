package id.gerai.performance.internal;

import id.gerai.platform.TenantId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes of the figures: deltas in, folding into the rollups, clearing a tenant for a rebuild. */
@Repository
class FigureStore {

    static final String COUNTERS = "received, completed, rejected, withdrawn, corrections, decided, on_time, "
            + "ch_online, ch_mpp, ch_mall, ch_village, ikm_n, complaints, answered, answered_on_time";

    private static final String INSERT = """
            insert into perf_delta (tenant_id, day, agency_id, service_id, point_id, fig, received, completed, rejected,
                withdrawn, corrections, decided, on_time, work_days, ch_online, ch_mpp, ch_mall, ch_village, ikm_n, ikm,
                complaints, answered, answered_on_time, open_n, open_due)
            values """;
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    FigureStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Inserts the deltas with one statement (one round trip on the transition's hot path). */
    void insert(List<Delta> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(INSERT);
        for (int i = 0; i < deltas.size(); i++) {
            sql.append(i == 0 ? ROW : ", " + ROW);
        }
        template.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int p = 1;
                for (Delta d : deltas) {
                    p = bind(c, ps, p, d);
                }
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Inserts many deltas in JDBC batches (a rebuild). */
    void insertBatch(List<Delta> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        template.execute((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT + ROW)) {
                for (Delta d : deltas) {
                    bind(c, ps, 1, d);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static int bind(Connection c, PreparedStatement ps, int p, Delta d) throws SQLException {
        ps.setObject(p++, d.tenant().value());
        ps.setObject(p++, d.day());
        ps.setObject(p++, d.agency());
        ps.setObject(p++, d.service());
        ps.setObject(p++, d.point());
        ps.setBoolean(p++, d.fig());
        ps.setInt(p++, d.received());
        ps.setInt(p++, d.completed());
        ps.setInt(p++, d.rejected());
        ps.setInt(p++, d.withdrawn());
        ps.setInt(p++, d.corrections());
        ps.setInt(p++, d.decided());
        ps.setInt(p++, d.onTime());
        if (d.workDays() == null) {
            ps.setNull(p++, Types.INTEGER);
        } else {
            ps.setInt(p++, d.workDays());
        }
        ps.setInt(p++, d.chOnline());
        ps.setInt(p++, d.chMpp());
        ps.setInt(p++, d.chMall());
        ps.setInt(p++, d.chVillage());
        ps.setInt(p++, d.ikmN());
        if (d.ikm() == null) {
            ps.setNull(p++, Types.ARRAY);
        } else {
            Integer[] boxed = new Integer[d.ikm().length];
            for (int i = 0; i < boxed.length; i++) {
                boxed[i] = d.ikm()[i];
            }
            Array a = c.createArrayOf("int4", boxed);
            ps.setArray(p++, a);
        }
        ps.setInt(p++, d.complaints());
        ps.setInt(p++, d.answered());
        ps.setInt(p++, d.answeredOnTime());
        ps.setInt(p++, d.openN());
        ps.setTimestamp(p++, d.openDue() == null ? null : Timestamp.from(d.openDue()));
        return p;
    }

    private static final String QUEUE_INSERT = """
            insert into perf_queue_delta (tenant_id, day, point_id, agency_id, served, no_shows, from_appointments, wait_s,
                service_s)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Inserts queue deltas: one for a live end (in its transaction), many in JDBC batches for a rebuild. */
    void insertQueue(List<QueueDelta> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        template.batchUpdate(QUEUE_INSERT, deltas, 1000, (ps, d) -> {
            ps.setObject(1, d.tenant().value());
            ps.setObject(2, d.day());
            ps.setObject(3, d.point());
            ps.setObject(4, d.agency());
            ps.setInt(5, d.served());
            ps.setInt(6, d.noShows());
            ps.setInt(7, d.fromAppointments());
            ps.setObject(8, d.waitSeconds(), Types.INTEGER);
            ps.setObject(9, d.serviceSeconds(), Types.INTEGER);
        });
    }

    private static final String QUEUE_COUNTERS = "served, no_shows, from_appointments, waited, wait_s, serviced, service_s";

    /**
     * Folds the queue deltas {@code where} selects into the daily and the tenant-monthly queue rollups and deletes them
     * (one statement, in the caller's transaction: a delta is counted once or not yet, as for the other figures).
     */
    int foldQueue(TenantId tenant) {
        String where = tenant == null ? "" : " where tenant_id = :tenant";
        StringBuilder adds = new StringBuilder();
        for (String c : QUEUE_COUNTERS.split(", ")) {
            adds.append(c).append(" = r.").append(c).append(" + excluded.").append(c).append(", ");
        }
        String sql = """
                with d as (delete from perf_queue_delta%1$s returning *),
                s as (
                    select tenant_id, day, point_id, agency_id, sum(served)::int as served, sum(no_shows)::int as no_shows,
                           sum(from_appointments)::int as from_appointments, count(wait_s)::int as waited,
                           coalesce(sum(wait_s), 0) as wait_s, perf_sum(perf_wait_hist(wait_s / 60)) as wait_hist,
                           count(service_s)::int as serviced, coalesce(sum(service_s), 0) as service_s
                    from d group by tenant_id, day, point_id, agency_id),
                daily as (
                    insert into perf_queue_daily as r (tenant_id, day, point_id, agency_id, %2$s, wait_hist)
                    select tenant_id, day, point_id, agency_id, %2$s, wait_hist from s
                    on conflict (tenant_id, day, point_id, agency_id) do update set %3$s
                        wait_hist = perf_add(r.wait_hist, excluded.wait_hist)),
                monthly as (
                    insert into perf_queue_monthly as r (tenant_id, month, %2$s, wait_hist)
                    select tenant_id, date_trunc('month', day)::date, %4$s perf_sum(wait_hist) from s
                    group by tenant_id, date_trunc('month', day)::date
                    order by tenant_id, date_trunc('month', day)::date
                    on conflict (tenant_id, month) do update set %3$s
                        wait_hist = perf_add(r.wait_hist, excluded.wait_hist))
                select count(*) from d""".formatted(where, QUEUE_COUNTERS, adds, queueSums());
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        if (tenant != null) {
            spec = spec.param("tenant", tenant.value());
        }
        return spec.query(Integer.class).single();
    }

    private static String queueSums() {
        StringBuilder b = new StringBuilder();
        for (String c : QUEUE_COUNTERS.split(", ")) {
            b.append("sum(").append(c).append("), ");
        }
        return b.toString();
    }

    private static String sums() {
        StringBuilder b = new StringBuilder();
        for (String c : COUNTERS.split(", ")) {
            b.append("sum(").append(c).append(")::int as ").append(c).append(", ");
        }
        return b.toString();
    }

    private static String adds(String table) {
        StringBuilder b = new StringBuilder();
        for (String c : COUNTERS.split(", ")) {
            b.append(c).append(" = ").append(table).append('.').append(c).append(" + excluded.").append(c).append(", ");
        }
        return b.toString();
    }

    /**
     * Folds the deltas of every tenant the connection sees into the daily, monthly, tenant-monthly and national
     * rollups and the open counts and deletes them, and adds the national changes queued by rebuilds, in the
     * caller's transaction (one statement: the tenant-monthly rows always equal the monthly rows summed over agencies
     * and services, the national rows the tenant-monthly ones summed over tenants).
     *
     * @return the agencies and services the folded deltas were about, with how many each (nil: none named)
     */
    List<ServiceKey> fold() {
        List<ServiceKey> services = jdbc.sql(foldStatement("", """
                nd as (delete from perf_national_delta returning *),
                national as (
                    insert into perf_national_monthly as r (month, %1$s, time_hist, ikm_sum)
                    select month, %2$s perf_sum(time_hist), perf_sum(ikm_sum)
                    from (select month, %1$s, time_hist, ikm_sum from tm
                          union all select month, %1$s, time_hist, ikm_sum from nd) x
                    -- in month order, so two folders lock the few national rows in the same order
                    group by month order by month
                    on conflict (month) do update set %3$s
                        time_hist = perf_add(r.time_hist, excluded.time_hist), ikm_sum = perf_add(r.ikm_sum, excluded.ikm_sum)
                )""".formatted(COUNTERS, sums(), adds("r"))))
                .query(FigureStore::serviceKey).list();
        // through perf_open_empty_idx, which holds only the rows at zero
        jdbc.sql("delete from perf_open where n = 0").update();
        // a month whose every figure a rebuild took away (generated history with no events behind it) is no month
        jdbc.sql("delete from perf_national_monthly where " + String.join(" = 0 and ", COUNTERS.split(", ")) + " = 0")
                .update();
        return services;
    }

    /**
     * Folds the deltas of {@code tenant} like {@link #fold()} for a rebuild, in its repeatable-read transaction: the
     * national part is queued in perf_national_delta for the next {@link #fold()} rather than added, because every
     * fold of any tenant updates the national rows and a repeatable-read transaction that updated them too would
     * fail on nearly every concurrent fold.
     */
    void foldRebuilt(TenantId tenant) {
        jdbc.sql(foldStatement(" where tenant_id = :tenant", """
                national as (
                    insert into perf_national_delta (tenant_id, month, %1$s, time_hist, ikm_sum)
                    select tenant_id, month, %1$s, time_hist, ikm_sum from tm
                )""".formatted(COUNTERS)))
                .param("tenant", tenant.value())
                .query(FigureStore::serviceKey).list();
        jdbc.sql("delete from perf_open where tenant_id = ? and n = 0").param(tenant.value()).update();
    }

    /**
     * The statement that folds the deltas {@code where} selects: the rollups of a tenant and below, then the
     * {@code national} common table expressions, which read {@code tm} (the deltas summed per tenant and month).
     */
    private static String foldStatement(String where, String national) {
        return """
                with d as (delete from perf_delta%1$s returning *),
                daily as (
                    insert into perf_daily as r (tenant_id, day, agency_id, service_id, point_id, %2$s, time_hist, ikm_sum)
                    select tenant_id, day, agency_id, service_id, point_id, %3$s perf_sum(perf_hist(work_days)), perf_sum(ikm)
                    from d where fig group by tenant_id, day, agency_id, service_id, point_id
                    on conflict (tenant_id, day, agency_id, service_id, point_id) do update set %4$s
                        time_hist = perf_add(r.time_hist, excluded.time_hist), ikm_sum = perf_add(r.ikm_sum, excluded.ikm_sum)
),
                monthly as (
                    insert into perf_monthly as r (tenant_id, month, agency_id, service_id, %2$s, time_hist, ikm_sum)
                    select tenant_id, date_trunc('month', day)::date, agency_id, service_id, %3$s perf_sum(perf_hist(work_days)),
                           perf_sum(ikm)
                    from d where fig group by tenant_id, date_trunc('month', day)::date, agency_id, service_id
                    on conflict (tenant_id, month, agency_id, service_id) do update set %4$s
                        time_hist = perf_add(r.time_hist, excluded.time_hist), ikm_sum = perf_add(r.ikm_sum, excluded.ikm_sum)
),
                tm as (
                    select tenant_id, date_trunc('month', day)::date as month, %3$s perf_sum(perf_hist(work_days)) as time_hist,
                           perf_sum(ikm) as ikm_sum
                    from d where fig group by tenant_id, date_trunc('month', day)::date
),
                tenant_monthly as (
                    insert into perf_tenant_monthly as r (tenant_id, month, %2$s, time_hist, ikm_sum)
                    select tenant_id, month, %2$s, time_hist, ikm_sum from tm
                    on conflict (tenant_id, month) do update set %4$s
                        time_hist = perf_add(r.time_hist, excluded.time_hist), ikm_sum = perf_add(r.ikm_sum, excluded.ikm_sum)
),
                %5$s,
                open as (
                    insert into perf_open as r (tenant_id, agency_id, service_id, point_id, due_at, n)
                    select tenant_id, agency_id, service_id, point_id, open_due, sum(open_n)::int
                    from d where open_n <> 0 group by tenant_id, agency_id, service_id, point_id, open_due
                    on conflict (tenant_id, agency_id, service_id, point_id, due_at) do update set n = r.n + excluded.n)
                select tenant_id, agency_id, service_id, count(*) from d group by tenant_id, agency_id, service_id
                """.formatted(where, COUNTERS, sums(), adds("r"), national);
    }

    private static ServiceKey serviceKey(java.sql.ResultSet rs, int n) throws SQLException {
        return new ServiceKey(new TenantId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class), rs.getInt(4));
    }

    /** The waiting deltas (of every tenant the connection sees). */
    long pending() {
        return jdbc.sql("select count(*) from perf_delta").query(Long.class).single();
    }

    /**
     * Throws away every figure of {@code tenant} (a rebuild makes them again in the same transaction). Its
     * tenant-month rows leave the national figures through perf_national_delta, negated, for the reason
     * {@link #foldRebuilt} gives; {@link #foldRebuilt} queues the new ones.
     */
    void clear(TenantId tenant) {
        jdbc.sql("""
                with old as (delete from perf_tenant_monthly where tenant_id = ? returning *)
                insert into perf_national_delta (tenant_id, month, %1$s, time_hist, ikm_sum)
                select tenant_id, month, %2$s perf_negate(time_hist), perf_negate(ikm_sum) from old"""
                .formatted(COUNTERS, negated()))
                .param(tenant.value()).update();
        for (String table : List.of("perf_delta", "perf_daily", "perf_monthly", "perf_open", "perf_queue_delta",
                "perf_queue_daily", "perf_queue_monthly")) {
            jdbc.sql("delete from " + table + " where tenant_id = ?").param(tenant.value()).update();
        }
    }

    private static String negated() {
        StringBuilder b = new StringBuilder();
        for (String c : COUNTERS.split(", ")) {
            b.append('-').append(c).append(", ");
        }
        return b.toString();
    }

    /** A service seen in the figures. */
    record ServiceKey(TenantId tenant, UUID agency, UUID service, int deltas) {
    }

    boolean knowsService(TenantId tenant, UUID service) {
        return jdbc.sql("select exists (select 1 from perf_service where tenant_id = ? and service_id = ?)")
                .params(tenant.value(), service).query(Boolean.class).single();
    }

    void saveService(TenantId tenant, UUID service, UUID agency, String kind, String slug, String name, String nameEn,
                     UUID originTenant, UUID originService) {
        jdbc.sql("""
                insert into perf_service (tenant_id, service_id, agency_id, kind_code, slug, name, name_en, origin_tenant,
                    origin_service)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, service_id) do update set agency_id = excluded.agency_id,
                    kind_code = excluded.kind_code, slug = excluded.slug, name = excluded.name, name_en = excluded.name_en,
                    origin_tenant = excluded.origin_tenant, origin_service = excluded.origin_service""")
                .params(tenant.value(), service, agency, kind, slug, name, nameEn, originTenant, originService).update();
    }
}
