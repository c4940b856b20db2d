package id.gerai.performance.internal;

import static id.gerai.bench.BenchSupport.f1;
import static id.gerai.bench.BenchSupport.percentileMs;
import static id.gerai.bench.BenchSupport.sorted;

import id.gerai.bench.BenchSupport;
import id.gerai.bench.BenchSupport.Longs;
import id.gerai.platform.TenantId;
import id.gerai.region.Region;
import id.gerai.region.RegionApi;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code bench/run dashboards} (and {@code bench/run generate-history}): synthetic history for {@code --tenants}
 * kabupaten/kota (514) with {@code --kinds} services each (8) over {@code --months} (24) holding about
 * {@code --applications} (10,000,000) applications, written once into {@code target/bench-data/dashboards} by
 * {@link HistoryGenerator}; then the reads behind the tenant dashboard (busiest tenant, default 30 days and a year),
 * the monitor dashboard (all tenants, 12 months) and a benchmark ranking (one kind, all tenants, 12 months), each
 * repeated for {@code --seconds} (10) after a warm-up: {@code dashboard_tenant_p95_ms}, {@code dashboard_monitor_p95_ms},
 * {@code benchmark_ranking_p95_ms} and their p50; and the monitor's three reads one at a time
 * ({@code dashboard_monitor_open_*}, {@code dashboard_monitor_tenants_*}, {@code dashboard_monitor_trend_*}).
 */
public final class DashboardsBenchmark {

    static final List<String[]> KINDS = List.of(
            new String[] {"AKTA_KELAHIRAN", "Akta Kelahiran"}, new String[] {"KTP_EL", "KTP Elektronik"},
            new String[] {"KARTU_KELUARGA", "Kartu Keluarga"}, new String[] {"AKTA_KEMATIAN", "Akta Kematian"},
            new String[] {"NIB", "Nomor Induk Berusaha"}, new String[] {"PBG", "Persetujuan Bangunan Gedung"},
            new String[] {"SIP_DOKTER", "Surat Izin Praktik Dokter"}, new String[] {"SKTM", "Surat Keterangan Tidak Mampu"},
            new String[] {"IZIN_REKLAME", "Izin Reklame"}, new String[] {"PINDAH_DATANG", "Surat Pindah Datang"});

    private DashboardsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tenants = 514;
        long applications = 10_000_000;
        int months = 24;
        int kinds = 8;
        int seconds = 10;
        boolean regenerate = false;
        boolean onlyGenerate = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tenants" -> tenants = Integer.parseInt(args[++i]);
                case "--applications" -> applications = Long.parseLong(args[++i]);
                case "--months" -> months = Integer.parseInt(args[++i]);
                case "--kinds" -> kinds = Math.min(KINDS.size(), Integer.parseInt(args[++i]));
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--regenerate" -> regenerate = true;
                case "--only-generate" -> onlyGenerate = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--tenants N, --applications N,"
                        + " --months N, --kinds N, --seconds N, --regenerate, --only-generate)");
            }
        }
        PrintStream out = System.out;
        System.setOut(System.err);
        Map<String, String> results = new LinkedHashMap<>();
        results.put("dashboards_load_at_start", BenchSupport.load());
        Path dir = BenchSupport.benchDir().resolve("dashboards");
        String key = "ready-" + tenants + "-" + applications + "-" + months + "-" + kinds;
        if (regenerate || !Files.exists(dir.resolve(key))) {
            BenchSupport.deleteTree(dir);
        }
        try (ConfigurableApplicationContext context = BenchSupport.start(dir, true, Map.of())) {
            if (!Files.exists(dir.resolve(key))) {
                generate(context, tenants, applications, months, kinds, results);
                Files.writeString(dir.resolve(key), java.time.Instant.now() + "\n");
            }
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            id.gerai.platform.TenantContext.runAcrossTenants(() -> {
                results.put("history_daily_rows", String.valueOf(jdbc.sql("select count(*) from perf_daily").query(Long.class).single()));
                results.put("history_monthly_rows", String.valueOf(jdbc.sql("select count(*) from perf_monthly").query(Long.class).single()));
                results.put("history_applications", String.valueOf(jdbc.sql("select coalesce(sum(received), 0) from perf_monthly")
                        .query(Long.class).single()));
            });
            if (!onlyGenerate) {
                measure(context, seconds, results);
            }
        }
        results.put("dashboards_load_at_end", BenchSupport.load());
        results.forEach((k, v) -> out.println(k + "=" + v));
        out.flush();
        System.exit(0);
    }

    static void generate(ConfigurableApplicationContext context, int n, long applications, int months, int kinds,
                         Map<String, String> results) {
        TenancyApi tenancy = context.getBean(TenancyApi.class);
        RegionApi regions = context.getBean(RegionApi.class);
        HistoryGenerator generator = context.getBean(HistoryGenerator.class);
        long t0 = System.nanoTime();
        List<Region> regencies = regions.provinces().stream().flatMap(p -> regions.children(p.code()).stream())
                .sorted(Comparator.comparing(Region::code)).limit(n).toList();
        Map<String, Tenant> existing = new LinkedHashMap<>();
        tenancy.tenants().forEach(t -> existing.put(t.regionCode(), t));
        List<HistoryGenerator.GenService> services = new ArrayList<>();
        for (Region r : regencies) {
            Tenant t = existing.containsKey(r.code()) ? existing.get(r.code())
                    : tenancy.createTenant(new TenancyApi.NewTenant(r.code()));
            for (int k = 0; k < kinds; k++) {
                String[] kind = KINDS.get(k);
                UUID agency = UUID.nameUUIDFromBytes(("bench-agency:" + t.id().value() + ":" + (k % 3)).getBytes(StandardCharsets.UTF_8));
                UUID service = UUID.nameUUIDFromBytes(("bench-service:" + t.id().value() + ":" + kind[0]).getBytes(StandardCharsets.UTF_8));
                services.add(new HistoryGenerator.GenService(t.id(), agency, service, kind[0], kind[0].toLowerCase().replace('_', '-'),
                        kind[1]));
            }
        }
        results.put("history_tenants_seconds", f1((System.nanoTime() - t0) / 1e9));
        long t1 = System.nanoTime();
        LocalDate to = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        long made = generator.generate(services, to.minusMonths(months).plusDays(1), to, applications, 42);
        results.put("history_generate_seconds", f1((System.nanoTime() - t1) / 1e9));
        results.put("history_generated_applications", String.valueOf(made));
    }

    static void measure(ConfigurableApplicationContext context, int seconds, Map<String, String> results) {
        FigureQueries queries = context.getBean(FigureQueries.class);
        PerformancePages pages = context.getBean(PerformancePages.class);
        TenancyApi tenancy = context.getBean(TenancyApi.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        TenantId busiest = new TenantId(id.gerai.platform.TenantContext.callAcrossTenants(() -> jdbc.sql("""
                select tenant_id from perf_monthly group by tenant_id order by sum(received) desc limit 1""")
                .query(UUID.class).single()));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        java.time.YearMonth month = java.time.YearMonth.from(today);
        run("dashboard_tenant", seconds, results, () -> tenantDashboard(queries, busiest, today, 30));
        run("dashboard_tenant_year", seconds, results, () -> tenantDashboard(queries, busiest, today, 365));
        run("dashboard_monitor", seconds, results, () -> {
            tenancy.tenants();
            // the page's reads: every tenant's line, and the period and the one before it in one trend query
            return queries.monitor(month.minusMonths(11), month, month.minusMonths(23));
        });
        // the monitor's three reads one at a time: the page waits for the slowest
        run("dashboard_monitor_open", seconds, results, () -> queries.openByTenant(java.time.Instant.now()));
        run("dashboard_monitor_tenants", seconds, results, () -> queries.tenantTotals(month.minusMonths(11), month));
        run("dashboard_monitor_trend", seconds, results, () -> queries.monthlyTrend(month.minusMonths(23), month));
        run("benchmark_ranking", seconds, results, () -> {
            queries.kinds();
            return pages.rank("AKTA_KELAHIRAN", "median", "", 12);
        });
    }

    static Object tenantDashboard(FigureQueries q, TenantId t, LocalDate today, int days) {
        LocalDate from = today.minusDays(days - 1L);
        q.totals(t, null, from, today);
        q.totals(t, null, from.minusDays(days), from.minusDays(1));
        q.open(t, null);
        q.trend(t, null, from, today);
        return q.services(t, null, from, today);
    }

    static void run(String name, int seconds, Map<String, String> results, Supplier<Object> work) {
        long warm = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warm) {
            work.get();
        }
        Longs times = new Longs();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            work.get();
            times.add(System.nanoTime() - t0);
        }
        long[] s = sorted(times.toArray());
        results.put(name + "_runs", String.valueOf(s.length));
        results.put(name + "_p50_ms", percentileMs(s, 50));
        results.put(name + "_p95_ms", percentileMs(s, 95));
    }
}
