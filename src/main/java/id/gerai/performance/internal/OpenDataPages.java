package id.gerai.performance.internal;

import id.gerai.performance.internal.OpenDataCatalog.Dataset;
import id.gerai.performance.internal.OpenDataCatalog.Entry;
import id.gerai.platform.GeraiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The public open-data page, the CSV downloads and the DCAT (JSON-LD) catalogue that national catalogues harvest. */
@Controller
@Tag(name = "Open data (DCAT)", description = "DCAT JSON-LD catalogue of the aggregate performance datasets")
class OpenDataPages {

    static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

    private final OpenDataCatalog catalog;

    OpenDataPages(OpenDataCatalog catalog) {
        this.catalog = catalog;
    }

    /** One row of the page: a tenant and its datasets. */
    record TenantDatasets(String slug, String name, String regionCode, List<Entry> entries) {
    }

    @GetMapping("/open-data")
    String page(@RequestParam(required = false) String q, Model model) {
        String needle = q == null ? "" : q.strip().toLowerCase(java.util.Locale.ROOT);
        Map<String, TenantDatasets> rows = new LinkedHashMap<>();
        for (Entry e : catalog.entries()) {
            if (!needle.isEmpty() && !e.tenant().name().toLowerCase(java.util.Locale.ROOT).contains(needle)
                    && !e.tenant().regionCode().startsWith(needle)) {
                continue;
            }
            rows.computeIfAbsent(e.tenant().slug(), s -> new TenantDatasets(s, e.tenant().name(), e.tenant().regionCode(),
                    new ArrayList<>())).entries().add(e);
        }
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("rows", rows.values().stream()
                .sorted(java.util.Comparator.comparing(TenantDatasets::name)).toList());
        model.addAttribute("datasets", Dataset.values());
        return "performance/open-data";
    }

    @GetMapping("/open-data/{tenant}/{dataset}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String tenant, @PathVariable String dataset) {
        Dataset d = Dataset.bySlug(dataset).orElseThrow(() -> GeraiException.notFound("open-data-not-found"));
        Entry e = catalog.byNameOrId(tenant + "-" + d.slug()).orElseThrow(() -> GeraiException.notFound("open-data-not-found"));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(e.name() + ".csv").build().toString())
                .body(catalog.csv(e).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(value = "/api/open-data/catalog.jsonld", produces = "application/ld+json")
    @ResponseBody
    @Operation(summary = "DCAT catalogue (JSON-LD)", description = "Every dataset with its publisher and CSV distribution.")
    ResponseEntity<Map<String, Object>> dcat() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("vcard", "http://www.w3.org/2006/vcard/ns#");
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (Entry e : catalog.entries()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("@id", catalog.baseUrl + "/api/3/action/package_show?id=" + e.name());
            d.put("@type", "dcat:Dataset");
            d.put("dct:identifier", e.packageId().toString());
            d.put("dct:title", catalog.title(e, false));
            d.put("dct:description", catalog.notes(e));
            d.put("dct:language", "id");
            d.put("dct:modified", catalog.modified());
            d.put("dct:spatial", e.tenant().regionCode());
            d.put("dct:accrualPeriodicity", "http://purl.org/cld/freq/monthly");
            d.put("dcat:keyword", catalog.tags(e));
            d.put("dct:publisher", Map.of("@type", "foaf:Organization", "foaf:name", e.tenant().name()));
            d.put("dcat:contactPoint", Map.of("@type", "vcard:Organization", "vcard:fn", e.tenant().name()));
            d.put("dct:license", "https://creativecommons.org/licenses/by/4.0/");
            d.put("dcat:distribution", List.of(Map.of("@type", "dcat:Distribution", "dct:title", e.name() + ".csv",
                    "dcat:downloadURL", catalog.csvUrl(e), "dcat:accessURL", catalog.csvUrl(e), "dcat:mediaType", "text/csv",
                    "dct:format", "CSV")));
            datasets.add(d);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@context", context);
        root.put("@id", catalog.baseUrl + "/api/open-data/catalog.jsonld");
        root.put("@type", "dcat:Catalog");
        root.put("dct:title", "Gerai — data terbuka kinerja pelayanan publik");
        root.put("dct:description", "Data agregat kinerja layanan, IKM dan pengaduan per daerah. Tanpa data pribadi.");
        root.put("dct:language", "id");
        root.put("foaf:homepage", catalog.baseUrl + "/open-data");
        root.put("dcat:dataset", datasets);
        return ResponseEntity.ok().contentType(JSON_LD).body(root);
    }
}
