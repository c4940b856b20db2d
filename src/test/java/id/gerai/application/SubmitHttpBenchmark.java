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
import java.io.BufferedInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>The load is open-loop: request {@code i} is due at {@code start + i / rate} and is sent then, on one of
 * {@value Load#WORKERS} keep-alive connections, whatever the earlier ones are doing (when every connection is busy it
 * waits for the first free one), and its latency is measured from that due time, so a slow server is not excused by
 * the generator waiting for it (no coordinated omission). A warm-up at the same rate comes first, three minutes by
 * default: the JIT compiler was still taking a fifth of the machine after 60 s at 60/s, and at 200/s a cold JVM
 * falls behind for its first minutes (the compiler's threads share the two cores with the server). Its figures are
 * printed too ({@code submit_warmup_*}), so what a cold start costs is seen, not hidden.
 *
 * <p>Options as system properties: {@code -Dbench.rate=200} (submissions per second), {@code -Dbench.seconds=30},
 * {@code -Dbench.warmup-seconds=180}, {@code -Dbench.citizens=100}, {@code -Dbench.auth=token|basic}; or as
 * arguments {@code --rate N --seconds N --warmup N --auth token|basic}.
 *
 * <p>Prints {@code submit_rps} (answered 201 per second), {@code submit_p50_ms}, {@code submit_p99_ms},
 * {@code submit_max_ms}, {@code submit_errors} (anything but 201, including timeouts), {@code submit_sent}; and of the
 * warm-up {@code submit_warmup_seconds}, {@code submit_warmup_p50_ms}, {@code submit_warmup_p99_ms},
 * {@code submit_warmup_errors}.
 */
public final class SubmitHttpBenchmark {

    static final String SERVICE_KIND = "IZIN_BENCH_HTTP";
    static final String PASSWORD = "RahasiaSekali123";

    private SubmitHttpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double rate = Double.parseDouble(System.getProperty("bench.rate", "200"));
        int seconds = Integer.getInteger("bench.seconds", 30);
        int warmup = Integer.getInteger("bench.warmup-seconds", 180);
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
            results.put("submit_pool_size", String.valueOf(context.getBean(DataSource.class)
                    .unwrap(com.zaxxer.hikari.HikariDataSource.class).getMaximumPoolSize()));
            Load load = new Load(uri, boundary, bodies, setup.authorizations(), dir);
            if (warmup > 0) {
                load.run(rate, warmup, results, false);
            }
            DataSource ds = context.getBean(DataSource.class);
            if (statements) {
                BenchSupport.resetStatements(ds);
            }
            load.run(rate, seconds, results, true);
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

    /**
     * The open-loop generator. A scheduler thread hands each request's due time to a pool of workers, each with its own
     * keep-alive HTTP/1.1 connection ({@link Connection}), the request bytes built once: the JDK's HttpClient took about
     * a quarter of the JVM's CPU here, work the server under test then had to share the two cores with. A request
     * waits for a free worker when all are busy, and its latency still counts from its due time.
     */
    record Load(URI uri, String boundary, List<byte[]> bodies, List<String> authorizations, Path dataDir) {

        /** Connections, so requests in flight: above the server's admission limit ({@code GERAI_MAX_IN_FLIGHT}, 64). */
        static final int WORKERS = 96;

        /** Runs the load; its figures go into {@code results}, those of a warm-up ({@code measured} false) as such. */
        void run(double rate, int seconds, Map<String, String> results, boolean measured) throws Exception {
            String label = measured ? "measured" : "warm-up";
            long intervalNanos = (long) (1e9 / rate);
            int total = (int) Math.round(rate * seconds);
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
            AtomicLong lastCompletion = new AtomicLong();
            LinkedBlockingQueue<long[]> due = new LinkedBlockingQueue<>();
            long[] cpuBefore = BenchSupport.cpuMillis(dataDir);
            Map<String, Long> pgBefore = BenchSupport.postgresCpuMillis(dataDir);
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                workers.add(Thread.ofPlatform().name("bench-http-" + w).daemon().start(() -> {
                    Connection connection = null;
                    try {
                        for (long[] job = due.take(); job[0] >= 0; job = due.take()) {
                            int i = (int) job[1];
                            String error;
                            try {
                                if (connection == null) {
                                    connection = new Connection(uri);
                                }
                                Connection.Response r = connection.exchange(request(i), bodies.get(i % bodies.size()));
                                error = r.status() == 201 ? null : r.status() + " " + r.body().substring(0, Math.min(300, r.body().length()));
                                if (!r.keepAlive()) {
                                    connection.close();
                                    connection = null;
                                }
                            } catch (java.io.IOException e) {
                                error = e.toString();
                                if (connection != null) {
                                    connection.close();
                                    connection = null;
                                }
                            }
                            long now = System.nanoTime();
                            latencies.add(now - job[0]);
                            lastCompletion.accumulateAndGet(now, Math::max);
                            if (error == null) {
                                ok.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                                if (firstErrors.size() < 5) {
                                    firstErrors.add(error);
                                }
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        if (connection != null) {
                            connection.close();
                        }
                    }
                }));
            }
            long start = System.nanoTime() + 10_000_000;
            for (int i = 0; i < total; i++) {
                long at = start + i * intervalNanos;
                long wait;
                while ((wait = at - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                due.add(new long[] {at, i});
            }
            long sentAt = System.nanoTime();
            for (int w = 0; w < WORKERS; w++) {
                due.add(new long[] {-1, -1});
            }
            for (Thread t : workers) {
                t.join(Duration.ofSeconds(60));
            }
            long[] cpuAfter = BenchSupport.cpuMillis(dataDir);
            Map<String, Long> pgAfter = BenchSupport.postgresCpuMillis(dataDir);
            double sendSeconds = (sentAt - start) / 1e9;
            double elapsed = (lastCompletion.get() - start) / 1e9;
            long[] l = sorted(latencies.stream().mapToLong(Long::longValue).toArray());
            firstErrors.forEach(e -> System.err.println("bench: error: " + e));
            System.err.printf("bench: %s: %d sent in %.1f s, %d answered 201 in %.1f s, %d errors, p50 %s ms, p99 %s ms (load %s)%n",
                    label, total, sendSeconds, ok.get(), elapsed, errors.get(), percentileMs(l, 50), percentileMs(l, 99),
                    BenchSupport.load());
            if (!measured) {
                results.put("submit_warmup_seconds", String.valueOf(seconds));
                results.put("submit_warmup_p50_ms", percentileMs(l, 50));
                results.put("submit_warmup_p99_ms", percentileMs(l, 99));
                results.put("submit_warmup_errors", String.valueOf(errors.get()));
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

        /** The request line and headers of request {@code i} (its citizen's token, its body's length). */
        private byte[] request(int i) {
            byte[] body = bodies.get(i % bodies.size());
            return ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                    + "\r\nAuthorization: " + authorizations.get(i % authorizations.size())
                    + "\r\nAccept-Language: id\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** One keep-alive HTTP/1.1 connection: writes a request, reads the status, headers and body (fixed or chunked). */
    static final class Connection implements AutoCloseable {

        record Response(int status, String body, boolean keepAlive) {
        }

        private final Socket socket;
        private final BufferedInputStream in;
        private final OutputStream out;

        Connection(URI uri) throws java.io.IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
            out = socket.getOutputStream();
        }

        Response exchange(byte[] head, byte[] body) throws java.io.IOException {
            byte[] request = java.util.Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            out.write(request);
            out.flush();
            String statusLine = line();
            if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.1 ")) {
                throw new java.io.IOException("not an HTTP/1.1 status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean keepAlive = true;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    keepAlive = !value.equalsIgnoreCase("close");
                }
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    content.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                content.write(in.readNBytes((int) length));
            } else {
                keepAlive = false;
                content.write(in.readAllBytes());
            }
            return new Response(status, content.toString(StandardCharsets.UTF_8), keepAlive);
        }

        private String line() throws java.io.IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("connection closed by the server");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (java.io.IOException ignored) {
                // closing a connection that is already broken
            }
        }
    }
}
