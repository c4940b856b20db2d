package id.gerai.application;

import static id.gerai.bench.BenchSupport.f1;
import static id.gerai.bench.BenchSupport.percentileMs;
import static id.gerai.bench.BenchSupport.sorted;

import id.gerai.application.Applications.DecisionInput;
import id.gerai.application.Applications.NewApplication;
import id.gerai.bench.BenchSupport;
import id.gerai.bench.BenchSupport.Longs;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.CatalogSamples;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceDesign.RequiredDocument;
import id.gerai.catalog.ServiceDesign.Step;
import id.gerai.catalog.ServiceSummary;
import id.gerai.catalog.ServiceVersion;
import id.gerai.identity.CitizenAccounts;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.region.Region;
import id.gerai.region.RegionApi;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.AgencyKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/run process}: the procedure engine's throughput (issue #4). Applications of a service with a
 * four-step procedure are filed with a form of about 1 KB, submitted, and taken through claim + approve on every
 * step, by 1 and by 4 workers, each worker doing whole applications one after another through
 * {@link Applications} in process (the real Spring context, the real durable embedded PostgreSQL).
 *
 * <p>Two databases under {@code target/bench-data}: {@code process-small} is made afresh each run (nothing but
 * the bench's own service), {@code process-full} holds 1,000,000 applications of several tenants in every status,
 * written once with set-based SQL and kept for later runs (with {@code --regenerate} it is built again).
 *
 * <p>Prints {@code process_apps_per_s_1w}, {@code process_apps_per_s_4w}, {@code process_apps_per_s_4w_full},
 * {@code process_transition_p50_ms_*} and {@code process_transition_p99_ms_*} (every transition), the same per
 * kind of transition ({@code create}, {@code submit}, {@code claim}, {@code approve}), the commits per second
 * the database made during each run and the WAL flushes they needed.
 *
 * <p>Finding the next open task of an application is not a transition of the engine (an officer reads it from
 * the inbox); the bench reads it with one indexed query, counted in the throughput, not in the latencies.
 */
public final class ProcessBenchmark {

    static final String SERVICE_KIND = "IZIN_BENCH_4";
    static final String SERVICE_NAME = "Izin Bench Empat Langkah";
    static final int CITIZENS = 24;
    static final int FILL_TENANTS = 6;
    static final int FILL_CHUNK = 50_000;
    /**
     * The engine alone: a completed application's document is issued off the officer's request by the document
     * module, whose CPU work {@code bench/run documents} measures; here its listener is off so the figures are
     * the procedure engine's.
     */
    static final Map<String, String> ENGINE_ONLY = Map.of("gerai.documents.issue-on-completion", "false");

    private record Options(int apps, int fullApps, int warmup, boolean small, boolean full, boolean regenerate,
                           boolean statements) {
    }

    private ProcessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int apps = Integer.getInteger("bench.apps", 2000);
        int fullApps = Integer.getInteger("bench.full-apps", 1_000_000);
        int warmup = 1500;
        boolean small = true;
        boolean full = true;
        boolean regenerate = false;
        boolean statements = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--apps" -> apps = Integer.parseInt(args[++i]);
                case "--full-apps" -> fullApps = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--only-small" -> full = false;
                case "--only-full" -> small = false;
                case "--regenerate" -> regenerate = true;
                case "--statements" -> statements = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--apps N, --full-apps N, --warmup N, --only-small, --only-full, --regenerate, --statements)");
            }
        }
        Options o = new Options(apps, fullApps, warmup, small, full, regenerate, statements);
        // Results go to standard output, everything else (Spring's log included) to standard error.
        PrintStream out = System.out;
        System.setOut(System.err);
        Map<String, String> results = new LinkedHashMap<>();
        results.put("process_load_at_start", BenchSupport.load());
        results.put("process_document_issuing", "off");
        Path dir = BenchSupport.benchDir();
        if (o.statements()) {
            statements(dir.resolve("process-statements"), o.warmup(), Math.min(o.apps(), 1000), results);
            results.forEach((k, v) -> out.println(k + "=" + v));
            out.flush();
            System.exit(0);
        }
        if (o.small()) {
            Path smallDir = dir.resolve("process-small");
            BenchSupport.deleteTree(smallDir);
            try (ConfigurableApplicationContext context = BenchSupport.start(smallDir, true, ENGINE_ONLY)) {
                Bench bench = new Bench(context);
                bench.durability(results);
                Setup setup = bench.setup(1);
                bench.experiment();
                bench.run("warmup", setup, 4, o.warmup(), null);
                bench.analyze();
                if (!Boolean.getBoolean("bench.skip-1w")) {
                    bench.run("1w", setup, 1, o.apps(), results);
                }
                bench.run("4w", setup, 4, o.apps(), results);
            }
            // what the performance figures cost (issue #7): the 4-worker case again with their listener off
            if (Boolean.getBoolean("bench.skip-figures-off")) {
                results.put("process_load_at_end", BenchSupport.load());
                results.forEach((k, v) -> out.println(k + "=" + v));
                out.flush();
                System.exit(0);
            }
            Path offDir = dir.resolve("process-small-figures-off");
            BenchSupport.deleteTree(offDir);
            Map<String, String> off = new LinkedHashMap<>(ENGINE_ONLY);
            off.put("gerai.performance.figures.enabled", "false");
            try (ConfigurableApplicationContext context = BenchSupport.start(offDir, true, off)) {
                Bench bench = new Bench(context);
                Setup setup = bench.setup(1);
                bench.run("warmup", setup, 4, o.warmup(), null);
                bench.analyze();
                bench.run("4w_figures_off", setup, 4, o.apps(), results);
            } finally {
                System.clearProperty("gerai.performance.figures.enabled");
            }
            double on = Double.parseDouble(results.get("process_apps_per_s_4w"));
            double without = Double.parseDouble(results.get("process_apps_per_s_4w_figures_off"));
            results.put("process_figures_cost_us_per_app", f1(1e6 / on - 1e6 / without));
        }
        if (o.full()) {
            Path fullDir = dir.resolve("process-full");
            Path ready = fullDir.resolve("ready-" + o.fullApps());
            if (o.regenerate() || !Files.exists(ready)) {
                BenchSupport.deleteTree(fullDir);
            }
            try (ConfigurableApplicationContext context = BenchSupport.start(fullDir, true, ENGINE_ONLY)) {
                Bench bench = new Bench(context);
                if (!o.small()) {
                    bench.durability(results);
                }
                Setup setup = bench.setup(FILL_TENANTS);
                if (!Files.exists(ready)) {
                    bench.fill(setup, o.fullApps(), results);
                    Files.writeString(ready, Instant.now() + "\n");
                }
                results.put("process_full_applications", String.valueOf(bench.count("application")));
                results.put("process_full_tasks", String.valueOf(bench.count("application_task")));
                results.put("process_full_history", String.valueOf(bench.count("application_history")));
                bench.run("warmup", setup, 4, o.warmup(), null);
                bench.analyze();
                bench.run("4w_full", setup, 4, o.apps(), results);
                bench.run("1w_full", setup, 1, Math.max(200, o.apps() / 4), results);
            }
        }
        if (System.getProperty("bench.experiment", System.getenv("BENCH_EXPERIMENT")) != null) {
            results.put("process_experiment", System.getProperty("bench.experiment", System.getenv("BENCH_EXPERIMENT")));
        }
        results.put("process_load_at_end", BenchSupport.load());
        results.forEach((k, v) -> out.println(k + "=" + v));
        out.flush();
        System.exit(0);
    }

    /**
     * {@code --statements}: which statements one application costs, counted by pg_stat_statements (loaded only in
     * this throw-away database) over {@code apps} applications by one worker, after {@code warmup} applications (so
     * the times are those of compiled code and a warm cache, as in the measured runs). Printed to standard error,
     * most frequent first, as calls per application; the totals go to the results.
     */
    private static void statements(Path dir, int warmup, int apps, Map<String, String> results) throws Exception {
        BenchSupport.deleteTree(dir);
        BenchSupport.preloadStatements(dir, ENGINE_ONLY);
        try (ConfigurableApplicationContext context = BenchSupport.start(dir, true, ENGINE_ONLY)) {
            Bench bench = new Bench(context);
            Setup setup = bench.setup(1);
            bench.run("warmup", setup, 1, warmup, null);
            DataSource ds = context.getBean(DataSource.class);
            BenchSupport.resetStatements(ds);
            bench.run("statements", setup, 1, apps, results);
            BenchSupport.StatementTotals totals = BenchSupport.printStatements(ds, apps, "app");
            results.put("process_statements_per_app", f1(totals.statements()));
            results.put("process_statement_ms_per_app", f1(totals.executionMs()));
            results.put("process_planning_ms_per_app", f1(totals.planningMs()));
            // what the rollups cost the database per application, read from one run rather than as the difference
            // of two (process_figures_cost_us_per_app), which the runs' own variation can swamp
            results.put("process_figures_statement_us_per_app", f1(totals.figuresMs() * 1000));
        }
    }

    // =====================================================================================================

    /** The tenants with the bench service; the first is the one the workers use. */
    record Setup(List<TenantSetup> tenants, List<GeraiUser> citizens, List<GeraiUser> officers) {
        TenantSetup main() {
            return tenants.getFirst();
        }
    }

    record TenantSetup(Tenant tenant, UUID agency, ServiceVersion service) {
    }

    private static final class Bench {
        final Applications applications;
        final CatalogApi catalog;
        final TenancyApi tenancy;
        final RegionApi regions;
        final CitizenAccounts citizens;
        final JdbcClient jdbc;
        final TransactionTemplate tx;
        final DataSource dataSource;
        final JsonMapper json;
        final Map<String, Object> form;

        final Path dataDir;

        Bench(ConfigurableApplicationContext context) {
            dataDir = Path.of(context.getEnvironment().getRequiredProperty("gerai.data-dir")).resolve("postgres");
            applications = context.getBean(Applications.class);
            catalog = context.getBean(CatalogApi.class);
            tenancy = context.getBean(TenancyApi.class);
            regions = context.getBean(RegionApi.class);
            citizens = context.getBean(CitizenAccounts.class);
            jdbc = context.getBean(JdbcClient.class);
            tx = context.getBean(TransactionTemplate.class);
            dataSource = context.getBean(DataSource.class);
            json = context.getBean(JsonMapper.class);
            form = formData();
        }

        void durability(Map<String, String> results) throws java.sql.SQLException {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes", "wal_sync_method", "server_version")) {
                String value = jdbc.sql("select current_setting('" + setting + "')").query(String.class).single();
                results.put("process_pg_" + setting, value);
            }
            // the pool the application got (GERAI_DB_POOL_SIZE, -Dgerai.db.pool-size or the machine's default)
            results.put("process_pool_size", String.valueOf(dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getMaximumPoolSize()));
        }

        // --- setup ----------------------------------------------------------------------------------------

        /** The first {@code n} kabupaten/kota as tenants, each with the agency and the published bench service. */
        Setup setup(int n) {
            List<Region> regencies = regions.children("").stream()
                    .flatMap(p -> regions.children(p.code()).stream())
                    .sorted(Comparator.comparing(Region::code)).toList();
            List<TenantSetup> tenants = new ArrayList<>();
            for (Region r : regencies.subList(0, n)) {
                Tenant t = tenancy.tenants().stream().filter(x -> x.regionCode().equals(r.code())).findFirst()
                        .orElseGet(() -> tenancy.createTenant(new TenancyApi.NewTenant(r.code())));
                UUID agency = tenancy.agencies(t.id()).stream().filter(a -> a.code().equals("DPMPTSP")).map(Agency::id)
                        .findFirst().orElseGet(() -> tenancy.createAgency(t.id(), new TenancyApi.NewAgency("DPMPTSP",
                                "Dinas Penanaman Modal dan PTSP", AgencyKind.REGIONAL, null)));
                ServiceVersion service = catalog.services(t.id()).stream()
                        .filter(s -> s.kindCode().equals(SERVICE_KIND) && s.currentVersion() != null)
                        .findFirst()
                        .flatMap(s -> catalog.current(t.id(), s.id()))
                        .orElseGet(() -> ApplicationSamples.publish(catalog, t, agency, design()));
                tenants.add(new TenantSetup(t, agency, service));
            }
            TenantSetup main = tenants.getFirst();
            List<GeraiUser> people = new ArrayList<>();
            for (int i = 0; i < CITIZENS; i++) {
                int k = i;
                String nik = String.format("367101%02d%02d90%04d", 1 + k % 28, 1 + (k / 28) % 12, 1000 + k);
                String email = "warga.bench" + k + "@bench.gerai.local";
                CitizenAccounts.Citizen c = citizens.byNik(nik).orElseGet(() -> {
                    citizens.register("Warga Bench " + k, nik, email, "0812345" + String.format("%05d", k), "RahasiaSekali123");
                    return citizens.byNik(nik).orElseThrow();
                });
                people.add(new GeraiUser(c.accountId(), c.email(), c.fullName(), true, Set.of(), List.of(), true, null));
            }
            List<GeraiUser> officers = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                // officers are not looked up by the engine: a user object with the membership is all it needs
                UUID id = UUID.nameUUIDFromBytes(("bench-officer-" + k).getBytes());
                officers.add(new GeraiUser(id, "petugas" + k + "@bench.gerai.local", "Petugas Bench " + k, false, Set.of(),
                        List.of(new Membership(main.tenant().id(), Role.PETUGAS_INSTANSI, main.agency(), null)), true, null));
            }
            return new Setup(tenants, people, officers);
        }

        /** The sample design with four sequential steps, all of agency staff, and no mandatory document. */
        static ServiceDesign design() {
            ServiceDesign base = CatalogSamples.valid(SERVICE_KIND, SERVICE_NAME);
            return CatalogSamples.with(base, b -> {
                b.documents = List.of(new RequiredDocument("SKL", "Surat pendukung", "Supporting letter", false,
                        List.of("application/pdf"), 1024));
                b.timeLimitDays = 10;
                List<String> all = List.of("APPROVE", "CORRECTION", "REJECT");
                return b.steps(
                        new Step("VERIFIKASI", "Verifikasi berkas", "Check documents", "PETUGAS_INSTANSI", null, 2, all, null, false),
                        new Step("TEKNIS", "Kajian teknis", "Technical review", "PETUGAS_INSTANSI", null, 3, all, null, false),
                        new Step("PERSETUJUAN", "Persetujuan", "Approval", "PETUGAS_INSTANSI", null, 2,
                                List.of("APPROVE", "REJECT"), null, false),
                        new Step("TTD", "Penandatanganan", "Signing", "PETUGAS_INSTANSI", null, 1,
                                List.of("APPROVE", "REJECT"), null, true));
            });
        }

        /** Valid data for the sample form, about 1 KB as JSON. */
        Map<String, Object> formData() {
            Map<String, Object> d = new LinkedHashMap<>(ApplicationSamples.validData());
            d.put("nikIbu", "3671014501900007");
            d.put("alamat", Map.of("street", "Jl. Merdeka Raya No. 17, Perumahan Taman Asri Blok C", "rt", "003", "rw", "011",
                    "villageCode", "36.71.01.1001"));
            d.put("beratLahir", 3150);
            d.put("kembar", false);
            d.put("telepon", "081234567890");
            d.put("email", "pemohon@example.id");
            d.put("dokumenTambahan", List.of("KIA", "KK"));
            d.put("saksi", List.of(Map.of("nama", "Budi Santoso", "nik", "3671010101800011"),
                    Map.of("nama", "Siti Aminah", "nik", "3671014202850012")));
            String base = json.writeValueAsString(d);
            StringBuilder note = new StringBuilder("Mohon diproses segera; ");
            while (base.length() + note.length() + 14 < 1024) {
                note.append("berkas lengkap. ");
            }
            d.put("catatan", note.substring(0, Math.max(1, 1024 - base.length() - 14)).strip());
            return d;
        }

        /**
         * Statistics for the planner, as autovacuum would have them on a database in use: a fresh database measured
         * right after its warm-up would otherwise be planned from empty tables (seq scans), which made the first
         * figures-off runs look three times dearer in PostgreSQL CPU than the same work with figures on.
         */
        void analyze() throws Exception {
            try (Connection c = DriverManager.getConnection(BenchSupport.jdbcUrl(dataSource), "postgres", "");
                 Statement st = c.createStatement()) {
                st.execute("analyze");
            }
        }

        /**
         * {@code -Dbench.experiment="alter table ... ; ..."}: statements run as the superuser before measuring, to try a
         * storage or server setting without a migration. Printed with the results, so a figure is never mistaken for
         * one of the real schema.
         */
        void experiment() throws Exception {
            String sql = System.getProperty("bench.experiment", System.getenv("BENCH_EXPERIMENT"));
            if (sql == null || sql.isBlank()) {
                return;
            }
            System.err.println("bench: EXPERIMENT: " + sql);
            try (Connection c = DriverManager.getConnection(BenchSupport.jdbcUrl(dataSource), "postgres", "");
                 Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }

        long count(String table) {
            return TenantContext.callAcrossTenants(() -> jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }

        // --- the 1,000,000 applications ---------------------------------------------------------------------

        /**
         * Writes {@code n} applications spread over the setup's tenants, with their tasks and history, in chunks of
         * set-based inserts (generate_series), as the database's superuser: 10 % drafts, 60 % completed, 15 % in
         * process at some step (open or claimed), 5 % returned for correction, 6 % rejected, 4 % withdrawn. Old
         * overdue tasks are marked reminded and escalated, as the deadline watch would have done, so it has nothing
         * to do during the measurement.
         */
        void fill(Setup setup, int n, Map<String, String> results) throws Exception {
            long started = System.nanoTime();
            UUID[] tenantIds = setup.tenants().stream().map(t -> t.tenant().id().value()).toArray(UUID[]::new);
            UUID[] serviceIds = setup.tenants().stream().map(t -> t.service().serviceId()).toArray(UUID[]::new);
            UUID[] agencyIds = setup.tenants().stream().map(TenantSetup::agency).toArray(UUID[]::new);
            int version = setup.main().service().version();
            String formJson = json.writeValueAsString(form);
            // A bulk load: as the database's superuser with replication role "replica", which skips the foreign-key
            // triggers (every row refers to a row written just before, by construction) and row-level security.
            // The indexes stay in place and are maintained row by row, as they would be in production.
            try (Connection c = DriverManager.getConnection(BenchSupport.jdbcUrl(dataSource), "postgres", "")) {
                try (Statement st = c.createStatement()) {
                    st.execute("set session_replication_role = replica");
                }
                c.setAutoCommit(false);
                JdbcClient bulk = JdbcClient.create(new SingleConnectionDataSource(c, true));
                for (int from = 1; from <= n; from += FILL_CHUNK) {
                    int a = from;
                    int to = Math.min(n, from + FILL_CHUNK - 1);
                    long t0 = System.nanoTime();
                    bulk.sql(FILL_APPLICATIONS).param("from", a).param("to", to).param("tenants", tenantIds)
                            .param("services", serviceIds).param("agencies", agencyIds).param("version", version)
                            .param("form", formJson).update();
                    long t1 = System.nanoTime();
                    bulk.sql(FILL_TASKS).param("from", a).param("to", to).param("tenants", tenantIds)
                            .param("services", serviceIds).param("agencies", agencyIds).update();
                    long t2 = System.nanoTime();
                    bulk.sql(FILL_HISTORY).param("from", a).param("to", to).param("tenants", tenantIds)
                            .param("services", serviceIds).param("agencies", agencyIds).update();
                    c.commit();
                    long t3 = System.nanoTime();
                    System.err.printf("bench: filled applications %d..%d in %d ms (applications %d, tasks %d, history %d; load %s)%n",
                            a, to, (t3 - t0) / 1_000_000, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                            BenchSupport.load());
                }
            }
            long filled = System.nanoTime();
            List<String> sample = TenantContext.callAcrossTenants(() -> jdbc.sql("select tracking_no from application limit 1000")
                    .query(String.class).list());
            if (sample.stream().anyMatch(no -> TrackingNumber.normalize(no) == null)) {
                throw new IllegalStateException("the fill wrote tracking numbers with a wrong check character");
            }
            results.put("process_fill_ms", String.valueOf((filled - started) / 1_000_000));
            // what an operator's autovacuum would have done by now; and a checkpoint, so the runs start even
            try (Connection c = DriverManager.getConnection(BenchSupport.jdbcUrl(dataSource), "postgres", "");
                 Statement st = c.createStatement()) {
                st.execute("vacuum analyze application");
                st.execute("vacuum analyze application_task");
                st.execute("vacuum analyze application_history");
                st.execute("checkpoint");
            }
            results.put("process_fill_vacuum_ms", String.valueOf((System.nanoTime() - filled) / 1_000_000));
        }

        // Derived per i: its tenant (i mod tenants), a bucket 0..99 that picks the status, the stage it got to, and
        // when it was filed (30 days to two years ago). Ids are derived from i, so the three inserts agree.
        static final String SOURCE = """
                with src as (
                    select i, md5('bench-app-' || i)::uuid as id,
                           1 + (i % cardinality(cast(:tenants as uuid[])))::int as t,
                           abs(hashint8(i)) % 100 as bucket,
                           abs(hashint8(i + 7777777)) % 4 as st,
                           now() - make_interval(mins => (abs(hashint8(i + 99)) % (700 * 24 * 60))::int) - interval '30 days' as created
                    from generate_series(cast(:from as bigint), cast(:to as bigint)) i),
                b as (
                    select src.*,
                           case when bucket < 10 then 'DRAFT' when bucket < 70 then 'COMPLETED' when bucket < 85 then 'IN_PROCESS'
                                when bucket < 90 then 'CORRECTION' when bucket < 96 then 'REJECTED' else 'WITHDRAWN' end as status
                    from src),
                s as (
                    select b.i, b.id, b.created, b.status,
                           case when b.status = 'COMPLETED' then 3 when b.status = 'DRAFT' then 0 else b.st end as stage,
                           (cast(:tenants as uuid[]))[b.t] as tenant_id, (cast(:services as uuid[]))[b.t] as service_id,
                           (cast(:agencies as uuid[]))[b.t] as agency_id,
                           (array['ONLINE', 'ONLINE', 'ONLINE', 'MPP_COUNTER', 'MALL_COUNTER', 'VILLAGE_OFFICE'])[1 + b.i % 6] as channel,
                           md5('bench-citizen-' || (b.i % 50000))::uuid as citizen,
                           md5('bench-officer-' || (b.i % 40))::uuid as officer
                    from b)
                """;

        static final String FILL_APPLICATIONS = SOURCE + """
                insert into application (tenant_id, id, tracking_no, access_code, service_id, service_version, agency_id,
                    applicant_id, applicant_name, applicant_nik, lang, channel, status, stage, form_data, created_at, updated_at,
                    submitted_at, due_at, paused_at, decided_at, correction, decision_reason, lock_version)
                select s.tenant_id, s.id, tn.no, lpad((abs(hashint8(s.i + 5)) % 1000000)::text, 6, '0'), s.service_id, :version,
                       s.agency_id, s.citizen, 'Warga ' || (s.i % 50000), '367101' || lpad((1000000000 + s.i % 50000)::text, 10, '0'),
                       'id', s.channel, s.status, s.stage, cast(:form as jsonb), s.created, s.created + interval '2 days',
                       case when s.status <> 'DRAFT' then s.created + interval '1 hour' end,
                       case when s.status <> 'DRAFT' then s.created + interval '14 days' end,
                       case when s.status = 'CORRECTION' then s.created + interval '1 day' end,
                       case when s.status in ('COMPLETED', 'REJECTED', 'WITHDRAWN') then s.created + interval '2 days' end,
                       case when s.status = 'CORRECTION' then
                           cast('{"step":"TEKNIS","fields":["alamat"],"documents":[],"message":"Alamat belum lengkap"}' as jsonb) end,
                       case when s.status = 'REJECTED' then 'Persyaratan tidak terpenuhi' end,
                       6
                from s
                cross join lateral (select (s.i * 1000003 + 77777) % 852891037441 as x) r
                cross join lateral (select TRACKING as no) tn
                """.replace("TRACKING", tracking());

        /**
         * A tracking number from {@code r.x} (below 31^8, a different one for every i) in SQL: its eight base-31 digits and
         * the check character of {@link TrackingNumber}, so the numbers are real ones.
         */
        static String tracking() {
            String alphabet = "'" + TrackingNumber.ALPHABET + "'";
            List<String> chars = new ArrayList<>();
            List<String> weighted = new ArrayList<>();
            for (int k = 1; k <= 8; k++) {
                String digit = "(r.x / " + (long) Math.pow(31, 8 - k) + " % 31)";
                chars.add("substr(" + alphabet + ", " + digit + "::int + 1, 1)");
                weighted.add(k + " * " + digit);
            }
            String check = "substr(" + alphabet + ", (((-7 * (" + String.join(" + ", weighted) + ")) % 31 + 31) % 31)::int + 1, 1)";
            return String.join(" || ", chars) + " || " + check;
        }

        static final String STEPS = "(array['VERIFIKASI', 'TEKNIS', 'PERSETUJUAN', 'TTD'])";

        // Every step before the one reached is approved; the step reached has a task in the state the status says:
        // approved (completed), open or claimed (in process), decided (correction, rejected), cancelled (withdrawn).
        // A third of the open tasks are due in the coming days; the overdue ones were reminded and escalated.
        static final String FILL_TASKS = SOURCE + """
                insert into application_task (tenant_id, id, application_id, stage, step_code, role, agency_id, service_id,
                    channel, status, claimed_by, claimed_at, outcome, decided_by, decided_at, created_at, due_at, reminded_at,
                    escalated_at)
                select s.tenant_id, md5('bench-task-' || s.i || '-' || k)::uuid, s.id, k, %1$s[k + 1], 'PETUGAS_INSTANSI',
                       s.agency_id, s.service_id, s.channel, x.status,
                       case when x.status in ('CLAIMED', 'DONE') then s.officer end,
                       case when x.status in ('CLAIMED', 'DONE') then s.created + make_interval(hours => 2 + k * 4) end,
                       x.outcome,
                       case when x.status = 'DONE' then s.officer end,
                       case when x.status = 'DONE' then s.created + make_interval(hours => 3 + k * 4) end,
                       s.created + make_interval(hours => 1 + k * 4), x.due,
                       case when x.status in ('OPEN', 'CLAIMED') and x.due < now() then x.due + interval '1 hour' end,
                       case when x.status in ('OPEN', 'CLAIMED') and x.due < now() then x.due + interval '1 hour' end
                from s
                cross join lateral generate_series(0, s.stage) k
                cross join lateral (select
                    case when k < s.stage or s.status = 'COMPLETED' then 'DONE'
                         when s.status = 'IN_PROCESS' then case when s.i %% 2 = 0 then 'OPEN' else 'CLAIMED' end
                         when s.status in ('CORRECTION', 'REJECTED') then 'DONE'
                         else 'CANCELLED' end as status,
                    case when k < s.stage or s.status = 'COMPLETED' then 'APPROVE'
                         when s.status = 'CORRECTION' then 'CORRECTION'
                         when s.status = 'REJECTED' then 'REJECT' end as outcome,
                    case when s.status = 'IN_PROCESS' and k = s.stage and s.i %% 3 = 0
                         then now() + make_interval(days => 2 + (s.i %% 10)::int)
                         else s.created + make_interval(days => 2 + k * 3) end as due) x
                where s.status <> 'DRAFT'
                """.formatted(STEPS);

        // The history rows those tasks imply, in the order they happened (the identity follows the sort).
        static final String FILL_HISTORY = SOURCE + """
                insert into application_history (tenant_id, application_id, at, action, step_code, actor_id, actor_role,
                    status_after, detail)
                select h.tenant_id, h.id, h.at, h.action, h.step, h.actor, h.role, h.status_after, cast(h.detail as jsonb)
                from (
                    select s.i, 0 as seq, s.tenant_id, s.id, s.created as at, 'CREATED' as action, null as step,
                           s.citizen as actor, 'WARGA' as role, 'DRAFT' as status_after, null as detail
                    from s
                    union all
                    select s.i, 1, s.tenant_id, s.id, s.created + interval '1 hour', 'SUBMITTED', null, s.citizen, 'WARGA',
                           'IN_PROCESS', '{"due":"' || to_char(s.created + interval '14 days', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '"}'
                    from s where s.status <> 'DRAFT'
                    union all
                    select s.i, 2 + 2 * k, s.tenant_id, s.id, s.created + make_interval(hours => 2 + k * 4), 'CLAIMED', %1$s[k + 1],
                           s.officer, 'PETUGAS_INSTANSI', 'IN_PROCESS', null
                    from s cross join lateral generate_series(0, s.stage) k
                    where s.status <> 'DRAFT' and not (k = s.stage and (s.status = 'WITHDRAWN' or s.status = 'IN_PROCESS' and s.i %% 2 = 0))
                    union all
                    select s.i, 3 + 2 * k, s.tenant_id, s.id, s.created + make_interval(hours => 3 + k * 4),
                           case when k < s.stage then 'STAGE_COMPLETED' when s.status = 'COMPLETED' then 'COMPLETED'
                                when s.status = 'CORRECTION' then 'CORRECTION_REQUESTED' else 'REJECTED' end,
                           %1$s[k + 1], s.officer, 'PETUGAS_INSTANSI',
                           case when k < s.stage then 'IN_PROCESS' else s.status end,
                           case when k < s.stage then '{"nextStage":' || (k + 1) || '}'
                                when s.status = 'CORRECTION' then '{"reason":"Alamat belum lengkap","fields":["alamat"],"documents":[]}'
                                when s.status = 'REJECTED' then '{"reason":"Persyaratan tidak terpenuhi"}' end
                    from s cross join lateral generate_series(0, s.stage) k
                    where s.status <> 'DRAFT' and (k < s.stage or s.status in ('COMPLETED', 'CORRECTION', 'REJECTED'))
                    union all
                    select s.i, 20, s.tenant_id, s.id, s.created + interval '2 days', 'WITHDRAWN', null, s.citizen, 'WARGA',
                           'WITHDRAWN', null
                    from s where s.status = 'WITHDRAWN'
                ) h
                order by h.i, h.seq
                """.formatted(STEPS);

        // --- measuring ---------------------------------------------------------------------------------------

        /** What one worker measured. */
        static final class Timings {
            final Longs create = new Longs();
            final Longs submit = new Longs();
            final Longs claim = new Longs();
            final Longs approve = new Longs();
            final Longs lookup = new Longs();

            void addAll(Timings o) {
                create.addAll(o.create);
                submit.addAll(o.submit);
                claim.addAll(o.claim);
                approve.addAll(o.approve);
                lookup.addAll(o.lookup);
            }
        }

        /**
         * {@code apps} applications by {@code workers} threads, each taking whole applications through the procedure.
         * Results are recorded under {@code label} unless {@code results} is null (a warm-up).
         */
        void run(String label, Setup setup, int workers, int apps, Map<String, String> results) throws Exception {
            TenantSetup main = setup.main();
            TenantId tenant = main.tenant().id();
            UUID serviceId = main.service().serviceId();
            AtomicInteger next = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Timings> timings = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            long[] before = stats();
            long[] cpuBefore = BenchSupport.cpuMillis(dataDir);
            Map<String, Long> pgBefore = BenchSupport.postgresCpuMillis(dataDir);
            long start = System.nanoTime();
            for (int w = 0; w < workers; w++) {
                Timings t = new Timings();
                timings.add(t);
                GeraiUser officer = setup.officers().get(w);
                threads.add(Thread.ofPlatform().name("bench-worker-" + w).start(() -> {
                    try {
                        for (int i = next.getAndIncrement(); i < apps && failure.get() == null; i = next.getAndIncrement()) {
                            GeraiUser citizen = setup.citizens().get(i % setup.citizens().size());
                            process(tenant, serviceId, citizen, officer, t);
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] cpuAfter = BenchSupport.cpuMillis(dataDir);
            Map<String, Long> pgAfter = BenchSupport.postgresCpuMillis(dataDir);
            long[] after = stats();
            if (failure.get() != null) {
                throw new IllegalStateException("a worker failed in run " + label, failure.get());
            }
            Timings all = new Timings();
            timings.forEach(all::addAll);
            double perSecond = apps / seconds;
            System.err.printf("bench: %s: %d applications in %.1f s = %.1f/s (load %s)%n", label, apps, seconds, perSecond,
                    BenchSupport.load());
            if (results == null) {
                return;
            }
            pgAfter.forEach((kind, ms) -> System.err.printf("bench: %s: postgres %s %.2f ms CPU per application%n", label, kind,
                    (ms - pgBefore.getOrDefault(kind, 0L)) / (double) apps));
            results.put("process_apps_per_s_" + label, f1(perSecond));
            results.put("process_apps_" + label, String.valueOf(apps));
            results.put("process_seconds_" + label, f1(seconds));
            Longs every = new Longs();
            every.addAll(all.create);
            every.addAll(all.submit);
            every.addAll(all.claim);
            every.addAll(all.approve);
            long[] e = sorted(every.toArray());
            results.put("process_transitions_per_s_" + label, f1(e.length / seconds));
            results.put("process_transition_p50_ms_" + label, percentileMs(e, 50));
            results.put("process_transition_p99_ms_" + label, percentileMs(e, 99));
            Map<String, Longs> kinds = new LinkedHashMap<>();
            kinds.put("create", all.create);
            kinds.put("submit", all.submit);
            kinds.put("claim", all.claim);
            kinds.put("approve", all.approve);
            kinds.put("task_lookup", all.lookup);
            kinds.forEach((kind, values) -> {
                long[] v = sorted(values.toArray());
                results.put("process_" + kind + "_p50_ms_" + label, percentileMs(v, 50));
                results.put("process_" + kind + "_p99_ms_" + label, percentileMs(v, 99));
            });
            // writing transactions are the ones that were given a transaction id; read-only ones need no WAL flush
            results.put("process_commits_per_s_" + label, f1((after[2] - before[2]) / seconds));
            results.put("process_commits_per_app_" + label, f1((after[2] - before[2]) / (double) apps));
            results.put("process_all_transactions_per_s_" + label, f1((after[0] - before[0]) / seconds));
            if (after[1] >= 0) {
                results.put("process_wal_syncs_per_s_" + label, f1((after[1] - before[1]) / seconds));
            }
            // CPU per application: what bounds throughput on two cores once the disk's flushes are shared
            results.put("process_java_cpu_ms_per_app_" + label, f1((cpuAfter[0] - cpuBefore[0]) / (double) apps));
            if (cpuAfter[1] >= 0 && cpuBefore[1] >= 0) {
                results.put("process_pg_cpu_ms_per_app_" + label, f1((cpuAfter[1] - cpuBefore[1]) / (double) apps));
            }
            results.put("process_load_" + label, BenchSupport.load());
        }

        /** One application from filing to completion. */
        void process(TenantId tenant, UUID serviceId, GeraiUser citizen, GeraiUser officer, Timings t) {
            long t0 = System.nanoTime();
            Application app = applications.create(tenant, new NewApplication(serviceId, null, form, "id", null, null), citizen);
            long t1 = System.nanoTime();
            t.create.add(t1 - t0);
            app = applications.submit(tenant, app.id(), citizen);
            long t2 = System.nanoTime();
            t.submit.add(t2 - t1);
            if (app.status() != ApplicationStatus.IN_PROCESS) {
                throw new IllegalStateException("submitted application is " + app.status());
            }
            for (int step = 0; step < 4; step++) {
                long l0 = System.nanoTime();
                UUID task = openTask(tenant, app.id());
                long c0 = System.nanoTime();
                t.lookup.add(c0 - l0);
                applications.claim(tenant, task, officer);
                long c1 = System.nanoTime();
                t.claim.add(c1 - c0);
                app = applications.decide(tenant, task, DecisionInput.approve(), officer);
                t.approve.add(System.nanoTime() - c1);
            }
            if (app.status() != ApplicationStatus.COMPLETED) {
                throw new IllegalStateException("application ended " + app.status());
            }
        }

        UUID openTask(TenantId tenant, UUID applicationId) {
            return TenantContext.call(tenant, () -> jdbc.sql("""
                            select id from application_task where tenant_id = ? and application_id = ? and status = 'OPEN'""")
                    .params(tenant.value(), applicationId).query(UUID.class).single());
        }

        /**
         * Transactions committed in this database so far (read-only ones included), WAL flushes (-1 when the server
         * does not count them), and the next transaction id (writing transactions, of every database, take one).
         */
        long[] stats() {
            long commits = jdbc.sql("select xact_commit from pg_stat_database where datname = current_database()")
                    .query(Long.class).single();
            long xids = jdbc.sql("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint").query(Long.class).single();
            long syncs;
            try {
                syncs = jdbc.sql("select wal_sync from pg_stat_wal").query(Long.class).single();
            } catch (RuntimeException e) {
                syncs = -1;
            }
            return new long[] {commits, syncs, xids};
        }
    }
}
