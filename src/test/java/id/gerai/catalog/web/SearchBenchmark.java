package id.gerai.catalog.web;

import id.gerai.GeraiApplication;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.web.SearchRepository.Filter;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.region.Region;
import id.gerai.region.RegionApi;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code bench/run search}: the public catalogue search at the scale of the whole country. Builds 514
 * tenants (every kabupaten/kota) with 150 published services each (77,100) in {@code target/bench-data},
 * written straight into {@code service} and {@code service_version} (one statement per table and tenant)
 * and indexed by the real {@link CatalogIndexer#reindexAll()}; the data is kept for the next run.
 *
 * <p>Then a fixed list of what citizens type (abbreviations, everyday words, misspellings, half-typed
 * words), each asked across all tenants and within one tenant, in process through {@link CatalogSearch}:
 * a warm-up, a measured single-thread period for latency, and a two-thread period for throughput.
 */
public final class SearchBenchmark {

    static final int TENANTS = 514;
    static final int SERVICES_PER_TENANT = 150;

    /** What citizens type: short forms, everyday words, misspellings, half-typed words, broad words. */
    static final List<String> QUERIES = List.of(
            "ktp", "e-ktp", "ktp hilang", "kk", "kartu keluarga", "kartu keluraga", "kia", "akta lahir", "akte kelahiran",
            "akta kelahran", "akta kematian", "akta kel", "skck", "skkc", "sktm", "surat keterangan tidak mampu", "domisili",
            "pindah", "izin usaha", "nib", "imb", "pbg", "izin rekalme", "reklame", "sip dokter", "surat izin praktek bidan",
            "paspor", "passport", "bpjs", "pajak kendaraan", "stnk", "pbb", "bphtb", "sertifikat tanah", "sertifkat tnah",
            "kartu kuning", "beasiswa", "ppdb", "cara bikin ktp", "surat keterangan", "izin", "surat sehat", "apotek",
            "balik nama", "bantuan sosial", "pkh");

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 30;
        int variation = 20;
        boolean regenerate = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--regenerate" -> regenerate = true;
                case "--variation" -> variation = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        // Results go to standard output, everything else (Spring's log included) to standard error.
        PrintStream out = System.out;
        System.setOut(System.err);

        Path dir = Path.of(System.getProperty("gerai.data-dir", "target/bench-data")).toAbsolutePath();
        if (!dir.toString().contains("bench-data")) {
            throw new IllegalStateException("the benchmark only writes into a bench-data folder, not " + dir);
        }
        // the data is kept per variation: a run with another one builds its own
        Path ready = dir.resolve("search-ready-" + variation);
        if (regenerate || !Files.exists(ready)) {
            try (Stream<Path> old = Files.list(dir)) {
                for (Path marker : old.filter(f -> f.getFileName().toString().startsWith("search-ready")).toList()) {
                    Files.delete(marker);
                }
            }
            deleteTree(dir.resolve("postgres"));
            Files.deleteIfExists(ready);
        }
        // System properties: they outrank application.properties (PORT, GERAI_DEMO), default properties would not.
        System.setProperty("gerai.data-dir", dir.toString());
        System.setProperty("gerai.demo.enabled", "false");
        System.setProperty("server.port", "0");
        System.setProperty("spring.main.banner-mode", "off");
        System.setProperty("logging.level.root", "WARN");
        System.setProperty("logging.level.id.gerai", "INFO");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GeraiApplication.class).run()) {
            Map<String, String> results = new LinkedHashMap<>();
            if (!Files.exists(ready)) {
                generate(context, variation, results);
                Files.writeString(ready, Instant.now() + "\n");
            }
            results.put("variation_percent", String.valueOf(variation));
            measure(context, seconds, results);
            results.forEach((k, v) -> out.println(k + "=" + v));
            out.flush();
        }
        System.exit(0);
    }

    // --- data -------------------------------------------------------------------------------------------

    /** Agencies of every tenant: a code, a name, and the categories whose services it gives. */
    private static final List<String[]> AGENCIES = List.of(
            new String[]{"DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "REGIONAL", "KEPENDUDUKAN"},
            new String[]{"DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "REGIONAL", "PERIZINAN"},
            new String[]{"DINKES", "Dinas Kesehatan", "REGIONAL", "KESEHATAN"},
            new String[]{"POLRES", "Kepolisian Resor", "CENTRAL", "KEPOLISIAN"},
            new String[]{"BAPENDA", "Badan Pendapatan Daerah", "REGIONAL", "PERPAJAKAN"},
            new String[]{"BPN", "Kantor Pertanahan", "CENTRAL", "PERTANAHAN"},
            new String[]{"DINSOS", "Dinas Sosial", "REGIONAL", "SOSIAL"},
            new String[]{"DISDIK", "Dinas Pendidikan dan Kebudayaan", "REGIONAL", "PENDIDIKAN"},
            new String[]{"DISNAKER", "Dinas Tenaga Kerja", "REGIONAL", "KETENAGAKERJAAN"},
            new String[]{"PEMDES", "Bagian Tata Pemerintahan dan Kelurahan", "REGIONAL", "DESA"},
            new String[]{"SETDA", "Sekretariat Daerah", "REGIONAL", "LAINNYA"});

    /**
     * @param variation the share (percent) of each tenant's services whose summary the tenant worded itself,
     *                  so that not every region's text is the same: the index then holds that many more
     *                  distinct texts, which is what a search across tenants ranks
     */
    private static void generate(ConfigurableApplicationContext context, int variation, Map<String, String> results) {
        TenancyApi tenancy = context.getBean(TenancyApi.class);
        RegionApi regions = context.getBean(RegionApi.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        CatalogIndexer indexer = context.getBean(CatalogIndexer.class);

        long started = System.nanoTime();
        List<Region> regencies = regions.children("").stream().flatMap(p -> regions.children(p.code()).stream()).toList();
        List<Tenant> tenants = new ArrayList<>();
        for (Region r : regencies.subList(0, Math.min(TENANTS, regencies.size()))) {
            tenants.add(tenancy.createTenant(new TenancyApi.NewTenant(r.code())));
        }
        System.err.printf("bench: %d tenants in %d ms%n", tenants.size(), (System.nanoTime() - started) / 1_000_000);

        List<SampleServices.Sample> samples = SampleServices.all().subList(0, SERVICES_PER_TENANT);
        Map<String, String> designs = new HashMap<>();
        samples.forEach(s -> designs.put(s.kind(), Designs.write(s.design())));
        Random random = new Random(42);
        long servicesStarted = System.nanoTime();
        for (Tenant t : tenants) {
            TenantContext.run(t.id(), () -> tx.executeWithoutResult(s -> {
                Map<String, UUID> agencyByCategory = new HashMap<>();
                List<UUID> agencyIds = new ArrayList<>();
                for (String[] a : AGENCIES) {
                    UUID id = UUID.randomUUID();
                    agencyIds.add(id);
                    agencyByCategory.put(a[3], id);
                }
                jdbc.sql("""
                                insert into agency (tenant_id, id, code, name, kind)
                                select :tenant, unnest(cast(:ids as uuid[])), unnest(cast(:codes as text[])),
                                       unnest(cast(:names as text[])), unnest(cast(:kinds as text[]))
                                """)
                        .param("tenant", t.id().value())
                        .param("ids", agencyIds.toArray(UUID[]::new))
                        .param("codes", AGENCIES.stream().map(a -> a[0]).toArray(String[]::new))
                        .param("names", AGENCIES.stream().map(a -> a[1]).toArray(String[]::new))
                        .param("kinds", AGENCIES.stream().map(a -> a[2]).toArray(String[]::new))
                        .update();
                jdbc.sql("""
                                insert into service_point (tenant_id, id, code, name, kind, address, counters) values
                                (:tenant, gen_random_uuid(), 'MPP', 'Mal Pelayanan Publik ' || :name, 'MPP', 'Jl. Jenderal Sudirman No. 1', 30),
                                (:tenant, gen_random_uuid(), 'MALL', 'Gerai MPP Mal Kota', 'MALL', 'Mal Kota Lantai 2', 4),
                                (:tenant, gen_random_uuid(), 'ONLINE', 'Gerai Daring', 'ONLINE', null, 0)
                                """)
                        .param("tenant", t.id().value()).param("name", t.name()).update();
                UUID[] ids = new UUID[samples.size()];
                UUID[] agencies = new UUID[samples.size()];
                String[] slugs = new String[samples.size()];
                String[] kinds = new String[samples.size()];
                String[] json = new String[samples.size()];
                java.sql.Timestamp[] published = new java.sql.Timestamp[samples.size()];
                for (int i = 0; i < samples.size(); i++) {
                    SampleServices.Sample sample = samples.get(i);
                    ids[i] = UUID.randomUUID();
                    agencies[i] = agencyByCategory.get(sample.category());
                    slugs[i] = sample.slug();
                    kinds[i] = sample.kind();
                    json[i] = random.nextInt(100) < variation ? Designs.write(reworded(sample, t)) : designs.get(sample.kind());
                    published[i] = java.sql.Timestamp.from(Instant.now().minus(random.nextInt(700), ChronoUnit.DAYS));
                }
                jdbc.sql("""
                                insert into service (tenant_id, id, agency_id, slug, kind_code, current_version)
                                select :tenant, unnest(cast(:ids as uuid[])), unnest(cast(:agencies as uuid[])),
                                       unnest(cast(:slugs as text[])), unnest(cast(:kinds as text[])), 1
                                """)
                        .param("tenant", t.id().value()).param("ids", ids).param("agencies", agencies)
                        .param("slugs", slugs).param("kinds", kinds)
                        .update();
                jdbc.sql("""
                                insert into service_version (tenant_id, service_id, version, status, design, created_by, published_at)
                                select :tenant, unnest(cast(:ids as uuid[])), 1, 'PUBLISHED', unnest(cast(cast(:designs as text[]) as jsonb[])),
                                       'bench', unnest(cast(:published as timestamptz[]))
                                """)
                        .param("tenant", t.id().value()).param("ids", ids).param("designs", json).param("published", published)
                        .update();
            }));
        }
        long written = System.nanoTime();
        System.err.printf("bench: %d services written in %d ms%n", tenants.size() * samples.size(), (written - servicesStarted) / 1_000_000);
        int indexed = indexer.reindexAll();
        long reindexMs = (System.nanoTime() - written) / 1_000_000;
        results.put("generate_ms", String.valueOf((System.nanoTime() - started) / 1_000_000));
        results.put("reindex_services", String.valueOf(indexed));
        results.put("reindex_ms", String.valueOf(reindexMs));
    }

    /** The sample as a region words it itself: its own summary. */
    private static ServiceDesign reworded(SampleServices.Sample s, Tenant t) {
        ServiceDesign d = s.design();
        return new ServiceDesign(d.format(), d.name(), d.nameEn(), d.summary() + " Dilayani di " + t.name() + ".", d.summaryEn(),
                d.kindCode(), d.category(), d.lifeEvents(), d.channels(), d.standard(), d.fee(), d.timeLimitDays(), d.documents(),
                d.form(), d.procedure(), d.output());
    }

    // --- measuring --------------------------------------------------------------------------------------

    private record Ask(String query, TenantId tenant) {
    }

    private static void measure(ConfigurableApplicationContext context, int seconds, Map<String, String> results) throws Exception {
        CatalogSearch search = context.getBean(CatalogSearch.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        List<Tenant> tenants = context.getBean(TenancyApi.class).tenants();
        long services = TenantContext.callAcrossTenants(() -> jdbc.sql("select count(*) from service_search").query(Long.class).single());
        results.put("tenants", String.valueOf(tenants.size()));
        results.put("services", String.valueOf(services));
        results.put("distinct_texts", String.valueOf(TenantContext.callAcrossTenants(() ->
                jdbc.sql("select count(*) from service_search_doc").query(Long.class).single())));

        // Each query once across all tenants and once within a tenant, tenants drawn with a fixed seed.
        Random random = new Random(7);
        List<Ask> asks = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            for (String q : QUERIES) {
                asks.add(new Ask(q, null));
                asks.add(new Ask(q, tenants.get(random.nextInt(tenants.size())).id()));
            }
        }

        // warm-up: the JIT, the pool, PostgreSQL's caches
        long warmUntil = System.nanoTime() + Math.max(5, seconds / 3) * 1_000_000_000L;
        for (int i = 0; System.nanoTime() < warmUntil; i++) {
            ask(search, asks.get(i % asks.size()));
        }

        // one client: latency
        List<Long> all = new ArrayList<>();
        List<Long> across = new ArrayList<>();
        List<Long> within = new ArrayList<>();
        Map<String, List<Long>> byQuery = new HashMap<>();
        long hits = 0;
        long start = System.nanoTime();
        long until = start + seconds * 1_000_000_000L;
        int i = 0;
        while (System.nanoTime() < until) {
            Ask a = asks.get(i++ % asks.size());
            long t0 = System.nanoTime();
            CatalogSearch.Result r = ask(search, a);
            long took = System.nanoTime() - t0;
            all.add(took);
            (a.tenant() == null ? across : within).add(took);
            byQuery.computeIfAbsent(a.query(), k -> new ArrayList<>()).add(took);
            hits += r.hits().isEmpty() ? 0 : 1;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;

        // two clients (the machine's two cores): throughput
        AtomicLong done = new AtomicLong();
        ConcurrentLinkedQueue<Long> parallel = new ConcurrentLinkedQueue<>();
        long pStart = System.nanoTime();
        long pUntil = pStart + seconds * 1_000_000_000L;
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            int offset = c * 17;
            Thread t = Thread.ofPlatform().start(() -> {
                for (int k = offset; System.nanoTime() < pUntil; k++) {
                    long t0 = System.nanoTime();
                    ask(search, asks.get(k % asks.size()));
                    parallel.add(System.nanoTime() - t0);
                    done.incrementAndGet();
                }
            });
            clients.add(t);
        }
        for (Thread t : clients) {
            t.join();
        }
        double pElapsed = (System.nanoTime() - pStart) / 1e9;

        results.put("search_queries", String.valueOf(all.size()));
        results.put("search_found_share", String.format(Locale.ROOT, "%.3f", hits / (double) all.size()));
        results.put("search_qps", String.format(Locale.ROOT, "%.1f", done.get() / pElapsed));
        results.put("search_qps_1_client", String.format(Locale.ROOT, "%.1f", all.size() / elapsed));
        results.put("search_p50_ms", ms(percentile(all, 50)));
        results.put("search_p95_ms", ms(percentile(all, 95)));
        results.put("search_p99_ms", ms(percentile(all, 99)));
        results.put("search_max_ms", ms(percentile(all, 100)));
        results.put("search_all_tenants_p95_ms", ms(percentile(across, 95)));
        results.put("search_one_tenant_p95_ms", ms(percentile(within, 95)));
        results.put("search_2_clients_p95_ms", ms(percentile(new ArrayList<>(parallel), 95)));
        // the slowest queries, for whoever wants to make it faster (standard error: not a result)
        byQuery.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, List<Long>> e) -> percentile(e.getValue(), 95)).reversed())
                .limit(8)
                .forEach(e -> System.err.printf("bench: p95 %s ms  \"%s\"%n", ms(percentile(e.getValue(), 95)), e.getKey()));
    }

    private static CatalogSearch.Result ask(CatalogSearch search, Ask a) {
        return search.search(a.query(), new Filter(a.tenant(), null, null, null, null), 1);
    }

    private static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
