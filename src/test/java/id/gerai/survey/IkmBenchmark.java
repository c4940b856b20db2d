package id.gerai.survey;

import static id.gerai.bench.BenchSupport.percentileMs;

import id.gerai.bench.BenchSupport;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.region.Region;
import id.gerai.region.RegionApi;
import id.gerai.tenancy.AgencyKind;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code bench/run ikm}: one tenant-year of 1,000,000 survey responses across 150 services (11 agencies, 5 service
 * points), generated once with set-based SQL into {@code target/bench-data/ikm} together with the per-month aggregate
 * the module keeps with every response (built here with one grouped insert, which gives the same rows as 1,000,000
 * single upserts). Then the tenant's yearly result with its breakdowns per service, agency and service point, through
 * {@link Surveys#results}: {@code ikm_tenant_year_ms} (median) and {@code ikm_tenant_year_p95_ms}, and for comparison
 * the same sums scanned from the responses themselves ({@code ikm_raw_scan_ms}).
 *
 * <p>Options: {@code --runs N} (measured runs, default 30), {@code --regenerate}.
 */
public final class IkmBenchmark {

    static final int RESPONSES = 1_000_000;
    static final int SERVICES = 150;
    static final int AGENCIES = 11;
    static final int POINTS = 5;

    private IkmBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 30;
        boolean regenerate = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--regenerate" -> regenerate = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        PrintStream out = System.out;
        System.setOut(System.err);
        Path dir = BenchSupport.benchDir().resolve("ikm");
        Path ready = dir.resolve("ikm-ready");
        if (regenerate) {
            BenchSupport.deleteTree(dir);
        }
        Files.createDirectories(dir);
        Map<String, String> results = new LinkedHashMap<>();
        try (ConfigurableApplicationContext context = BenchSupport.start(dir, true, Map.of())) {
            TenancyApi tenancy = context.getBean(TenancyApi.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);
            Surveys surveys = context.getBean(Surveys.class);
            int year = LocalDate.now().getYear() - 1;
            Tenant tenant;
            if (Files.exists(ready)) {
                String slug = Files.readString(ready).strip();
                tenant = tenancy.bySlug(slug).orElseThrow();
            } else {
                tenant = generate(context, tenancy, jdbc, tx, year);
                Files.writeString(ready, tenant.slug() + "\n");
            }
            TenantId t = tenant.id();
            Period period = Period.year(year);
            long responses = TenantContext.call(t, () -> jdbc.sql("select count(*) from survey_response where tenant_id = ?")
                    .param(t.value()).query(Long.class).single());
            long dailyRows = TenantContext.call(t, () -> jdbc.sql("select count(*) from survey_monthly where tenant_id = ?")
                    .param(t.value()).query(Long.class).single());

            // warm-up, then measured runs
            SkmResult last = null;
            for (int i = 0; i < 5; i++) {
                last = surveys.results(t, period);
            }
            long[] times = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                last = surveys.results(t, period);
                times[i] = System.nanoTime() - start;
            }
            if (last.total().ikm().respondents() != responses) {
                throw new IllegalStateException("the aggregate holds " + last.total().ikm().respondents() + " responses, the table " + responses);
            }
            // the same sums read from the responses themselves, to see what the aggregate saves (and that it agrees)
            long rawStart = System.nanoTime();
            long rawTotal = TenantContext.call(t, () -> tx.execute(s -> jdbc.sql("""
                            select sum(u1 + u2 + u3 + u4 + u5 + u6 + u7 + u8 + u9) from (
                              select service_id, sum(u1) u1, sum(u2) u2, sum(u3) u3, sum(u4) u4, sum(u5) u5, sum(u6) u6, sum(u7) u7,
                                     sum(u8) u8, sum(u9) u9
                              from survey_response where tenant_id = ? and answered_on >= ? and answered_on < ?
                              group by service_id, agency_id, service_point_id) g""")
                    .params(t.value(), java.sql.Date.valueOf(period.from()), java.sql.Date.valueOf(period.until()))
                    .query(Long.class).single()));
            long rawNanos = System.nanoTime() - rawStart;
            long aggregateTotal = last.total().ikm().sums().stream().mapToLong(Long::longValue).sum();
            if (rawTotal != aggregateTotal) {
                throw new IllegalStateException("aggregate and responses disagree: " + aggregateTotal + " vs " + rawTotal);
            }
            long[] sorted = BenchSupport.sorted(times);
            results.put("ikm_responses", String.valueOf(responses));
            results.put("ikm_aggregate_rows", String.valueOf(dailyRows));
            results.put("ikm_services", String.valueOf(last.services().size()));
            results.put("ikm_runs", String.valueOf(runs));
            results.put("ikm_tenant_year_ms", percentileMs(sorted, 50));
            results.put("ikm_tenant_year_p95_ms", percentileMs(sorted, 95));
            results.put("ikm_raw_scan_ms", BenchSupport.ms(rawNanos));
            results.put("ikm_value", last.total().ikm().converted().toPlainString());
            results.put("load", BenchSupport.load());
        }
        results.forEach((k, v) -> out.println(k + "=" + v));
        out.flush();
        System.exit(0);
    }

    private static Tenant generate(ConfigurableApplicationContext context, TenancyApi tenancy, JdbcClient jdbc, TransactionTemplate tx, int year) {
        RegionApi regions = context.getBean(RegionApi.class);
        Region regency = regions.children("").stream().flatMap(p -> regions.children(p.code()).stream())
                .filter(r -> tenancy.tenants().stream().noneMatch(t -> t.regionCode().equals(r.code()))).findFirst().orElseThrow();
        Tenant tenant = tenancy.createTenant(new TenancyApi.NewTenant(regency.code()));
        TenantId t = tenant.id();
        List<UUID> agencies = new ArrayList<>();
        for (int i = 0; i < AGENCIES; i++) {
            agencies.add(tenancy.createAgency(t, new TenancyApi.NewAgency("DINAS" + i, "Dinas Uji " + i, AgencyKind.REGIONAL, null)));
        }
        List<UUID> points = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) {
            points.add(tenancy.createServicePoint(t, new TenancyApi.NewServicePoint("MPP" + i, "Gerai Uji " + i,
                    i == 0 ? ServicePointKind.MPP : ServicePointKind.MALL, "Jl. Uji " + i, null, 4)));
        }
        long started = System.nanoTime();
        TenantContext.run(t, () -> tx.executeWithoutResult(s -> {
            jdbc.sql("create temporary table bench_service (idx int primary key, id uuid, agency uuid) on commit drop").update();
            for (int i = 0; i < SERVICES; i++) {
                jdbc.sql("insert into bench_service values (?, ?, ?)").params(i, UUID.randomUUID(), agencies.get(i % AGENCIES)).update();
            }
            jdbc.sql("create temporary table bench_point (idx int primary key, id uuid) on commit drop").update();
            for (int i = 0; i < POINTS; i++) {
                jdbc.sql("insert into bench_point values (?, ?)").params(i, points.get(i)).update();
            }
            // scores from a hash of the row number and element: mostly 3 and 4, deterministic
            StringBuilder scores = new StringBuilder();
            for (int k = 1; k <= 9; k++) {
                scores.append(String.format(", (select case when x < 3 then 1 when x < %d then 2 when x < 60 then 3 else 4 end "
                        + "from (select abs(hashint4(g * 10 + %d)) %% 100 as x) h)", k >= 8 ? 22 : 12, k));
            }
            jdbc.sql("""
                    insert into survey_response (tenant_id, id, channel, service_id, agency_id, service_point_id, answered_on,
                        answered_at, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education, occupation)
                    select ?, gen_random_uuid(), 'KIOSK', s.id, s.agency, p.id, d.day,
                           d.day + time '08:00' + (g % 480) * interval '1 minute'
                    """ + scores + """
                           , (array['L','P'])[1 + g % 2],
                           (array['A_UNDER_20','A_20_29','A_30_39','A_40_49','A_50_59','A_60_PLUS'])[1 + (g / 3) % 6],
                           (array['SD','SMP','SMA','DIPLOMA','S1','S2','S3'])[1 + (g / 5) % 7],
                           (array['PNS','TNI','POLRI','SWASTA','WIRAUSAHA','LAINNYA'])[1 + (g / 7) % 6]
                    from generate_series(0, ? - 1) g
                    join bench_service s on s.idx = g % ?
                    join bench_point p on p.idx = (g / 11) % ?
                    cross join lateral (select make_date(?, 1, 1) + (g % 365) as day) d""")
                    .params(t.value(), RESPONSES, SERVICES, POINTS, year)
                    .update();
            // the aggregates the module keeps with each response, built in one pass
            jdbc.sql("""
                    insert into survey_monthly (tenant_id, month, service_key, agency_key, point_key, n, s1, s2, s3, s4, s5, s6, s7, s8, s9)
                    select tenant_id, date_trunc('month', answered_on)::date, coalesce(service_id, '00000000-0000-0000-0000-000000000000'),
                           coalesce(agency_id, '00000000-0000-0000-0000-000000000000'),
                           coalesce(service_point_id, '00000000-0000-0000-0000-000000000000'), count(*),
                           sum(u1), sum(u2), sum(u3), sum(u4), sum(u5), sum(u6), sum(u7), sum(u8), sum(u9)
                    from survey_response where tenant_id = ? group by 1, 2, 3, 4, 5""").param(t.value()).update();
            jdbc.sql("""
                    insert into survey_monthly_profile (tenant_id, month, dimension, category, n)
                    select tenant_id, date_trunc('month', answered_on)::date, 'sex', sex, count(*) from survey_response where tenant_id = ? group by 1, 2, 4
                    union all select tenant_id, date_trunc('month', answered_on)::date, 'age', age_band, count(*) from survey_response where tenant_id = ? group by 1, 2, 4
                    union all select tenant_id, date_trunc('month', answered_on)::date, 'education', education, count(*) from survey_response where tenant_id = ? group by 1, 2, 4
                    union all select tenant_id, date_trunc('month', answered_on)::date, 'occupation', occupation, count(*) from survey_response where tenant_id = ? group by 1, 2, 4""")
                    .params(t.value(), t.value(), t.value(), t.value()).update();
        }));
        TenantContext.runAcrossTenants(() -> jdbc.sql("analyze survey_response, survey_monthly, survey_monthly_profile").update());
        System.err.printf("bench: %d responses generated in %d ms%n", RESPONSES, (System.nanoTime() - started) / 1_000_000);
        return tenant;
    }
}
