package id.gerai.performance.internal;

import id.gerai.platform.TenantId;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The open datasets: per tenant, monthly service figures, IKM per month and service, complaint figures per month.
 * Made only from the rollups (counts, rates, averages), so no dataset can hold a name, a NIK or an address.
 * Identifiers are stable: a package is {@code {tenant-slug}-{dataset}}, its one resource's id a name-based UUID.
 */
@Component
class OpenDataCatalog {

    /** A kind of dataset every tenant publishes. */
    enum Dataset {
        SERVICE_FIGURES("kinerja-layanan"), IKM("ikm"), COMPLAINTS("pengaduan");

        private final String slug;

        Dataset(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }

        static Optional<Dataset> bySlug(String slug) {
            for (Dataset d : values()) {
                if (d.slug().equals(slug)) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
    }

    /** One published dataset of one tenant. */
    record Entry(Tenant tenant, Dataset dataset) {
        String name() {
            return tenant.slug() + "-" + dataset.slug();
        }

        UUID packageId() {
            return UUID.nameUUIDFromBytes(("gerai-package:" + name()).getBytes(StandardCharsets.UTF_8));
        }

        UUID resourceId() {
            return UUID.nameUUIDFromBytes(("gerai-resource:" + name()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A column of a dataset: its id and CKAN type ({@code text}, {@code int}, {@code numeric}). */
    record Field(String id, String type) {
    }

    static final Map<Dataset, List<Field>> FIELDS = Map.of(
            Dataset.SERVICE_FIGURES, fields("bulan:text", "kode_wilayah:text", "instansi:text", "layanan:text",
                    "jenis_layanan:text", "diterima:int", "selesai:int", "ditolak:int", "dicabut:int", "diputus:int",
                    "tepat_waktu:int", "persen_tepat_waktu:numeric", "median_hari_kerja:int", "p90_hari_kerja:int",
                    "permintaan_perbaikan:int", "daring:int", "loket_mpp:int", "loket_mal:int", "kantor_desa:int"),
            Dataset.IKM, fields("bulan:text", "kode_wilayah:text", "instansi:text", "layanan:text", "responden:int",
                    "u1:numeric", "u2:numeric", "u3:numeric", "u4:numeric", "u5:numeric", "u6:numeric", "u7:numeric",
                    "u8:numeric", "u9:numeric", "ikm:numeric", "ikm_konversi:numeric", "mutu:text"),
            Dataset.COMPLAINTS, fields("bulan:text", "kode_wilayah:text", "instansi:text", "layanan:text",
                    "pengaduan_masuk:int", "dijawab:int", "dijawab_tepat_waktu:int"));

    private static List<Field> fields(String... specs) {
        List<Field> out = new ArrayList<>();
        for (String s : specs) {
            String[] p = s.split(":");
            out.add(new Field(p[0], p[1]));
        }
        return List.copyOf(out);
    }

    private final TenancyApi tenancy;
    private final FigureQueries queries;
    final String baseUrl;

    OpenDataCatalog(TenancyApi tenancy, FigureQueries queries, @Value("${gerai.base-url}") String baseUrl) {
        this.tenancy = tenancy;
        this.queries = queries;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    List<Tenant> tenants() {
        return tenancy.tenants().stream().sorted(Comparator.comparing(Tenant::slug)).toList();
    }

    /** Every dataset of every tenant, by name. */
    List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (Tenant t : tenants()) {
            for (Dataset d : Dataset.values()) {
                out.add(new Entry(t, d));
            }
        }
        out.sort(Comparator.comparing(Entry::name));
        return out;
    }

    Optional<Entry> byNameOrId(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return entries().stream().filter(e -> e.name().equals(key) || e.packageId().toString().equals(key)).findFirst();
    }

    Optional<Entry> byResource(String id) {
        return entries().stream().filter(e -> e.resourceId().toString().equals(id)).findFirst();
    }

    String title(Entry e, boolean en) {
        String what = switch (e.dataset()) {
            case SERVICE_FIGURES -> en ? "Monthly public service figures" : "Kinerja layanan publik per bulan";
            case IKM -> en ? "Community satisfaction index (IKM) per month" : "Indeks Kepuasan Masyarakat (IKM) per bulan";
            case COMPLAINTS -> en ? "Complaints per month" : "Pengaduan per bulan";
        };
        return what + " — " + e.tenant().name();
    }

    String notes(Entry e) {
        return switch (e.dataset()) {
            case SERVICE_FIGURES -> "Jumlah permohonan diterima, selesai, ditolak dan dicabut per bulan dan layanan; "
                    + "persentase tepat waktu; median dan persentil 90 waktu proses dalam hari kerja; kanal pengajuan. "
                    + "Data agregat, tanpa data pribadi.";
            case IKM -> "Rata-rata nilai sembilan unsur SKM, IKM (bobot 1/9) dan nilai konversi per bulan dan layanan "
                    + "(PermenPAN-RB 14/2017). Data agregat, tanpa data pribadi.";
            case COMPLAINTS -> "Jumlah pengaduan masuk, dijawab, dan dijawab tepat waktu per bulan. Data agregat, "
                    + "tanpa data pribadi.";
        };
    }

    List<String> tags(Entry e) {
        return switch (e.dataset()) {
            case SERVICE_FIGURES -> List.of("kinerja", "pelayanan-publik", "mpp");
            case IKM -> List.of("ikm", "skm", "pelayanan-publik");
            case COMPLAINTS -> List.of("pengaduan", "pelayanan-publik");
        };
    }

    String csvUrl(Entry e) {
        return baseUrl + "/open-data/" + e.tenant().slug() + "/" + e.dataset().slug() + ".csv";
    }

    /** When the datasets were last changed: figures move every day, so the start of today (UTC). */
    String modified() {
        return LocalDate.now(ZoneOffset.UTC).atStartOfDay().toString();
    }

    /** The records of a dataset, in month order, each a map from field id to value. */
    List<Map<String, Object>> records(Entry e) {
        TenantId t = e.tenant().id();
        Map<UUID, String> agencies = new HashMap<>();
        for (Agency a : tenancy.agencies(t)) {
            agencies.put(a.id(), a.name());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (FigureQueries.MonthRow r : queries.monthly(t)) {
            Totals x = r.totals();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bulan", r.month().toString());
            m.put("kode_wilayah", e.tenant().regionCode());
            m.put("instansi", agencies.getOrDefault(r.agency(), null));
            m.put("layanan", r.service().equals(Delta.NIL) ? null : r.name());
            switch (e.dataset()) {
                case SERVICE_FIGURES -> {
                    if (x.received() + x.decided() + x.withdrawn() + x.corrections() == 0) {
                        continue;
                    }
                    m.put("jenis_layanan", r.kind());
                    m.put("diterima", x.received());
                    m.put("selesai", x.completed());
                    m.put("ditolak", x.rejected());
                    m.put("dicabut", x.withdrawn());
                    m.put("diputus", x.decided());
                    m.put("tepat_waktu", x.onTime());
                    m.put("persen_tepat_waktu", round(x.onTimeRate(), 1));
                    m.put("median_hari_kerja", x.median());
                    m.put("p90_hari_kerja", x.p90());
                    m.put("permintaan_perbaikan", x.corrections());
                    m.put("daring", x.online());
                    m.put("loket_mpp", x.mpp());
                    m.put("loket_mal", x.mall());
                    m.put("kantor_desa", x.village());
                }
                case IKM -> {
                    if (x.ikmN() == 0) {
                        continue;
                    }
                    m.put("responden", x.ikmN());
                    for (int i = 0; i < 9; i++) {
                        m.put("u" + (i + 1), round(x.elementAverage(i), 3));
                    }
                    m.put("ikm", round(x.ikm(), 4));
                    m.put("ikm_konversi", round(x.ikmConverted(), 2));
                    m.put("mutu", x.grade());
                }
                case COMPLAINTS -> {
                    if (x.complaints() + x.answered() == 0) {
                        continue;
                    }
                    m.put("pengaduan_masuk", x.complaints());
                    m.put("dijawab", x.answered());
                    m.put("dijawab_tepat_waktu", x.answeredOnTime());
                }
            }
            out.add(m);
        }
        return out;
    }

    static BigDecimal round(Double v, int places) {
        return v == null ? null : BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP);
    }

    /** A dataset as CSV (RFC 4180, header row of field ids). */
    String csv(Entry e) {
        List<Field> fields = FIELDS.get(e.dataset());
        StringBuilder b = new StringBuilder();
        b.append(String.join(",", fields.stream().map(Field::id).toList())).append("\r\n");
        for (Map<String, Object> r : records(e)) {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                Object v = r.get(fields.get(i).id());
                if (v != null) {
                    String s = v.toString();
                    b.append(s.matches(".*[\",\r\n].*") ? '"' + s.replace("\"", "\"\"") + '"' : s);
                }
            }
            b.append("\r\n");
        }
        return b.toString();
    }
}
