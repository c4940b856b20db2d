package id.gerai.performance.internal;

import id.gerai.performance.internal.OpenDataCatalog.Entry;
import id.gerai.performance.internal.OpenDataCatalog.Field;
import id.gerai.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A read-only CKAN-compatible action API (CKAN 2.x, {@code /api/3/action/...}) over {@link OpenDataCatalog}, so the
 * national and provincial data portals, which mostly run CKAN, can harvest Gerai like another CKAN. Every answer is
 * CKAN's envelope {@code {"help", "success", "result"}}, every failure {@code {"help", "success": false, "error":
 * {"__type", "message" | field: [messages]}}} with CKAN's status codes (400 unknown action, 404 not found, 409
 * validation). Parameters come from the query string (GET) or a JSON object body (POST), as CKAN takes them.
 */
@RestController
@Tag(name = "Open data (CKAN)", description = "CKAN-compatible read API over aggregate performance datasets")
class CkanApiController {

    static final int ROWS_DEFAULT = 10;
    static final int ROWS_MAX = 1000;
    static final int LIMIT_DEFAULT = 100;
    static final int LIMIT_MAX = 32000;

    private final OpenDataCatalog catalog;
    private final JsonMapper json;

    CkanApiController(OpenDataCatalog catalog, JsonMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    /** A CKAN error: its HTTP status, {@code __type} and the rest of the error object. */
    static final class CkanError extends RuntimeException {
        final HttpStatus status;
        final Map<String, Object> error;

        CkanError(HttpStatus status, String type, Map<String, Object> detail) {
            super(type);
            this.status = status;
            this.error = new LinkedHashMap<>();
            this.error.putAll(detail);
            this.error.put("__type", type);
        }

        static CkanError validation(String field, String message) {
            return new CkanError(HttpStatus.CONFLICT, "Validation Error", Map.of(field, List.of(message)));
        }

        static CkanError notFound(String message) {
            return new CkanError(HttpStatus.NOT_FOUND, "Not Found Error", Map.of("message", message));
        }
    }

    @GetMapping(value = "/api/3/action/{action}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "CKAN action (read only)", description = "package_list, package_show, package_search, "
            + "organization_list, datastore_search with CKAN's parameters, defaults and envelope.")
    ResponseEntity<Map<String, Object>> get(@PathVariable String action, @RequestParam Map<String, String> params) {
        return answer(action, new HashMap<>(params));
    }

    @PostMapping(value = "/api/3/action/{action}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "CKAN action with a JSON body", description = "The same actions, parameters as a JSON object.")
    ResponseEntity<Map<String, Object>> post(@PathVariable String action, @RequestBody(required = false) String body) {
        Map<String, String> params = new HashMap<>();
        if (body != null && !body.isBlank()) {
            JsonNode node;
            try {
                node = json.readTree(body);
            } catch (RuntimeException e) {
                return failure(action, new CkanError(HttpStatus.BAD_REQUEST, "Bad request",
                        Map.of("message", "Bad request - JSON Error: Could not read request body")));
            }
            if (!node.isObject()) {
                return failure(action, new CkanError(HttpStatus.BAD_REQUEST, "Bad request",
                        Map.of("message", "Bad request - JSON Error: Request data JSON decoded to a non-dict")));
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                params.put(e.getKey(), e.getValue().isString() ? e.getValue().asString() : e.getValue().toString());
            }
        }
        return answer(action, params);
    }

    private ResponseEntity<Map<String, Object>> answer(String action, Map<String, String> p) {
        try {
            Object result = switch (action) {
                case "package_list" -> packageList(p);
                case "package_show" -> packageShow(p);
                case "package_search" -> packageSearch(p);
                case "organization_list" -> organizationList(p);
                case "datastore_search" -> datastoreSearch(p);
                default -> throw new CkanError(HttpStatus.BAD_REQUEST, "Bad request",
                        Map.of("message", "Bad request - Action name not known: " + action));
            };
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("help", help(action));
            body.put("success", true);
            body.put("result", result);
            return ResponseEntity.ok(body);
        } catch (CkanError e) {
            return failure(action, e);
        }
    }

    private ResponseEntity<Map<String, Object>> failure(String action, CkanError e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("help", help(action));
        body.put("success", false);
        body.put("error", e.error);
        return ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private String help(String action) {
        return catalog.baseUrl + "/api/3/action/help_show?name=" + action;
    }

    // --- parameters ----------------------------------------------------------------------------------------

    private static int natural(Map<String, String> p, String name, int fallback, int max) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw CkanError.validation(name, "Invalid integer");
        }
        if (n < 0) {
            throw CkanError.validation(name, "Must be a natural number");
        }
        return Math.min(n, max); // CKAN limits to the configured maximum rather than refusing
    }

    private static <T> List<T> page(List<T> all, int offset, int limit) {
        if (offset >= all.size()) {
            return List.of();
        }
        return all.subList(offset, Math.min(all.size(), offset + limit));
    }

    // --- actions --------------------------------------------------------------------------------------------

    private List<String> packageList(Map<String, String> p) {
        List<String> names = catalog.entries().stream().map(Entry::name).toList();
        int offset = natural(p, "offset", 0, Integer.MAX_VALUE);
        int limit = natural(p, "limit", Integer.MAX_VALUE, Integer.MAX_VALUE);
        return page(names, offset, limit);
    }

    private Map<String, Object> packageShow(Map<String, String> p) {
        String id = p.get("id");
        if (id == null || id.isBlank()) {
            throw CkanError.validation("id", "Missing value");
        }
        return catalog.byNameOrId(id).map(this::packageDict).orElseThrow(() -> CkanError.notFound("Not found"));
    }

    Map<String, Object> organization(Tenant t) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", t.id().value().toString());
        o.put("name", t.slug());
        o.put("title", t.name());
        o.put("type", "organization");
        o.put("description", "Pemerintah " + t.name() + " (kode wilayah " + t.regionCode() + ")");
        o.put("is_organization", true);
        o.put("state", "active");
        o.put("approval_status", "approved");
        return o;
    }

    Map<String, Object> packageDict(Entry e) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", e.packageId().toString());
        d.put("name", e.name());
        d.put("title", catalog.title(e, false));
        d.put("notes", catalog.notes(e));
        d.put("type", "dataset");
        d.put("state", "active");
        d.put("private", false);
        d.put("license_id", "cc-by");
        d.put("license_title", "Creative Commons Attribution");
        d.put("metadata_created", "2025-01-01T00:00:00");
        d.put("metadata_modified", catalog.modified());
        d.put("owner_org", e.tenant().id().value().toString());
        d.put("organization", organization(e.tenant()));
        List<Map<String, Object>> tags = new ArrayList<>();
        for (String t : catalog.tags(e)) {
            tags.add(Map.of("name", t, "display_name", t, "state", "active"));
        }
        d.put("tags", tags);
        d.put("num_tags", tags.size());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", e.resourceId().toString());
        r.put("package_id", e.packageId().toString());
        r.put("name", catalog.title(e, false));
        r.put("description", catalog.notes(e));
        r.put("format", "CSV");
        r.put("mimetype", "text/csv");
        r.put("url", catalog.csvUrl(e));
        r.put("datastore_active", true);
        r.put("state", "active");
        r.put("position", 0);
        d.put("resources", List.of(r));
        d.put("num_resources", 1);
        d.put("extras", List.of(Map.of("key", "kode_wilayah", "value", e.tenant().regionCode())));
        return d;
    }

    private static final Pattern FQ = Pattern.compile("\\+?([a-z_]+):(\"[^\"]*\"|\\S+)");

    private Map<String, Object> packageSearch(Map<String, String> p) {
        int rows = natural(p, "rows", ROWS_DEFAULT, ROWS_MAX);
        int start = natural(p, "start", 0, Integer.MAX_VALUE);
        Predicate<Entry> match = e -> true;
        String q = p.get("q");
        if (q != null && !q.isBlank() && !q.strip().equals("*:*")) {
            List<String> terms = List.of(q.toLowerCase(Locale.ROOT).strip().split("\\s+"));
            match = match.and(e -> {
                String text = (e.name() + " " + catalog.title(e, false) + " " + catalog.title(e, true) + " " + catalog.notes(e)
                        + " " + String.join(" ", catalog.tags(e)) + " " + e.tenant().name()).toLowerCase(Locale.ROOT);
                return terms.stream().allMatch(text::contains);
            });
        }
        String fq = p.get("fq");
        if (fq != null && !fq.isBlank()) {
            Matcher m = FQ.matcher(fq);
            while (m.find()) {
                String key = m.group(1);
                String value = m.group(2).replaceAll("^\"|\"$", "");
                Predicate<Entry> clause = switch (key) {
                    case "organization" -> e -> e.tenant().slug().equals(value);
                    case "name" -> e -> e.name().equals(value);
                    case "tags" -> e -> catalog.tags(e).contains(value);
                    case "res_format" -> e -> value.equalsIgnoreCase("CSV");
                    case "license_id" -> e -> value.equals("cc-by");
                    default -> e -> false;
                };
                match = match.and(clause);
            }
        }
        List<Entry> found = new ArrayList<>(catalog.entries().stream().filter(match).toList());
        String sort = p.getOrDefault("sort", "score desc, metadata_modified desc");
        String first = sort.split(",")[0].strip().toLowerCase(Locale.ROOT);
        Comparator<Entry> order = switch (first.split("\\s+")[0]) {
            case "title_string", "title" -> Comparator.comparing(e -> catalog.title(e, false));
            case "name", "score", "metadata_modified", "metadata_created" -> Comparator.comparing(Entry::name);
            default -> throw CkanError.validation("sort", "Invalid sort field: " + first.split("\\s+")[0]);
        };
        if (first.endsWith(" desc") && !first.startsWith("score") && !first.startsWith("metadata_")) {
            order = order.reversed();
        }
        found.sort(order);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", found.size());
        result.put("sort", sort);
        result.put("facets", Map.of());
        result.put("search_facets", Map.of());
        result.put("results", page(found, start, rows).stream().map(this::packageDict).toList());
        return result;
    }

    private Object organizationList(Map<String, String> p) {
        List<Tenant> tenants = new ArrayList<>(catalog.tenants());
        String sort = p.getOrDefault("sort", "title asc").toLowerCase(Locale.ROOT);
        Comparator<Tenant> order = sort.startsWith("name") ? Comparator.comparing(Tenant::slug) : Comparator.comparing(Tenant::name);
        if (sort.endsWith("desc")) {
            order = order.reversed();
        }
        tenants.sort(order);
        int offset = natural(p, "offset", 0, Integer.MAX_VALUE);
        int limit = natural(p, "limit", ROWS_MAX, ROWS_MAX);
        List<Tenant> page = page(tenants, offset, limit);
        if ("true".equalsIgnoreCase(p.get("all_fields"))) {
            return page.stream().map(t -> {
                Map<String, Object> o = organization(t);
                o.put("package_count", OpenDataCatalog.Dataset.values().length);
                return o;
            }).toList();
        }
        return page.stream().map(Tenant::slug).toList();
    }

    private Map<String, Object> datastoreSearch(Map<String, String> p) {
        String id = p.get("resource_id");
        if (id == null || id.isBlank()) {
            id = p.get("id");
        }
        if (id == null || id.isBlank()) {
            throw CkanError.validation("resource_id", "Missing value");
        }
        String resourceId = id;
        Entry e = catalog.byResource(resourceId).orElseThrow(() ->
                CkanError.notFound("Resource \"" + resourceId + "\" was not found."));
        int limit = natural(p, "limit", LIMIT_DEFAULT, LIMIT_MAX);
        int offset = natural(p, "offset", 0, Integer.MAX_VALUE);
        List<Field> fields = OpenDataCatalog.FIELDS.get(e.dataset());
        List<Map<String, Object>> records = new ArrayList<>();
        int n = 1;
        for (Map<String, Object> r : catalog.records(e)) {
            Map<String, Object> withId = new LinkedHashMap<>();
            withId.put("_id", n++);
            withId.putAll(r);
            records.add(withId);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("include_total", true);
        result.put("resource_id", resourceId);
        String filters = p.get("filters");
        if (filters != null && !filters.isBlank()) {
            JsonNode f;
            try {
                f = json.readTree(filters);
            } catch (RuntimeException ex) {
                throw CkanError.validation("filters", "Cannot parse JSON");
            }
            if (!f.isObject()) {
                throw CkanError.validation("filters", "Not a JSON object");
            }
            for (Map.Entry<String, JsonNode> c : f.properties()) {
                if (fields.stream().noneMatch(x -> x.id().equals(c.getKey())) && !c.getKey().equals("_id")) {
                    throw CkanError.validation("filters", "field \"" + c.getKey() + "\" not in table");
                }
                List<String> wanted = new ArrayList<>();
                if (c.getValue().isArray()) {
                    c.getValue().forEach(v -> wanted.add(v.isString() ? v.asString() : v.toString()));
                } else {
                    wanted.add(c.getValue().isString() ? c.getValue().asString() : c.getValue().toString());
                }
                records.removeIf(r -> !wanted.contains(text(r.get(c.getKey()))));
            }
            result.put("filters", json.convertValue(f, Map.class));
        }
        String q = p.get("q");
        if (q != null && !q.isBlank()) {
            String needle = q.toLowerCase(Locale.ROOT).strip();
            records.removeIf(r -> r.values().stream().noneMatch(v -> v != null && text(v).toLowerCase(Locale.ROOT).contains(needle)));
            result.put("q", q);
        }
        String sort = p.get("sort");
        if (sort != null && !sort.isBlank()) {
            Comparator<Map<String, Object>> order = null;
            for (String part : sort.split(",")) {
                String[] s = part.strip().split("\\s+");
                String field = s[0].replace("\"", "");
                if (!field.equals("_id") && fields.stream().noneMatch(x -> x.id().equals(field))) {
                    throw CkanError.validation("sort", "field \"" + field + "\" not in table");
                }
                Comparator<Map<String, Object>> c = Comparator.comparing(r -> sortKey(r.get(field)),
                        Comparator.nullsLast(Comparator.naturalOrder()));
                if (s.length > 1 && s[1].equalsIgnoreCase("desc")) {
                    c = c.reversed();
                }
                order = order == null ? c : order.thenComparing(c);
            }
            records.sort(order);
            result.put("sort", sort);
        }
        List<Map<String, Object>> fieldDicts = new ArrayList<>();
        fieldDicts.add(Map.of("id", "_id", "type", "int"));
        for (Field f : fields) {
            fieldDicts.add(Map.of("id", f.id(), "type", f.type()));
        }
        result.put("fields", fieldDicts);
        result.put("records", page(records, offset, limit));
        result.put("limit", limit);
        if (p.containsKey("offset")) {
            result.put("offset", offset);
        }
        result.put("total", records.size());
        String base = "/api/3/action/datastore_search?resource_id=" + resourceId;
        result.put("_links", Map.of("start", base, "next", base + "&offset=" + (offset + limit)));
        return result;
    }

    private static String text(Object v) {
        return v == null ? "" : v instanceof BigDecimal b ? b.toPlainString() : v.toString();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable sortKey(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return (Comparable) v.toString();
    }
}
