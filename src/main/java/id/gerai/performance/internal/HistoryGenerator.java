package id.gerai.performance.internal;

import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes believable synthetic history straight into the rollups, set-based, for demos and benchmarks: per tenant
 * and service one daily row per day with received applications shaped by the week (weekends nearly empty), the
 * Ramadan and Idulfitri dips and the year-end rush, a channel mix, decisions with an on-time share, a histogram of
 * processing times around a median typical of the tenant and service, survey answers (IKM sums) and complaints;
 * the monthly, tenant-monthly and national rollups summed from those rows, and a handful of open applications (some
 * overdue) per service. No application rows: nothing personal exists to leak, and ten million applications take
 * minutes, not hours.
 */
@Component
class HistoryGenerator {

    private static final Logger log = LoggerFactory.getLogger(HistoryGenerator.class);

    /** A service to give history: its tenant, agency, id, kind and name. */
    record GenService(TenantId tenant, UUID agency, UUID service, String kind, String slug, String name) {
    }

    /** Adds the selected rows to the national rollup's rows of their months (the end of an insert into it). */
    private static final String ADD_TO_NATIONAL = """
            on conflict (month) do update set received = r.received + excluded.received,
                completed = r.completed + excluded.completed, rejected = r.rejected + excluded.rejected,
                withdrawn = r.withdrawn + excluded.withdrawn, corrections = r.corrections + excluded.corrections,
                decided = r.decided + excluded.decided, on_time = r.on_time + excluded.on_time,
                time_hist = perf_add(r.time_hist, excluded.time_hist), ch_online = r.ch_online + excluded.ch_online,
                ch_mpp = r.ch_mpp + excluded.ch_mpp, ch_mall = r.ch_mall + excluded.ch_mall,
                ch_village = r.ch_village + excluded.ch_village, ikm_n = r.ikm_n + excluded.ikm_n,
                ikm_sum = perf_add(r.ikm_sum, excluded.ikm_sum), complaints = r.complaints + excluded.complaints,
                answered = r.answered + excluded.answered, answered_on_time = r.answered_on_time + excluded.answered_on_time""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    HistoryGenerator(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** A service point and agency to give queue history: how busy it is and its typical wait in minutes. */
    record QueueCell(TenantId tenant, UUID point, UUID agency, double ticketsPerDay, int medianWait, boolean saturdays) {
    }

    /**
     * Writes queue history for {@code cells} over {@code from}..{@code to} (inclusive) into perf_queue_daily, set-based:
     * tickets on working days shaped by the week (Saturdays only where the point opens them, Sundays closed), about
     * 6 % no-shows and 15 % from appointments, waits spread around the cell's median (15 % at half of it, 40 % at it,
     * 22 % at one and a half times it, 15 % at twice it (the p90), 8 % at three times it), about seven minutes at the counter. Existing daily rows of those days, points and
     * agencies are replaced; the tenants' monthly queue rows of the months touched are summed again from the daily rows.
     *
     * @return the tickets written
     */
    long generateQueue(List<QueueCell> cells, LocalDate from, LocalDate to, long seed) {
        if (cells.isEmpty()) {
            return 0;
        }
        return TenantContext.callAcrossTenants(() -> tx.execute(s -> {
            jdbc.execute("""
                    create temporary table gen_queue (tenant_id uuid, point_id uuid, agency_id uuid, base float8, median int,
                        saturdays boolean) on commit drop""");
            jdbc.batchUpdate("insert into gen_queue values (?, ?, ?, ?, ?, ?)", cells, 1000, (ps, c) -> {
                ps.setObject(1, c.tenant().value());
                ps.setObject(2, c.point());
                ps.setObject(3, c.agency());
                ps.setDouble(4, c.ticketsPerDay());
                ps.setInt(5, Math.max(2, Math.min(60, c.medianWait())));
                ps.setBoolean(6, c.saturdays());
            });
            jdbc.update("""
                    delete from perf_queue_daily d using gen_queue c
                    where d.tenant_id = c.tenant_id and d.point_id = c.point_id and d.agency_id = c.agency_id
                      and d.day between ? and ?""", from, to);
            jdbc.execute("select setseed(" + (seed % 1000) / 1000.0 + ")");
            jdbc.update("""
                    insert into perf_queue_daily (tenant_id, day, point_id, agency_id, served, no_shows, from_appointments,
                        waited, wait_s, wait_hist, serviced, service_s)
                    select tenant_id, day, point_id, agency_id, n - ns, ns, (n * 0.15)::int, n, (n * (median * 80.7 + 30))::bigint,
                           h.hist, n - ns, ((n - ns) * (360 + random() * 120))::bigint
                    from (
                        select c.*, g.d::date as day, x.n, (x.n * (0.03 + random() * 0.06))::int as ns
                        from gen_queue c
                        cross join generate_series(?::date, ?::date, interval '1 day') as g(d)
                        cross join lateral (select greatest(0, round(c.base * (0.6 + random() * 0.8) * (
                            case when extract(isodow from g.d) = 7 then 0
                                 when extract(isodow from g.d) = 6 then case when c.saturdays then 0.4 else 0 end
                                 when to_char(g.d, 'MM-DD') in ('01-01', '05-01', '06-01', '08-17', '12-25') then 0
                                 else 1 end)))::int as n) x
                    ) q
                    cross join lateral (
                        select array_agg(coalesce(v.c, 0) order by b) as hist
                        from generate_series(0, 121) b
                        left join (select k, sum(c)::int as c from (values
                                (median / 2, (n * 0.15)::int),
                                (median, n - (n * 0.15)::int - (n * 0.22)::int - (n * 0.15)::int - (n * 0.08)::int),
                                (median * 3 / 2, (n * 0.22)::int),
                                (least(median * 2, 121), (n * 0.15)::int),
                                (least(median * 3, 121), (n * 0.08)::int)) w(k, c) group by k) v on v.k = b
                    ) h
                    where n > 0""", from, to);
            jdbc.update("""
                    insert into perf_queue_monthly as r (tenant_id, month, served, no_shows, from_appointments, waited, wait_s,
                        wait_hist, serviced, service_s)
                    select d.tenant_id, date_trunc('month', d.day)::date, sum(served), sum(no_shows), sum(from_appointments),
                           sum(waited), sum(wait_s), perf_sum(wait_hist), sum(serviced), sum(service_s)
                    from perf_queue_daily d
                    where d.tenant_id in (select tenant_id from gen_queue) and d.day between date_trunc('month', ?::date) and
                          (date_trunc('month', ?::date) + interval '1 month - 1 day')::date
                    group by d.tenant_id, date_trunc('month', d.day)::date
                    on conflict (tenant_id, month) do update set served = excluded.served, no_shows = excluded.no_shows,
                        from_appointments = excluded.from_appointments, waited = excluded.waited, wait_s = excluded.wait_s,
                        wait_hist = excluded.wait_hist, serviced = excluded.serviced, service_s = excluded.service_s""",
                    from, to);
            return jdbc.queryForObject("""
                    select coalesce(sum(served + no_shows), 0) from perf_queue_daily d join gen_queue c
                      on c.tenant_id = d.tenant_id and c.point_id = d.point_id and c.agency_id = d.agency_id
                    where d.day between ? and ?""", Long.class, from, to);
        }));
    }

    /**
     * Writes history for {@code services} over {@code from}..{@code to} (inclusive) adding up to about
     * {@code applications} received applications. Existing rollup rows of those days and services are replaced.
     *
     * @return the applications received in the written history
     */
    long generate(List<GenService> services, LocalDate from, LocalDate to, long applications, long seed) {
        if (services.isEmpty()) {
            return 0;
        }
        Random random = new Random(seed);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        // about 4.7 of 7 days carry the load (weekends and holidays little); sizes average 1
        double base = applications / (services.size() * days * 0.72);
        return TenantContext.callAcrossTenants(() -> tx.execute(s -> {
            jdbc.execute("""
                    create temporary table gen_cell (tenant_id uuid, agency_id uuid, service_id uuid, base float8,
                        on_time float8, median int, online float8, ikm float8, seed float8) on commit drop""");
            jdbc.batchUpdate("insert into gen_cell values (?, ?, ?, ?, ?, ?, ?, ?, ?)", services, 1000, (ps, g) -> {
                double size = 0.2 + random.nextDouble() * 1.6;
                ps.setObject(1, g.tenant().value());
                ps.setObject(2, g.agency());
                ps.setObject(3, g.service());
                ps.setDouble(4, base * size);
                ps.setDouble(5, 0.55 + random.nextDouble() * 0.43);
                ps.setInt(6, 1 + random.nextInt(9));
                ps.setDouble(7, 0.15 + random.nextDouble() * 0.7);
                ps.setDouble(8, 2.7 + random.nextDouble() * 1.1);
                ps.setDouble(9, random.nextDouble());
            });
            jdbc.batchUpdate("""
                    insert into perf_service (tenant_id, service_id, agency_id, kind_code, slug, name)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (tenant_id, service_id) do nothing""", services, 1000, (ps, g) -> {
                ps.setObject(1, g.tenant().value());
                ps.setObject(2, g.service());
                ps.setObject(3, g.agency());
                ps.setString(4, g.kind());
                ps.setString(5, g.slug());
                ps.setString(6, g.name());
            });
            jdbc.update("""
                    delete from perf_daily d using gen_cell c
                    where d.tenant_id = c.tenant_id and d.service_id = c.service_id and d.day between ? and ?""", from, to);
            jdbc.update("""
                    delete from perf_monthly m using gen_cell c
                    where m.tenant_id = c.tenant_id and m.service_id = c.service_id
                      and m.month between date_trunc('month', ?::date) and ?""", from, to);
            jdbc.execute("select setseed(" + (seed % 1000) / 1000.0 + ")");
            long t0 = System.nanoTime();
            int rows = jdbc.update("""
                    insert into perf_daily (tenant_id, day, agency_id, service_id, point_id, received, completed, rejected,
                        withdrawn, corrections, decided, on_time, time_hist, ch_online, ch_mpp, ch_mall, ch_village, ikm_n,
                        ikm_sum, complaints, answered, answered_on_time)
                    select tenant_id, day, agency_id, service_id, '00000000-0000-0000-0000-000000000000', r,
                           dc, dr, dw, (r * 0.1 + random())::int, dc + dr, ((dc + dr) * on_time + random() - 0.5)::int,
                           case when dc + dr = 0 then null else array_cat(array_fill(0, array[greatest(median - 1, 0)]),
                               array[((dc + dr) * 0.2)::int, (dc + dr) - ((dc + dr) * 0.2)::int - ((dc + dr) * 0.25)::int
                                     - ((dc + dr) * 0.1)::int, ((dc + dr) * 0.25)::int, 0, ((dc + dr) * 0.1)::int]) end,
                           onl, ((r - onl) * 0.6)::int, ((r - onl) * 0.15)::int, r - onl - ((r - onl) * 0.6)::int - ((r - onl) * 0.15)::int,
                           n_ikm, case when n_ikm = 0 then null else array[
                               (n_ikm * least(4, ikm + 0.2))::int, (n_ikm * least(4, ikm + 0.1))::int, (n_ikm * (ikm - 0.3))::int,
                               (n_ikm * least(4, ikm + 0.3))::int, (n_ikm * ikm)::int, (n_ikm * (ikm - 0.1))::int,
                               (n_ikm * least(4, ikm + 0.15))::int, (n_ikm * (ikm - 0.2))::int, (n_ikm * (ikm - 0.25))::int] end,
                           comp, comp, (comp * on_time)::int
                    from (
                        select c.*, d.day, x.r, (x.r * 0.86)::int as dc, (x.r * 0.05)::int as dr, (x.r * 0.02)::int as dw,
                               (x.r * c.online)::int as onl, (x.r * 0.3)::int as n_ikm, (x.r * 0.012 + random() * 0.6)::int as comp
                        from gen_cell c
                        cross join generate_series(?::date, ?::date, interval '1 day') as g(d0)
                        cross join lateral (select g.d0::date as day) d
                        cross join lateral (select greatest(0, round(c.base * (0.6 + random() * 0.8) * (
                            case when extract(isodow from d.day) = 7 then 0.02
                                 when extract(isodow from d.day) = 6 then 0.15 else 1.3 end) * (
                            case when to_char(d.day, 'MM-DD') in ('01-01', '05-01', '06-01', '08-17', '12-25') then 0.05
                                 -- Idulfitri and cuti bersama: offices nearly closed
                                 when d.day between '2025-03-28' and '2025-04-07' or d.day between '2026-03-18' and '2026-03-24'
                                      or d.day between '2024-04-08' and '2024-04-15' then 0.1
                                 -- Ramadan: shorter office hours
                                 when d.day between '2025-03-01' and '2025-03-27' or d.day between '2026-02-18' and '2026-03-17'
                                      or d.day between '2024-03-11' and '2024-04-07' then 0.75
                                 -- year-end rush, then the last days of December
                                 when to_char(d.day, 'MM-DD') between '12-24' and '12-31' then 0.4
                                 when extract(month from d.day) = 12 or extract(month from d.day) = 1 and extract(day from d.day) < 20 then 1.2
                                 else 1 end)))::int as r) x
                    ) s""", from, to);
            log.info("History: {} daily rows in {} s", rows, (System.nanoTime() - t0) / 1_000_000_000);
            t0 = System.nanoTime();
            jdbc.update("""
                    insert into perf_monthly (tenant_id, month, agency_id, service_id, received, completed, rejected, withdrawn,
                        corrections, decided, on_time, time_hist, ch_online, ch_mpp, ch_mall, ch_village, ikm_n, ikm_sum,
                        complaints, answered, answered_on_time)
                    select d.tenant_id, date_trunc('month', d.day)::date, d.agency_id, d.service_id, sum(d.received), sum(d.completed),
                           sum(d.rejected), sum(d.withdrawn), sum(d.corrections), sum(d.decided), sum(d.on_time),
                           perf_sum(d.time_hist), sum(d.ch_online), sum(d.ch_mpp), sum(d.ch_mall), sum(d.ch_village),
                           sum(d.ikm_n), perf_sum(d.ikm_sum), sum(d.complaints), sum(d.answered), sum(d.answered_on_time)
                    from perf_daily d join gen_cell c on c.tenant_id = d.tenant_id and c.service_id = d.service_id
                    where d.day between ? and ?
                    group by d.tenant_id, date_trunc('month', d.day)::date, d.agency_id, d.service_id
                    on conflict (tenant_id, month, agency_id, service_id) do update set received = excluded.received,
                        completed = excluded.completed, rejected = excluded.rejected, withdrawn = excluded.withdrawn,
                        corrections = excluded.corrections, decided = excluded.decided, on_time = excluded.on_time,
                        time_hist = excluded.time_hist, ch_online = excluded.ch_online, ch_mpp = excluded.ch_mpp,
                        ch_mall = excluded.ch_mall, ch_village = excluded.ch_village, ikm_n = excluded.ikm_n,
                        ikm_sum = excluded.ikm_sum, complaints = excluded.complaints, answered = excluded.answered,
                        answered_on_time = excluded.answered_on_time""", from, to);
            log.info("History: monthly rollup in {} s", (System.nanoTime() - t0) / 1_000_000_000);
            // the tenant-level rollup of the months touched, summed again from the monthly rows (other services included);
            // what it held leaves the national rollup and what it holds now enters it, added and subtracted rather
            // than written over, so that a fold committing meanwhile is not lost
            jdbc.update("""
                    with old as (
                        delete from perf_tenant_monthly t
                        where t.tenant_id in (select tenant_id from gen_cell) and t.month between date_trunc('month', ?::date) and ?
                        returning *)
                    insert into perf_national_monthly as r (month, received, completed, rejected, withdrawn, corrections,
                        decided, on_time, time_hist, ch_online, ch_mpp, ch_mall, ch_village, ikm_n, ikm_sum, complaints, answered,
                        answered_on_time)
                    select month, -sum(received), -sum(completed), -sum(rejected), -sum(withdrawn), -sum(corrections),
                           -sum(decided), -sum(on_time), perf_negate(perf_sum(time_hist)), -sum(ch_online), -sum(ch_mpp),
                           -sum(ch_mall), -sum(ch_village), -sum(ikm_n), perf_negate(perf_sum(ikm_sum)), -sum(complaints),
                           -sum(answered), -sum(answered_on_time)
                    from old group by month order by month
                    """ + ADD_TO_NATIONAL, from, to);
            jdbc.update("""
                    with new as (
                        insert into perf_tenant_monthly (tenant_id, month, received, completed, rejected, withdrawn, corrections,
                            decided, on_time, time_hist, ch_online, ch_mpp, ch_mall, ch_village, ikm_n, ikm_sum, complaints,
                            answered, answered_on_time)
                        select m.tenant_id, m.month, sum(m.received), sum(m.completed), sum(m.rejected), sum(m.withdrawn),
                               sum(m.corrections), sum(m.decided), sum(m.on_time), perf_sum(m.time_hist), sum(m.ch_online),
                               sum(m.ch_mpp), sum(m.ch_mall), sum(m.ch_village), sum(m.ikm_n), perf_sum(m.ikm_sum),
                               sum(m.complaints), sum(m.answered), sum(m.answered_on_time)
                        from perf_monthly m
                        where m.tenant_id in (select tenant_id from gen_cell) and m.month between date_trunc('month', ?::date) and ?
                        group by m.tenant_id, m.month
                        returning *)
                    insert into perf_national_monthly as r (month, received, completed, rejected, withdrawn, corrections,
                        decided, on_time, time_hist, ch_online, ch_mpp, ch_mall, ch_village, ikm_n, ikm_sum, complaints, answered,
                        answered_on_time)
                    select month, sum(received), sum(completed), sum(rejected), sum(withdrawn), sum(corrections), sum(decided),
                           sum(on_time), perf_sum(time_hist), sum(ch_online), sum(ch_mpp), sum(ch_mall), sum(ch_village),
                           sum(ikm_n), perf_sum(ikm_sum), sum(complaints), sum(answered), sum(answered_on_time)
                    from new group by month order by month
                    """ + ADD_TO_NATIONAL, from, to);
            jdbc.update("""
                    delete from perf_national_monthly where received = 0 and completed = 0 and rejected = 0 and withdrawn = 0
                        and corrections = 0 and decided = 0 and on_time = 0 and ch_online = 0 and ch_mpp = 0 and ch_mall = 0
                        and ch_village = 0 and ikm_n = 0 and complaints = 0 and answered = 0 and answered_on_time = 0""");
            // open applications: a few per service, due from two weeks ago to three weeks ahead
            jdbc.update("""
                    insert into perf_open (tenant_id, agency_id, service_id, point_id, due_at, n)
                    select c.tenant_id, c.agency_id, c.service_id, '00000000-0000-0000-0000-000000000000',
                           date_trunc('day', now()) + make_interval(days => k) + interval '9 hours',
                           greatest(1, (c.base * (0.5 + random()) * case when k < 0 then (1 - c.on_time) * 2 else 1 end)::int)
                    from gen_cell c cross join generate_series(-14, 21, 3) k
                    on conflict (tenant_id, agency_id, service_id, point_id, due_at) do update set n = excluded.n""");
            return jdbc.queryForObject("""
                    select coalesce(sum(received), 0) from perf_daily d join gen_cell c
                      on c.tenant_id = d.tenant_id and c.service_id = d.service_id where d.day between ? and ?""",
                    Long.class, from, to);
        }));
    }
}
