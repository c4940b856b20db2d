package id.gerai.application;

import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.CatalogSamples;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceVersion;
import id.gerai.support.Fixtures;
import id.gerai.tenancy.Tenant;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A published sample service and data that passes its form, for application tests. */
public final class ApplicationSamples {

    private ApplicationSamples() {
    }

    /** The catalogue's sample birth-certificate design (VERIFIKASI then TTD; one mandatory document SKL), published. */
    public static ServiceVersion publish(CatalogApi catalog, Tenant tenant, UUID agency, ServiceDesign design) {
        ServiceVersion draft = catalog.create(tenant.id(), new CatalogApi.NewService(agency, design, "uji"));
        return catalog.publish(tenant.id(), draft.serviceId(), draft.version());
    }

    /**
     * A building approval (PBG) with a parallel stage: verification at the filing agency, then technical review by
     * PUPR and environmental review by DLH side by side (stage KAJIAN), then signing. The tenant needs agencies with
     * codes PUPR and DLH.
     */
    public static ServiceDesign parallelDesign() {
        List<String> all = List.of("APPROVE", "CORRECTION", "REJECT");
        return CatalogSamples.with(CatalogSamples.valid("PBG", "Persetujuan Bangunan Gedung"), b -> {
            b.timeLimitDays = 10;
            b.procedure = new ServiceDesign.Procedure(List.of(
                    new ServiceDesign.Step("VERIFIKASI", "Verifikasi", null, "PETUGAS_INSTANSI", null, 1, all, null, false),
                    new ServiceDesign.Step("TEKNIS_PUPR", "Kajian teknis bangunan", null, "PETUGAS_INSTANSI", "PUPR", 3, all, "KAJIAN", false),
                    new ServiceDesign.Step("TEKNIS_DLH", "Kajian lingkungan", null, "PETUGAS_INSTANSI", "DLH", 3, all, "KAJIAN", false),
                    new ServiceDesign.Step("TTD", "Penandatanganan", null, "PETUGAS_INSTANSI", null, 1, List.of("APPROVE", "REJECT"), null,
                            true)));
            return b;
        });
    }

    public static ServiceVersion publish(CatalogApi catalog, Tenant tenant, UUID agency) {
        return publish(catalog, tenant, agency, CatalogSamples.valid());
    }

    /** Data that passes the sample form. */
    public static Map<String, Object> validData() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("namaAnak", "Putri Lestari");
        d.put("tanggalLahir", "2026-10-01");
        d.put("jenisKelamin", "P");
        d.put("nikIbu", Fixtures.validNik());
        d.put("tempatLahir", "36.71.01.1001");
        d.put("saksi", List.of(Map.of("nama", "Budi Santoso", "nik", Fixtures.validNik())));
        return d;
    }

    /** A small but real PDF (Tika sniffs it as application/pdf). */
    public static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Another small PDF, with other bytes than {@link #pdf()} (another hash). */
    public static byte[] pdf2() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                + "% revisi kedua\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The first bytes of a PNG image: no PDF, whatever its name says. */
    public static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1,
                8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};
    }

    /** A tiny JPEG header (Tika sniffs it as image/jpeg). */
    public static byte[] jpeg() {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
                (byte) 0xFF, (byte) 0xD9};
    }
}
