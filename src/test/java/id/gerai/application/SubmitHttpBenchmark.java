package id.gerai.application;

import static id.gerai.bench.BenchSupport.f1;
import static id.gerai.bench.BenchSupport.percentileMs;
import static id.gerai.bench.BenchSupport.sorted;

import id.gerai.bench.BenchSupport;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.CatalogSamples;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceDesign.RequiredDocument;
import id.gerai.catalog.ServiceDesign.Step;
import id.gerai.catalog.ServiceVersion;
import id.gerai.identity.ApiTokens;
import id.gerai.identity.CitizenAccounts;
import id.gerai.region.Region;
import id.gerai.region.RegionApi;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.AgencyKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/run submit-http}: citizens filing over real HTTP (Tomcat on a random loopback port). Each request
 * is the multipart {@code POST /api/tenants/{tenant}/applications} of the API: the application as JSON with
 * {@code submit=true} and a form of about 1 KB, and two small files for the service's two mandatory documents;
 * Gerai creates the draft, stores and attaches both files, submits (validation, first task, deadline, history,
 * audit, e-mail and text message) and answers 201 with the application.
 *
 * <p>The load is open-loop: request {@code i} is due at {@code start + i / rate} and is sent then whatever the
 * earlier ones are doing, and its latency is measured from that due time, so a slow server is not excused by
 * the generator waiting for it (no coordinated omission). A warm-up at the same rate comes first, a minute by
 * default: the JIT compiler was still taking a fifth of the machine after 60 s at 60/s, and a shorter warm-up
 * measured the compiler as much as the server.
 *
 * <p>Options as system properties: {@code -Dbench.rate=200} (submissions per second), {@code -Dbench.seconds=30},
 * {@code -Dbench.warmup-seconds=60}, {@code -Dbench.citizens=100}, {@code -Dbench.auth=token|basic}; or as
 * arguments {@code --rate N --seconds N --warmup N --auth token|basic}.
 *
 * <p>Prints {@code submit_rps} (answered 201 per second), {@code submit_p50_ms}, {@code submit_p99_ms},
 * {@code submit_max_ms}, {@code submit_errors} (anything but 201, including timeouts), {@code submit_sent}.
 */
public final class SubmitHttpBenchmark {

    static final String SERVICE_KIND = "IZIN_BENCH_HTTP";
    static final String PASSWORD = "RahasiaSekali123";

    private SubmitHttpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double rate = Double.parseDouble(System.getProperty("bench.rate", "200"));
        int seconds = Integer.getInteger("bench.seconds", 30);
        int warmup = Integer.getInteger("bench.warmup-seconds", 60);
        int citizenCount = Integer.getInteger("bench.citizens", 100);
        String auth = System.getProperty("bench.auth", "token");
        boolean regenerate = false;
        boolean statements = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--citizens" -> citizenCount = Integer.parseInt(args[++i]);
                case "--auth" -> auth = args[++i];
                case "--regenerate" -> regenerate = true;
                case "--statements" -> statements = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--rate N, --seconds N, --warmup N, --citizens N, --auth token|basic, --regenerate, --statements)");
            }
        }
        PrintStream out = System.out;
        System.setOut(System.err);
        Map<String, String> results = new LinkedHashMap<>();
        results.put("submit_load_at_start", BenchSupport.load());
        // --statements: a throw-away database with pg_stat_statements loaded, counted over the measured period
        Path dir = BenchSupport.benchDir().resolve(statements ? "submit-http-statements" : "submit-http");
        if (regenerate || statements) {
            BenchSupport.deleteTree(dir);
        }
        if (statements) {
            BenchSupport.preloadStatements(dir, Map.of());
        }
        try (ConfigurableApplicationContext context = BenchSupport.start(dir, true, Map.of())) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            Setup setup = setup(context, citizenCount, auth);
            JsonMapper json = context.getBean(JsonMapper.class);
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/tenants/" + setup.tenant().slug() + "/applications");
            List<byte[]> bodies = new ArrayList<>();
            String boundary = "gerai-bench-" + UUID.randomUUID();
            // one body per citizen (their own form data would not change the work); the files are the same small ones
            for (int i = 0; i < 8; i++) {
                bodies.add(body(boundary, json.writeValueAsBytes(Map.of("service", setup.serviceId().toString(),
                        "data", formData(json), "submit", true, "lang", "id"))));
            }
            results.put("submit_auth", auth);
            results.put("submit_rate", f1(rate));
            results.put("submit_body_bytes", String.valueOf(bodies.getFirst().length));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            Load load = new Load(client, uri, boundary, bodies, setup.authorizations(), dir);
            if (warmup > 0) {
                load.run(rate, warmup, null);
            }
            DataSource ds = context.getBean(DataSource.class);
            if (statements) {
                BenchSupport.resetStatements(ds);
            }
            load.run(rate, seconds, results);
            if (statements) {
                BenchSupport.StatementTotals totals = BenchSupport.printStatements(ds, Long.parseLong(results.get("submit_sent")),
                        "request");
                results.put("submit_statements_per_request", f1(totals.statements()));
                results.put("submit_statement_ms_per_request", f1(totals.executionMs()));
            }
            results.put("submit_load_at_end", BenchSupport.load());
        }
        results.forEach((k, v) -> out.println(k + "=" + v));
        out.flush();
        System.exit(0);
    }

    // --- set-up ------------------------------------------------------------------------------------------

    /** The tenant, the service and, per citizen, the value of their {@code Authorization} header. */
    record Setup(Tenant tenant, UUID serviceId, List<String> authorizations) {
    }

    static Setup setup(ConfigurableApplicationContext context, int count, String auth) {
        TenancyApi tenancy = context.getBean(TenancyApi.class);
        RegionApi regions = context.getBean(RegionApi.class);
        CatalogApi catalog = context.getBean(CatalogApi.class);
        CitizenAccounts citizens = context.getBean(CitizenAccounts.class);
        Region region = regions.children("").stream().flatMap(p -> regions.children(p.code()).stream())
                .min(Comparator.comparing(Region::code)).orElseThrow();
        Tenant t = tenancy.tenants().stream().filter(x -> x.regionCode().equals(region.code())).findFirst()
                .orElseGet(() -> tenancy.createTenant(new TenancyApi.NewTenant(region.code())));
        UUID agency = tenancy.agencies(t.id()).stream().filter(a -> a.code().equals("DPMPTSP")).map(Agency::id).findFirst()
                .orElseGet(() -> tenancy.createAgency(t.id(), new TenancyApi.NewAgency("DPMPTSP", "Dinas Penanaman Modal dan PTSP",
                        AgencyKind.REGIONAL, null)));
        ServiceVersion service = catalog.services(t.id()).stream()
                .filter(s -> s.kindCode().equals(SERVICE_KIND) && s.currentVersion() != null).findFirst()
                .flatMap(s -> catalog.current(t.id(), s.id()))
                .orElseGet(() -> ApplicationSamples.publish(catalog, t, agency, design()));
        List<String> authorizations = new ArrayList<>();
        ApiTokens tokens = context.getBean(ApiTokens.class);
        for (int i = 0; i < count; i++) {
            int k = i;
            String nik = String.format("367101%02d%02d91%04d", 1 + k % 28, 1 + (k / 28) % 12, 2000 + k);
            String email = "warga.http" + k + "@bench.gerai.local";
            CitizenAccounts.Citizen c = citizens.byNik(nik).orElseGet(() -> {
                citizens.register("Warga HTTP " + k, nik, email, "0813456" + String.format("%05d", k), PASSWORD);
                return citizens.byNik(nik).orElseThrow();
            });
            authorizations.add(authorization(tokens, c, auth));
        }
        return new Setup(t, service.serviceId(), authorizations);
    }

    /**
     * The {@code Authorization} header of a citizen: a personal API token (one SHA-256 per request), or HTTP Basic
     * with the password (an Argon2id check per request: shows what the token saves, not what Gerai can take).
     */
    static String authorization(ApiTokens tokens, CitizenAccounts.Citizen c, String auth) {
        return switch (auth) {
            case "token" -> "Bearer " + tokens.issue(c.accountId(), "benchmark", Duration.ofDays(1)).token();
            case "basic" -> "Basic " + Base64.getEncoder().encodeToString((c.email() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException("bench.auth is token or basic, not " + auth);
        };
    }

    /** The sample design with two mandatory small documents (an ID card scan and a letter) and two steps. */
    static ServiceDesign design() {
        return CatalogSamples.with(CatalogSamples.valid(SERVICE_KIND, "Izin Bench HTTP"), b -> {
            b.documents = List.of(
                    new RequiredDocument("KTP", "KTP-el pemohon", "Applicant's ID card", true, List.of("application/pdf", "image/jpeg"), 512),
                    new RequiredDocument("SURAT", "Surat permohonan", "Cover letter", true, List.of("application/pdf", "image/jpeg"), 512));
            return b.steps(
                    new Step("VERIFIKASI", "Verifikasi berkas", "Check documents", "PETUGAS_INSTANSI", null, 2,
                            List.of("APPROVE", "CORRECTION", "REJECT"), null, false),
                    new Step("TTD", "Penandatanganan", "Signing", "PETUGAS_INSTANSI", null, 1, List.of("APPROVE", "REJECT"), null, true));
        });
    }

    static Map<String, Object> formData(JsonMapper json) {
        Map<String, Object> d = new LinkedHashMap<>(ApplicationSamples.validData());
        d.put("nikIbu", "3671014501900007");
        d.put("alamat", Map.of("street", "Jl. Merdeka Raya No. 17, Perumahan Taman Asri Blok C", "rt", "003", "rw", "011",
                "villageCode", "36.71.01.1001"));
        d.put("beratLahir", 3150);
        d.put("telepon", "081234567890");
        d.put("saksi", List.of(Map.of("nama", "Budi Santoso", "nik", "3671010101800011"),
                Map.of("nama", "Siti Aminah", "nik", "3671014202850012")));
        int base = json.writeValueAsString(d).length();
        d.put("catatan", "Mohon diproses. " + "Berkas lengkap terlampir. ".repeat(Math.max(0, (1000 - base) / 26)));
        return d;
    }

    /** The multipart body: the application as JSON, a PDF for KTP and a JPEG for SURAT. */
    static byte[] body(String boundary, byte[] application) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        part(b, boundary, "application", null, "application/json", application);
        part(b, boundary, "KTP", "ktp.pdf", "application/pdf", ApplicationSamples.pdf());
        part(b, boundary, "SURAT", "surat.jpg", "image/jpeg", ApplicationSamples.jpeg());
        b.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }

    private static void part(ByteArrayOutputStream b, String boundary, String name, String file, String type, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (file == null ? "" : "; filename=\"" + file + "\"") + "\r\nContent-Type: " + type + "\r\n\r\n";
        b.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(content);
        b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    // --- load ----------------------------------------------------------------------------------------------

    /** The open-loop generator. */
    record Load(HttpClient client, URI uri, String boundary, List<byte[]> bodies, List<String> authorizations, Path dataDir) {

        void run(double rate, int seconds, Map<String, String> results) throws Exception {
            String label = results == null ? "warm-up" : "measured";
            long intervalNanos = (long) (1e9 / rate);
            int total = (int) Math.round(rate * seconds);
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
            List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
            long[] cpuBefore = BenchSupport.cpuMillis(dataDir);
            Map<String, Long> pgBefore = BenchSupport.postgresCpuMillis(dataDir);
            long start = System.nanoTime() + 10_000_000;
            long lastCompletion = start;
            long[] last = {start};
            for (int i = 0; i < total; i++) {
                long due = start + i * intervalNanos;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Authorization", authorizations.get(i % authorizations.size()))
                        .header("Accept-Language", "id")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i % bodies.size())))
                        .build();
                inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                    long now = System.nanoTime();
                    latencies.add(now - due);
                    synchronized (last) {
                        last[0] = Math.max(last[0], now);
                    }
                    if (failure == null && response.statusCode() == 201) {
                        ok.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                        if (firstErrors.size() < 5) {
                            firstErrors.add(failure != null ? failure.toString()
                                    : response.statusCode() + " " + response.body().substring(0, Math.min(300, response.body().length())));
                        }
                    }
                    return null;
                }));
            }
            long sentAt = System.nanoTime();
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            long[] cpuAfter = BenchSupport.cpuMillis(dataDir);
            Map<String, Long> pgAfter = BenchSupport.postgresCpuMillis(dataDir);
            synchronized (last) {
                lastCompletion = last[0];
            }
            double sendSeconds = (sentAt - start) / 1e9;
            double elapsed = (lastCompletion - start) / 1e9;
            long[] l = sorted(latencies.stream().mapToLong(Long::longValue).toArray());
            firstErrors.forEach(e -> System.err.println("bench: error: " + e));
            System.err.printf("bench: %s: %d sent in %.1f s, %d answered 201 in %.1f s, %d errors, p50 %s ms, p99 %s ms (load %s)%n",
                    label, total, sendSeconds, ok.get(), elapsed, errors.get(), percentileMs(l, 50), percentileMs(l, 99),
                    BenchSupport.load());
            if (results == null) {
                return;
            }
            results.put("submit_sent", String.valueOf(total));
            results.put("submit_seconds", f1(sendSeconds));
            results.put("submit_rps", f1(ok.get() / elapsed));
            results.put("submit_p50_ms", percentileMs(l, 50));
            results.put("submit_p90_ms", percentileMs(l, 90));
            results.put("submit_p99_ms", percentileMs(l, 99));
            results.put("submit_max_ms", percentileMs(l, 100));
            results.put("submit_errors", String.valueOf(errors.get()));
            // CPU per answered submission: the JVM's (server and load generator together, as they share it) and
            // PostgreSQL's
            int answered = Math.max(1, ok.get());
            pgAfter.forEach((kind, ms) -> System.err.printf("bench: %s: postgres %s %.2f ms CPU per request%n", label, kind,
                    (ms - pgBefore.getOrDefault(kind, 0L)) / (double) answered));
            results.put("submit_java_cpu_ms_per_request", f1((cpuAfter[0] - cpuBefore[0]) / (double) answered));
            if (cpuAfter[1] >= 0 && cpuBefore[1] >= 0) {
                results.put("submit_pg_cpu_ms_per_request", f1((cpuAfter[1] - cpuBefore[1]) / (double) answered));
            }
        }
    }
}
