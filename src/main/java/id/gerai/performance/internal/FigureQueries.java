package id.gerai.performance.internal;

import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of the rollups for dashboards, rankings and open data. Nothing here reads an application: a tenant's
 * dashboard sums daily rows, cross-tenant views sum monthly rows, "in progress" and "overdue" sum the open counts.
 * Tenant reads run in the tenant's scope; cross-tenant reads say so ({@link TenantContext#callAcrossTenants}).
 */
@Repository
class FigureQueries {

    private final JdbcClient jdbc;

    FigureQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Open(long open, long overdue) {
    }

    record Row(String label, Totals totals) {
    }

    record ServiceRow(UUID service, UUID agency, String name, String nameEn, String kind, Totals totals, long open,
                      long overdue) {
    }

    record TenantRow(TenantId tenant, Totals totals, long open, long overdue) {
    }

    record RankRow(TenantId tenant, UUID service, String slug, String name, Totals totals) {
    }

    record Kind(String code, String name, String nameEn, int tenants) {
    }

    record MonthRow(YearMonth month, UUID agency, UUID service, String name, String kind, Totals totals) {
    }

    private static String agencyFilter(UUID agency) {
        return agency == null ? "" : " and agency_id = :agency";
    }

    private JdbcClient.StatementSpec spec(String sql, TenantId tenant, UUID agency) {
        JdbcClient.StatementSpec s = jdbc.sql(sql).param("tenant", tenant.value());
        return agency == null ? s : s.param("agency", agency);
    }

    Totals totals(TenantId tenant, UUID agency, LocalDate from, LocalDate to) {
        return TenantContext.call(tenant, () -> spec("select " + Totals.SELECT + """
                 from perf_daily where tenant_id = :tenant and day between :from and :to""" + agencyFilter(agency), tenant, agency)
                .param("from", from).param("to", to).query((rs, n) -> Totals.read(rs, 1)).single());
    }

    /** Per day (periods up to 62 days) or per month. */
    List<Row> trend(TenantId tenant, UUID agency, LocalDate from, LocalDate to) {
        boolean daily = to.toEpochDay() - from.toEpochDay() <= 62;
        String bucket = daily ? "day" : "date_trunc('month', day)::date";
        return TenantContext.call(tenant, () -> spec("select " + bucket + ", " + Totals.SELECT
                + " from perf_daily where tenant_id = :tenant and day between :from and :to" + agencyFilter(agency)
                + " group by 1 order by 1", tenant, agency)
                .param("from", from).param("to", to)
                .query((rs, n) -> {
                    LocalDate d = rs.getObject(1, LocalDate.class);
                    return new Row(daily ? d.toString() : YearMonth.from(d).toString(), Totals.read(rs, 2));
                }).list());
    }

    List<ServiceRow> services(TenantId tenant, UUID agency, LocalDate from, LocalDate to) {
        Map<UUID, Open> open = openByService(tenant, agency);
        return TenantContext.call(tenant, () -> spec("select d.service_id, d.agency_id, s.name, s.name_en, s.kind_code, "
                + Totals.SELECT + """
                 from perf_daily d left join perf_service s on s.tenant_id = d.tenant_id and s.service_id = d.service_id
                 where d.tenant_id = :tenant and d.day between :from and :to
                   and d.service_id <> '00000000-0000-0000-0000-000000000000'"""
                + (agency == null ? "" : " and d.agency_id = :agency")
                + " group by d.service_id, d.agency_id, s.name, s.name_en, s.kind_code", tenant, agency)
                .param("from", from).param("to", to)
                .query((rs, n) -> {
                    UUID service = rs.getObject(1, UUID.class);
                    Open o = open.getOrDefault(service, new Open(0, 0));
                    return new ServiceRow(service, rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), Totals.read(rs, 6), o.open(), o.overdue());
                }).list());
    }

    Open open(TenantId tenant, UUID agency) {
        Instant now = Instant.now();
        return TenantContext.call(tenant, () -> spec("""
                select coalesce(sum(n), 0), coalesce(sum(n) filter (where due_at < :now), 0)
                from perf_open where tenant_id = :tenant""" + agencyFilter(agency), tenant, agency)
                .param("now", java.sql.Timestamp.from(now))
                .query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2))).single());
    }

    Map<UUID, Open> openByService(TenantId tenant, UUID agency) {
        Instant now = Instant.now();
        Map<UUID, Open> out = new HashMap<>();
        TenantContext.run(tenant, () -> spec("""
                select service_id, sum(n), coalesce(sum(n) filter (where due_at < :now), 0)
                from perf_open where tenant_id = :tenant""" + agencyFilter(agency) + " group by service_id", tenant, agency)
                .param("now", java.sql.Timestamp.from(now))
                .query(rs -> {
                    out.put(rs.getObject(1, UUID.class), new Open(rs.getLong(2), rs.getLong(3)));
                }));
        return out;
    }

    // --- the queue (perf_queue_daily per tenant, day, service point and agency; perf_queue_monthly per tenant) ----------

    /** Queue figures of one slice: a service point, an agency, a day or a month (the label), or a tenant. */
    record QueueRow(UUID id, String label, QueueTotals totals) {
    }

    QueueTotals queueTotals(TenantId tenant, UUID agency, LocalDate from, LocalDate to) {
        return TenantContext.call(tenant, () -> spec("select " + QueueTotals.SELECT + """
                 from perf_queue_daily where tenant_id = :tenant and day between :from and :to""" + agencyFilter(agency),
                tenant, agency)
                .param("from", from).param("to", to).query((rs, n) -> QueueTotals.read(rs, 1)).single());
    }

    /** Per service point ({@code byPoint}) or per agency, busiest first. */
    List<QueueRow> queueBy(boolean byPoint, TenantId tenant, UUID agency, LocalDate from, LocalDate to) {
        String column = byPoint ? "point_id" : "agency_id";
        return TenantContext.call(tenant, () -> spec("select " + column + ", " + QueueTotals.SELECT
                + " from perf_queue_daily where tenant_id = :tenant and day between :from and :to" + agencyFilter(agency)
                + " group by " + column + " order by sum(served) + sum(no_shows) desc, " + column, tenant, agency)
                .param("from", from).param("to", to)
                .query((rs, n) -> new QueueRow(rs.getObject(1, UUID.class), null, QueueTotals.read(rs, 2))).list());
    }

    /** Per day (periods up to 62 days) or per month, as {@link #trend}. */
    List<QueueRow> queueTrend(TenantId tenant, UUID agency, LocalDate from, LocalDate to) {
        boolean daily = to.toEpochDay() - from.toEpochDay() <= 62;
        String bucket = daily ? "day" : "date_trunc('month', day)::date";
        return TenantContext.call(tenant, () -> spec("select " + bucket + ", " + QueueTotals.SELECT
                + " from perf_queue_daily where tenant_id = :tenant and day between :from and :to" + agencyFilter(agency)
                + " group by 1 order by 1", tenant, agency)
                .param("from", from).param("to", to)
                .query((rs, n) -> {
                    LocalDate d = rs.getObject(1, LocalDate.class);
                    return new QueueRow(null, daily ? d.toString() : YearMonth.from(d).toString(), QueueTotals.read(rs, 2));
                }).list());
    }

    /** Every tenant's queue figures over the months {@code [from, to]} (the monitor; counts and minutes only). */
    Map<TenantId, QueueTotals> queueByTenant(YearMonth from, YearMonth to) {
        Map<TenantId, QueueTotals> out = new HashMap<>();
        TenantContext.runAcrossTenants(() -> jdbc.sql("select tenant_id, " + QueueTotals.SELECT
                        + " from perf_queue_monthly where month between ? and ? group by tenant_id")
                .params(from.atDay(1), to.atDay(1))
                .query(rs -> {
                    out.put(new TenantId(rs.getObject(1, UUID.class)), QueueTotals.read(rs, 2));
                }));
        return out;
    }

    // --- across tenants (monitor, ranking) ------------------------------------------------------------------
    // The monitor reads perf_tenant_monthly (one row per tenant and month, kept by the fold beside perf_monthly) for
    // its tenants' lines and perf_national_monthly (one row per month) for its trend; the ranking reads perf_monthly
    // for the few services of one kind.

    /** What the monitor's dashboard shows: every tenant's line over {@code [from, to]}, and the months' trend. */
    record Monitor(List<TenantRow> tenants, List<Row> trend) {
    }

    /**
     * The monitor's dashboard: its three independent reads (open applications per tenant, every tenant's totals of
     * the period, the national trend over {@code [trendFrom, to]}) run side by side on pooled connections, so the
     * page waits for the slowest of them rather than for their sum. Each read enters the cross-tenant scope on its
     * own thread; nothing read here identifies a person.
     */
    Monitor monitor(YearMonth from, YearMonth to, YearMonth trendFrom) {
        Instant now = Instant.now();
        var open = java.util.concurrent.CompletableFuture.supplyAsync(() -> openByTenant(now), PARALLEL);
        var trend = java.util.concurrent.CompletableFuture.supplyAsync(() -> monthlyTrend(trendFrom, to), PARALLEL);
        List<TenantRow> totals = tenantTotals(from, to);
        Map<TenantId, Open> opened = open.join();
        List<TenantRow> lines = totals.stream().map(r -> {
            Open o = opened.getOrDefault(r.tenant(), new Open(0, 0));
            return new TenantRow(r.tenant(), r.totals(), o.open(), o.overdue());
        }).toList();
        return new Monitor(lines, trend.join());
    }

    /** Threads for reads a page makes side by side; bounded, so a burst of monitor pages cannot drain the pool. */
    private static final java.util.concurrent.ExecutorService PARALLEL = java.util.concurrent.Executors.newFixedThreadPool(4,
            Thread.ofPlatform().daemon().name("figures-read-", 0).factory());

    Map<TenantId, Open> openByTenant(Instant now) {
        Map<TenantId, Open> open = new HashMap<>();
        TenantContext.runAcrossTenants(() -> jdbc.sql("""
                        select tenant_id, sum(n), coalesce(sum(n) filter (where due_at < ?), 0) from perf_open group by tenant_id""")
                .param(java.sql.Timestamp.from(now))
                .query(rs -> {
                    open.put(new TenantId(rs.getObject(1, UUID.class)), new Open(rs.getLong(2), rs.getLong(3)));
                }));
        return open;
    }

    List<TenantRow> tenantTotals(YearMonth from, YearMonth to) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("select tenant_id, " + Totals.SELECT + """
                         from perf_tenant_monthly where month between ? and ? group by tenant_id""")
                .params(from.atDay(1), to.atDay(1))
                .query((rs, n) -> new TenantRow(new TenantId(rs.getObject(1, UUID.class)), Totals.read(rs, 2), 0, 0))
                .list());
    }

    /** The national figures per month: one row of perf_national_monthly each, nothing to sum. */
    List<Row> monthlyTrend(YearMonth from, YearMonth to) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("select month, " + Totals.COLUMNS
                        + " from perf_national_monthly where month between ? and ? order by month")
                .params(from.atDay(1), to.atDay(1))
                .query((rs, n) -> new Row(YearMonth.from(rs.getObject(1, LocalDate.class)).toString(), Totals.read(rs, 2)))
                .list());
    }

    /** The kinds of service with figures, with how many tenants offer each. */
    List<Kind> kinds() {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("""
                select kind_code, min(name), min(name_en), count(distinct tenant_id)::int from perf_service
                group by kind_code order by min(name)""")
                .query((rs, n) -> new Kind(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list());
    }

    /**
     * Every tenant's figures for one kind of service: services of that kind code, and services copied from one
     * of that kind (the replication lineage) even when the copy changed its code. The service shown for a tenant
     * is its busiest one of the kind.
     */
    List<RankRow> ranking(String kind, YearMonth from, YearMonth to) {
        StringBuilder sums = new StringBuilder();
        for (String c : FigureStore.COUNTERS.split(", ")) {
            sums.append("sum(m.").append(c).append(") as ").append(c).append(", ");
        }
        return TenantContext.callAcrossTenants(() -> jdbc.sql("""
                with k as (
                    select s.tenant_id, s.service_id, s.slug, s.name from perf_service s
                    where s.kind_code = :kind
                       or exists (select 1 from perf_service o where o.tenant_id = s.origin_tenant
                                  and o.service_id = s.origin_service and o.kind_code = :kind)),
                per as (
                    select m.tenant_id, m.service_id, """ + sums
                + Totals.sumArray("m.time_hist", Totals.HIST_BUCKETS) + " as time_hist, "
                + Totals.sumArray("m.ikm_sum", Totals.IKM_ELEMENTS) + """
                 as ikm_sum
                    from perf_monthly m join k on k.tenant_id = m.tenant_id and k.service_id = m.service_id
                    where m.month between :from and :to
                    group by m.tenant_id, m.service_id)
                select per.tenant_id, (array_agg(per.service_id order by per.received desc))[1],
                       (array_agg(k.slug order by per.received desc))[1], (array_agg(k.name order by per.received desc))[1],
                """ + Totals.SELECT + """
                 from per join k on k.tenant_id = per.tenant_id and k.service_id = per.service_id
                 group by per.tenant_id""")
                .param("kind", kind).param("from", from.atDay(1)).param("to", to.atDay(1))
                .query((rs, n) -> new RankRow(new TenantId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), Totals.read(rs, 5)))
                .list());
    }

    /** A tenant's figures per month and service, for open data (aggregates only). */
    List<MonthRow> monthly(TenantId tenant) {
        return TenantContext.call(tenant, () -> jdbc.sql("""
                select m.month, m.agency_id, m.service_id, s.name, s.kind_code, """ + Totals.SELECT + """
                 from perf_monthly m left join perf_service s on s.tenant_id = m.tenant_id and s.service_id = m.service_id
                 where m.tenant_id = ?
                 group by m.month, m.agency_id, m.service_id, s.name, s.kind_code
                 order by m.month, s.name, m.service_id""")
                .param(tenant.value())
                .query((rs, n) -> new MonthRow(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), Totals.read(rs, 6)))
                .list());
    }

    /** The tenants that have any figures. */
    List<TenantId> tenantsWithFigures() {
        List<TenantId> out = new ArrayList<>();
        TenantContext.runAcrossTenants(() -> jdbc.sql("select distinct tenant_id from perf_monthly")
                .query(rs -> {
                    out.add(new TenantId(rs.getObject(1, UUID.class)));
                }));
        return out;
    }
}
