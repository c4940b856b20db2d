package id.gerai.document.internal;

import id.gerai.application.ApplicationSamples;
import id.gerai.catalog.CatalogSamples;
import id.gerai.catalog.ServiceDesign;
import id.gerai.document.DocumentStatus;
import id.gerai.document.Signer;
import id.gerai.platform.TenantId;
import id.gerai.region.Region;
import id.gerai.region.RegionApi;
import id.gerai.region.RegionKind;
import id.gerai.region.RegionLevel;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.AgencyKind;
import id.gerai.tenancy.Tenant;
import id.gerai.tenancy.TenantKind;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * {@code bench/run documents}: how many documents Gerai renders and signs per second. Each document is the
 * real work of issuing one, minus the database: the sample birth-certificate service's template filled with
 * an application's data ({@link DocumentComposer}), laid out as PDF/A-2b with embedded fonts and the QR code
 * ({@link PdfRenderer}), signed PAdES B-B with the agency's RSA-2048 PKCS#12 key ({@link Pkcs12Signer}, the
 * key made once under {@code target/bench-data/keys}), and hashed for the record. Every document gets its
 * own number and verification token, so nothing is cached between documents.
 *
 * <p>After a warm-up, one worker and then four workers run for a fixed period each. Prints
 * {@code documents_per_s_1w}, {@code documents_per_s_4w}, {@code documents_p99_ms} (one document's time with
 * four workers), {@code documents_p99_ms_1w}, {@code documents_p50_ms} and {@code documents_kb_avg}. The last
 * document of each run is checked with Gerai's own signature check, so a fast but broken signer cannot pass.
 * Options: {@code --seconds N} (each measured period, default 20), {@code --warmup N} (default 10).
 */
public final class DocumentsBenchmark {

    private DocumentsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 20;
        int warmup = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        PrintStream out = System.out;
        System.setOut(System.err);

        Path dir = Path.of(System.getProperty("gerai.data-dir", "target/bench-data")).toAbsolutePath();
        if (!dir.toString().contains("bench-data")) {
            throw new IllegalStateException("the benchmark only writes into a bench-data folder, not " + dir);
        }
        Work work = new Work(dir.resolve("keys"));
        System.err.printf("warming up for %d s ...%n", warmup);
        run(work, 4, Duration.ofSeconds(warmup));
        System.err.printf("1 worker for %d s ...%n", seconds);
        Result one = run(work, 1, Duration.ofSeconds(seconds));
        System.err.printf("4 workers for %d s ...%n", seconds);
        Result four = run(work, 4, Duration.ofSeconds(seconds));

        out.printf("documents_per_s_1w=%.1f%n", one.perSecond());
        out.printf("documents_per_s_4w=%.1f%n", four.perSecond());
        out.printf("documents_p99_ms=%.1f%n", four.percentile(0.99));
        out.printf("documents_p99_ms_1w=%.1f%n", one.percentile(0.99));
        out.printf("documents_p50_ms=%.1f%n", four.percentile(0.50));
        out.printf("documents_kb_avg=%.1f%n", four.bytes() / 1024.0 / Math.max(1, four.count()));
        out.printf("documents_cores=%d%n", Runtime.getRuntime().availableProcessors());
    }

    record Result(int count, double seconds, long[] nanos, long bytes) {
        double perSecond() {
            return count / seconds;
        }

        double percentile(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    static Result run(Work work, int workers, Duration period) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long end = System.nanoTime() + period.toNanos();
        long start = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        AtomicInteger sequence = new AtomicInteger();
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                List<Long> times = new ArrayList<>();
                long bytes = 0;
                byte[] last = null;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    last = work.document(sequence.incrementAndGet());
                    times.add(System.nanoTime() - t0);
                    bytes += last.length;
                }
                if (last != null && !SignatureCheck.inspect(last).intact()) {
                    throw new IllegalStateException("a benchmark document does not verify");
                }
                long[] r = new long[times.size() + 1];
                r[0] = bytes;
                for (int i = 0; i < times.size(); i++) {
                    r[i + 1] = times.get(i);
                }
                return r;
            }));
        }
        List<Long> all = new ArrayList<>();
        long bytes = 0;
        for (Future<long[]> f : futures) {
            long[] r = f.get();
            bytes += r[0];
            for (int i = 1; i < r.length; i++) {
                all.add(r[i]);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(all.size(), seconds, all.stream().mapToLong(Long::longValue).toArray(), bytes);
    }

    /** Issuing one document without the database: compose, render, sign, hash. */
    static final class Work {

        final DocumentComposer composer;
        final PdfRenderer renderer;
        final Signer signer;
        final ServiceDesign design = CatalogSamples.valid();
        final Tenant tenant = new Tenant(new TenantId(UUID.fromString("00000000-0000-0000-0000-000000003671")), "36.71",
                "kota-tangerang", "Kota Tangerang", TenantKind.KOTA);
        final Agency agency = new Agency(tenant.id(), UUID.fromString("00000000-0000-0000-0000-00000000d0c5"), "DUKCAPIL",
                "Dinas Kependudukan dan Pencatatan Sipil", AgencyKind.REGIONAL, null);
        final DocumentRepository.Settings settings = new DocumentRepository.Settings("474.1/{seq:4}/{agency}/{year}",
                "Jl. Satria Sudirman No. 1, Tangerang 15111\nTelepon (021) 5523456", null, "Kepala Dinas");
        final Map<String, Object> data;

        Work(Path keys) {
            ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
            messages.setBasenames("i18n/document");
            messages.setDefaultEncoding("UTF-8");
            messages.setFallbackToSystemLocale(false);
            composer = new DocumentComposer(new Regions(), messages);
            renderer = new PdfRenderer(new DocumentFonts(), messages);
            signer = new Pkcs12Signer(new LocalKeys(keys, null, true), false, null);
            data = ApplicationSamples.validData();
        }

        byte[] document(int n) {
            DocumentRepository.Row row = new DocumentRepository.Row(tenant.id(), UUID.randomUUID(), UUID.randomUUID(), "K7M3Q9XD2",
                    agency.id(), UUID.randomUUID(), 1, DocumentNumbers.format(settings.numberFormat(), n, "DUKCAPIL", 2026, 5),
                    2026, n, DocumentService.token(), DocumentService.shortCode(), "Kutipan Akta Kelahiran", DocumentStatus.PENDING,
                    data, UUID.randomUUID(), "Siti Aminah", "3671014501900001", UUID.randomUUID(), "Drs. H. Bambang Suryadi, M.Si.",
                    "Kepala Dinas Kependudukan dan Pencatatan Sipil", Instant.now(), null, null, 0, null, null, false, false, 0,
                    null, null, null, null, null, null, null, null, Instant.now());
            DocumentContent content = composer.compose(new DocumentComposer.Input(row, design, tenant, agency, settings,
                    ZoneId.of("Asia/Jakarta"), "https://gerai.tangerangkota.go.id/verify/" + row.token(), null, row.createdAt()));
            byte[] pdf = renderer.render(content);
            Signer.SignedPdf signed = signer.sign(new Signer.SigningRequest(tenant.id(), agency.id(), agency.name(), tenant.name(),
                    row.officialId(), row.officialName(), null, null, row.title() + " " + row.number(), tenant.name(), pdf));
            Pades.sha256Hex(signed.pdf());
            return signed.pdf();
        }
    }

    /** The region names the sample data uses, without a database. */
    static final class Regions implements RegionApi {

        private final Map<String, Region> known = Map.of(
                "36", new Region("36", "Banten", RegionLevel.PROVINCE, RegionKind.PROVINSI, null),
                "36.71", new Region("36.71", "Kota Tangerang", RegionLevel.REGENCY, RegionKind.KOTA, "36"),
                "36.71.01", new Region("36.71.01", "Tangerang", RegionLevel.DISTRICT, RegionKind.KECAMATAN, "36.71"),
                "36.71.01.1001", new Region("36.71.01.1001", "Sukarasa", RegionLevel.VILLAGE, RegionKind.KELURAHAN, "36.71.01"));

        @Override
        public Optional<Region> find(String code) {
            return Optional.ofNullable(known.get(code));
        }

        @Override
        public boolean provinceExists(String code) {
            return known.containsKey(code);
        }

        @Override
        public List<Region> children(String code) {
            return List.of();
        }

        @Override
        public List<Region> ancestors(String code) {
            List<Region> up = new ArrayList<>();
            String c = code;
            while (c.contains(".")) {
                c = c.substring(0, c.lastIndexOf('.'));
                Region r = known.get(c);
                if (r != null) {
                    up.addFirst(r);
                }
            }
            return up;
        }

        @Override
        public List<Region> search(String query, RegionLevel level, int limit) {
            return List.of();
        }
    }
}
