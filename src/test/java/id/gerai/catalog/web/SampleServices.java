package id.gerai.catalog.web;

import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.StandardComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Realistic service designs for tests and the search benchmark, from {@code catalog/sample-services.psv}:
 * about the 150 services an MPP offers, with their requirements, procedure and standard.
 */
public final class SampleServices {

    /** One line of the sample file. */
    public record Sample(String kind, String name, String nameEn, String category, List<String> lifeEvents,
                         List<String> channels, BigDecimal fee, int days, String summary) {

        /** The URL slug: the kind in lower case with dashes ("akta-kelahiran"). */
        public String slug() {
            return kind.toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public ServiceDesign design() {
            return SampleServices.design(this);
        }
    }

    private static final List<Sample> ALL = load();

    private SampleServices() {
    }

    public static List<Sample> all() {
        return ALL;
    }

    public static Sample byKind(String kind) {
        return ALL.stream().filter(s -> s.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample service " + kind));
    }

    /** A whole design around a sample: six published components, documents, a procedure of three steps. */
    static ServiceDesign design(Sample s) {
        Map<StandardComponent, String> standard = new EnumMap<>(StandardComponent.class);
        standard.put(StandardComponent.PERSYARATAN, "Persyaratan " + s.name() + ":\nFotokopi KTP-el pemohon.\nKartu Keluarga.");
        standard.put(StandardComponent.PROSEDUR, "Pemohon mengajukan permohonan secara daring atau di loket, lalu berkas diverifikasi dan diproses.");
        standard.put(StandardComponent.JANGKA_WAKTU, "Paling lama " + s.days() + " hari kerja sejak berkas lengkap.");
        standard.put(StandardComponent.BIAYA, s.fee().signum() == 0 ? "Tidak dipungut biaya." : "Sesuai peraturan daerah.");
        standard.put(StandardComponent.PRODUK, s.name());
        standard.put(StandardComponent.PENGADUAN, "Pengaduan melalui loket pengaduan MPP, telepon 112, atau SP4N-LAPOR!.");
        standard.put(StandardComponent.DASAR_HUKUM, "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.");
        standard.put(StandardComponent.SARANA_PRASARANA, "Ruang tunggu, loket, komputer, printer.");
        standard.put(StandardComponent.KOMPETENSI_PELAKSANA, "Memahami peraturan dan sistem informasi layanan.");
        standard.put(StandardComponent.PENGAWASAN_INTERNAL, "Atasan langsung dan inspektorat.");
        standard.put(StandardComponent.JUMLAH_PELAKSANA, "3 orang.");
        standard.put(StandardComponent.JAMINAN_PELAYANAN, "Pelayanan sesuai standar.");
        standard.put(StandardComponent.JAMINAN_KEAMANAN, "Data pemohon dijaga kerahasiaannya.");
        standard.put(StandardComponent.EVALUASI_KINERJA, "Survei kepuasan masyarakat setiap semester.");
        List<ServiceDesign.RequiredDocument> documents = List.of(
                new ServiceDesign.RequiredDocument("KTP", "KTP-el pemohon", "Applicant's KTP-el", true, List.of("application/pdf", "image/jpeg"), 1024),
                new ServiceDesign.RequiredDocument("KK", "Kartu Keluarga", "Family card", true, List.of("application/pdf", "image/jpeg", "image/png"), 2048),
                new ServiceDesign.RequiredDocument("PENDUKUNG", "Dokumen pendukung lain", "Other supporting documents", false, List.of("application/pdf"), 512));
        int first = Math.max(1, s.days() / 3);
        List<ServiceDesign.Step> steps = List.of(
                new ServiceDesign.Step("VERIFIKASI", "Verifikasi berkas", "Checking the documents", "PETUGAS_INSTANSI", null, first,
                        List.of("APPROVE", "CORRECTION", "REJECT"), null, false),
                new ServiceDesign.Step("PROSES", "Pemrosesan dan penerbitan", "Processing and issuing", "PETUGAS_INSTANSI", null,
                        Math.max(0, s.days() - first), List.of("APPROVE", "REJECT"), null, false),
                new ServiceDesign.Step("TTD", "Penandatanganan", "Signing", "ADMIN_INSTANSI", null, 0, List.of("APPROVE"), null, true));
        ServiceDesign.Form form = new ServiceDesign.Form(Map.of("type", "object", "properties",
                Map.of("nama", Map.of("type", "string"))), List.of("nama"), Map.of());
        return new ServiceDesign(ServiceDesign.FORMAT, s.name(), s.nameEn(), s.summary(), null, s.kind(), s.category(),
                s.lifeEvents(), s.channels(), standard, s.fee(), s.days(), documents, form, new ServiceDesign.Procedure(steps),
                new ServiceDesign.OutputDocument(s.name(), "Diberikan kepada {{applicant.name}}.", List.of()));
    }

    private static List<Sample> load() {
        try (InputStream in = SampleServices.class.getClassLoader().getResourceAsStream("catalog/sample-services.psv")) {
            if (in == null) {
                throw new IllegalStateException("catalog/sample-services.psv is missing");
            }
            List<Sample> samples = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                samples.add(new Sample(f[0], f[1], f[2], f[3], list(f[4]), list(f[5]), new BigDecimal(f[6]), Integer.parseInt(f[7]), f[8]));
            }
            return List.copyOf(samples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> list(String field) {
        return field.isBlank() ? List.of() : Arrays.asList(field.split(","));
    }
}
