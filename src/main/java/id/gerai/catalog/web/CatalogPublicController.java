package id.gerai.catalog.web;

import id.gerai.catalog.Category;
import id.gerai.catalog.LifeEvent;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.StandardComponent;
import id.gerai.catalog.web.SearchRepository.Filter;
import id.gerai.catalog.web.SearchRepository.Hit;
import id.gerai.platform.GeraiException;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public catalogue: every tenant's services at {@code /services}, one tenant's at
 * {@code /t/{tenant}/services}, and a service's published standard at {@code /t/{tenant}/services/{slug}}.
 * The search is a plain GET form that works without JavaScript; with htmx the same method answers only
 * the results while the citizen types.
 */
@Controller
class CatalogPublicController {

    /** The request attribute the tenancy module puts the {@code {tenant}} path variable's tenant in. */
    static final String TENANT = "geraiTenant";
    static final String VIEW = "catalog/public/catalogue";

    private final CatalogSearch search;
    private final BrowseCounts counts;
    private final PublishedServices services;
    private final TenancyApi tenancy;
    private final PublicFormat format;
    private final id.gerai.catalog.CatalogApi catalog;

    CatalogPublicController(CatalogSearch search, BrowseCounts counts, PublishedServices services, TenancyApi tenancy,
                            PublicFormat format,
                            id.gerai.catalog.CatalogApi catalog) {
        this.catalog = catalog;
        this.search = search;
        this.counts = counts;
        this.services = services;
        this.tenancy = tenancy;
        this.format = format;
    }

    // --- the catalogue ---------------------------------------------------------------------------------------

    /** A search as received, checked once; {@code errors} names bad parameters with message keys. */
    record CatalogRequest(String q, Tenant tenant, Agency agency, Category category, LifeEvent event, ServicePointKind channel,
                          ServicePoint point, int page, Map<String, String> errors) {

        boolean filtered() {
            return tenant != null || agency != null || category != null || event != null || channel != null || point != null;
        }
    }

    @GetMapping("/services")
    String catalogue(@RequestParam(required = false) String q, @RequestParam(required = false) String tenant,
                     @RequestParam(required = false) String agency, @RequestParam(required = false) String category,
                     @RequestParam(required = false) String event, @RequestParam(required = false) String channel,
                     @RequestParam(required = false) String page,
                     @RequestHeader(name = "HX-Request", required = false) boolean htmx,
                     @RequestHeader(name = "HX-History-Restore-Request", required = false) boolean restore,
                     Locale locale, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Tenant chosen = null;
        if (present(tenant)) {
            chosen = tenancy.bySlug(tenant.strip()).orElse(null);
            if (chosen == null) {
                errors.put("tenant", "catalog.public.search.error.tenant");
            }
        }
        CatalogRequest request = parse(q, chosen, agency, category, event, channel, null, page, errors);
        model.addAttribute("scope", null);
        model.addAttribute("tenants", tenancy.tenants().stream().sorted(Comparator.comparing(Tenant::name)).toList());
        return render(request, "/services", htmx && !restore, locale, model, response);
    }

    @GetMapping("/t/{tenant}/services")
    String tenantCatalogue(@RequestAttribute(TENANT) Tenant tenant, @RequestParam(required = false) String q,
                           @RequestParam(required = false) String agency, @RequestParam(required = false) String category,
                           @RequestParam(required = false) String event, @RequestParam(required = false) String channel,
                           @RequestParam(required = false) String point, @RequestParam(required = false) String page,
                           @RequestHeader(name = "HX-Request", required = false) boolean htmx,
                           @RequestHeader(name = "HX-History-Restore-Request", required = false) boolean restore,
                           Locale locale, Model model, HttpServletResponse response) {
        CatalogRequest request = parse(q, tenant, agency, category, event, channel, point, page, new LinkedHashMap<>());
        model.addAttribute("scope", tenant);
        return render(request, "/t/" + tenant.slug() + "/services", htmx && !restore, locale, model, response);
    }

    private CatalogRequest parse(String q, Tenant tenant, String agency, String category, String event, String channel,
                                 String point, String page, Map<String, String> errors) {
        String text = q == null ? "" : q.strip();
        if (text.length() > CatalogSearch.MAX_QUERY_LENGTH) {
            errors.put("q", "catalog.public.search.error.q");
        }
        Agency chosenAgency = null;
        if (present(agency) && tenant != null) {
            chosenAgency = tenancy.agencies(tenant.id()).stream().filter(a -> a.code().equals(agency.strip())).findFirst().orElse(null);
            if (chosenAgency == null) {
                errors.put("agency", "catalog.public.search.error.agency");
            }
        }
        ServicePoint chosenPoint = null;
        if (present(point) && tenant != null) {
            chosenPoint = tenancy.servicePoints(tenant.id()).stream().filter(p -> p.code().equals(point.strip())).findFirst().orElse(null);
            if (chosenPoint == null) {
                errors.put("point", "catalog.public.search.error.point");
            }
        }
        int pageNumber = 1;
        if (present(page)) {
            try {
                pageNumber = Math.max(1, Math.min(CatalogSearch.MAX_PAGE, Integer.parseInt(page.strip())));
            } catch (NumberFormatException e) {
                pageNumber = 1;
            }
        }
        Category c = choice(category, Category.class, "category", "catalog.public.search.error.category", errors);
        LifeEvent e = choice(event, LifeEvent.class, "event", "catalog.public.search.error.event", errors);
        ServicePointKind k = choice(channel, ServicePointKind.class, "channel", "catalog.public.search.error.channel", errors);
        return new CatalogRequest(text, tenant, chosenAgency, c, e, k, chosenPoint, pageNumber, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors)));
    }

    private static <E extends Enum<E>> E choice(String value, Class<E> type, String field, String key, Map<String, String> problems) {
        if (!present(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.put(field, key);
            return null;
        }
    }

    private String render(CatalogRequest r, String base, boolean fragment, Locale locale, Model model, HttpServletResponse response) {
        // Caches must not answer a full-page request with a fragment or the other way round.
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        boolean acrossTenants = !base.startsWith("/t/");
        Tenant scope = r.tenant();
        model.addAttribute("action", base);
        model.addAttribute("q", r.q());
        model.addAttribute("request", r);
        model.addAttribute("errors", r.errors());
        model.addAttribute("categories", Category.values());
        model.addAttribute("lifeEvents", LifeEvent.values());
        model.addAttribute("channels", ServicePointKind.values());
        model.addAttribute("agencies", scope == null ? List.of()
                : tenancy.agencies(scope.id()).stream().sorted(Comparator.comparing(Agency::name)).toList());
        model.addAttribute("htmx", fragment);

        // Across tenants, nothing asked means nothing listed (77,000 names help nobody): the browse links lead on.
        boolean listAll = !acrossTenants || !r.q().isEmpty() || r.filtered();
        boolean searched = !r.q().isEmpty() || r.filtered();
        CatalogSearch.Result result = null;
        if (r.errors().isEmpty() && listAll) {
            ServicePointKind channel = r.point() != null ? r.point().kind() : r.channel();
            Filter filter = new Filter(scope == null ? null : scope.id(), r.agency() == null ? null : r.agency().code(),
                    r.category() == null ? null : r.category().name(), r.event() == null ? null : r.event().name(),
                    channel == null ? null : channel.name());
            result = search.search(r.q(), filter, r.page());
        }
        model.addAttribute("searched", searched);
        model.addAttribute("result", result);
        model.addAttribute("hits", result == null ? List.of() : result.hits().stream().map(h -> hit(h, acrossTenants, locale)).toList());
        model.addAttribute("total", result == null ? 0 : result.shownTotal());
        model.addAttribute("more", result != null && result.more());
        model.addAttribute("mode", result == null ? "" : result.mode().name());
        CatalogQuery understood = result == null ? null : result.query();
        boolean corrected = understood != null && !understood.corrections().isEmpty() && !understood.isEmpty();
        model.addAttribute("corrected", corrected ? understood.searched() : null);
        model.addAttribute("ignored", understood == null ? List.of() : understood.ignored());
        if (result != null && result.page() > 1) {
            model.addAttribute("prevUrl", link(base, r, Map.of("page", String.valueOf(result.page() - 1))));
        }
        if (result != null && result.page() < result.pages()) {
            model.addAttribute("nextUrl", link(base, r, Map.of("page", String.valueOf(result.page() + 1))));
        }
        model.addAttribute("page", result == null ? 1 : result.page());
        model.addAttribute("pages", result == null ? 0 : result.pages());
        if (!fragment) {
            browse(r, base, scope, model);
        }
        return fragment ? VIEW + " :: results" : VIEW;
    }

    /** Links with counts: by category and life event; in one tenant also by agency and by service point. */
    private void browse(CatalogRequest r, String base, Tenant scope, Model model) {
        BrowseCounts.Counts c = scope == null ? counts.all() : counts.of(scope.id());
        // On /services a chosen tenant stays chosen while browsing; every other filter is replaced.
        Map<String, String> keep = new LinkedHashMap<>();
        if (scope != null && base.equals("/services")) {
            keep.put("tenant", scope.slug());
        }
        model.addAttribute("browseCategories", c.categories().stream().map(x -> new Link(x.code(), x.code(), x.count(),
                browseLink(base, keep, "category", x.code()), r.category() != null && r.category().name().equals(x.code()))).toList());
        model.addAttribute("browseEvents", c.lifeEvents().stream().map(x -> new Link(x.code(), x.code(), x.count(),
                browseLink(base, keep, "event", x.code()), r.event() != null && r.event().name().equals(x.code()))).toList());
        model.addAttribute("totalServices", c.total());
        List<Link> agencies = new ArrayList<>();
        List<PointLink> points = new ArrayList<>();
        if (scope != null && !base.equals("/services")) {
            for (Agency a : tenancy.agencies(scope.id()).stream().sorted(Comparator.comparing(Agency::name)).toList()) {
                long n = c.agencies().getOrDefault(a.code(), 0L);
                if (n > 0) {
                    agencies.add(new Link(a.code(), a.name(), n, browseLink(base, keep, "agency", a.code()),
                            r.agency() != null && r.agency().id().equals(a.id())));
                }
            }
            for (ServicePoint p : tenancy.servicePoints(scope.id())) {
                long n = c.channels().getOrDefault(p.kind().name(), 0L);
                if (n > 0) {
                    points.add(new PointLink(p.name(), p.kind().name(), p.address(), n, browseLink(base, keep, "point", p.code()),
                            r.point() != null && r.point().id().equals(p.id())));
                }
            }
        }
        model.addAttribute("browseAgencies", agencies);
        model.addAttribute("browsePoints", points);
    }

    /** A browse link; {@code label} is a name, or the code its message key is made of. */
    record Link(String code, String label, long count, String url, boolean current) {
    }

    record PointLink(String name, String kind, String address, long count, String url, boolean current) {
    }

    /** A hit as the results show it, texts in the page's language. */
    record HitView(String name, String summary, String url, String agencyName, String tenantName, String tenantUrl,
                   String category, String fee, String timeLimit, boolean showTenant) {
    }

    private HitView hit(Hit h, boolean showTenant, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return new HitView(english && present(h.nameEn()) ? h.nameEn() : h.name(),
                english && present(h.summaryEn()) ? h.summaryEn() : h.summary(),
                "/t/" + h.tenantSlug() + "/services/" + h.slug(), h.agencyName(), h.tenantName(), "/t/" + h.tenantSlug(),
                h.category(), format.fee(h.fee(), locale), format.timeLimit(h.timeLimitDays(), locale), showTenant);
    }

    private static String browseLink(String base, Map<String, String> keep, String name, String value) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(base);
        keep.forEach(b::queryParam);
        b.queryParam(name, value);
        return b.encode().build().toUriString();
    }

    /** The current search with some parameters replaced (paging). */
    private static String link(String base, CatalogRequest r, Map<String, String> replace) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!r.q().isEmpty()) {
            params.put("q", r.q());
        }
        if (r.tenant() != null && base.equals("/services")) {
            params.put("tenant", r.tenant().slug());
        }
        if (r.agency() != null) {
            params.put("agency", r.agency().code());
        }
        if (r.category() != null) {
            params.put("category", r.category().name());
        }
        if (r.event() != null) {
            params.put("event", r.event().name());
        }
        if (r.channel() != null) {
            params.put("channel", r.channel().name());
        }
        if (r.point() != null) {
            params.put("point", r.point().code());
        }
        params.putAll(replace);
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(base);
        params.forEach(b::queryParam);
        return b.encode().build().toUriString();
    }

    // --- one service ---------------------------------------------------------------------------------------

    /** A required document as the page lists it. */
    record DocumentView(String name, boolean mandatory, String types, String maxSize) {
    }

    record StepView(String name, String timeLimit, boolean parallel) {
    }

    /** One of the six published components: its text in paragraphs. */
    record ComponentView(String code, List<String> paragraphs) {
    }

    /** Where the service is given: a kind of service point and the tenant's points of that kind. */
    record ChannelView(String kind, List<ServicePoint> points) {
    }

    record VersionView(int number, String publishedAt, String retiredAt, String changeNote, boolean current,
                       List<id.gerai.catalog.DesignChange> changes) {
    }

    @GetMapping("/t/{tenant}/services/{slug}")
    String service(@RequestAttribute(TENANT) Tenant tenant, @PathVariable String slug, Locale locale, Model model) {
        PublishedServices.Published s = services.find(tenant.id(), slug)
                .orElseThrow(() -> GeraiException.notFound("catalog-service-not-found"));
        ServiceDesign d = s.design();
        boolean english = "en".equals(locale.getLanguage());
        Agency agency = tenancy.agencies(tenant.id()).stream().filter(a -> a.id().equals(s.agencyId())).findFirst()
                .orElseThrow(() -> GeraiException.notFound("catalog-service-not-found"));
        model.addAttribute("tenant", tenant);
        model.addAttribute("agency", agency);
        model.addAttribute("serviceId", s.id());
        model.addAttribute("name", english && present(d.nameEn()) ? d.nameEn() : d.name());
        model.addAttribute("summary", english && present(d.summaryEn()) ? d.summaryEn() : d.summary());
        model.addAttribute("category", d.category());
        model.addAttribute("lifeEvents", d.lifeEvents() == null ? List.of() : d.lifeEvents().stream()
                .filter(e -> Arrays.stream(LifeEvent.values()).anyMatch(v -> v.name().equals(e))).toList());
        model.addAttribute("fee", format.fee(d.fee(), locale));
        model.addAttribute("timeLimit", format.timeLimit(d.timeLimitDays(), locale));
        model.addAttribute("version", s.version());
        model.addAttribute("publishedAt", format.date(s.publishedAt(), locale));

        List<ComponentView> components = new ArrayList<>();
        for (StandardComponent c : StandardComponent.values()) {
            if (c.published()) {
                String text = d.standard() == null ? null : d.standard().get(c);
                components.add(new ComponentView(c.name(), paragraphs(text)));
            }
        }
        model.addAttribute("components", components);
        model.addAttribute("documents", d.documents() == null ? List.of() : d.documents().stream().map(doc -> new DocumentView(
                english && present(doc.nameEn()) ? doc.nameEn() : doc.name(), doc.mandatory(),
                doc.types() == null ? "" : String.join(", ", doc.types().stream().map(PublicFormat::fileType).distinct().toList()),
                doc.maxSizeKb() > 0 ? format.size(doc.maxSizeKb(), locale) : "")).toList());
        model.addAttribute("steps", d.procedure() == null || d.procedure().steps() == null ? List.of()
                : steps(d.procedure().steps(), english, locale));
        model.addAttribute("output", d.output() == null ? null : d.output().title());

        List<String> channels = d.channels() == null ? List.of() : d.channels();
        List<ServicePoint> points = tenancy.servicePoints(tenant.id());
        model.addAttribute("channels", Arrays.stream(ServicePointKind.values()).filter(k -> channels.contains(k.name()))
                .map(k -> new ChannelView(k.name(), points.stream().filter(p -> p.kind() == k)
                        .sorted(Comparator.comparing(ServicePoint::name)).toList()))
                .toList());

        List<PublishedServices.Version> versions = services.versions(tenant.id(), s.id());
        // what changed in each published version, from the designs themselves (drafts never show here)
        java.util.Map<Integer, List<id.gerai.catalog.DesignChange>> changes = new java.util.HashMap<>();
        catalog.history(tenant.id(), s.id()).forEach(h -> changes.put(h.version(), h.changes()));
        model.addAttribute("versions", versions.stream().map(v -> new VersionView(v.number(), format.date(v.publishedAt(), locale),
                v.retiredAt() == null ? null : format.date(v.retiredAt(), locale), v.changeNote(), v.number() == s.version(),
                changes.getOrDefault(v.number(), List.of()))).toList());

        Optional<PublishedServices.Origin> origin = s.originTenant() == null ? Optional.empty()
                : services.origin(s.originTenant(), s.originService());
        Optional<Tenant> originTenant = s.originTenant() == null ? Optional.empty() : tenancy.byId(s.originTenant());
        model.addAttribute("originName", originTenant.map(Tenant::name).orElse(null));
        model.addAttribute("originUrl", originTenant.map(t -> origin.map(PublishedServices.Origin::slug).filter(Objects::nonNull)
                .map(o -> "/t/" + t.slug() + "/services/" + o).orElse("/t/" + t.slug())).orElse(null));
        model.addAttribute("copiedBy", services.copiedBy(tenant.id(), s.id()));
        model.addAttribute("copies", catalog.copiesOf(tenant.id(), s.id()).copies().stream()
                .filter(c -> !c.tenant().equals(tenant.id())).toList());
        return "catalog/public/service";
    }

    private List<StepView> steps(List<ServiceDesign.Step> steps, boolean english, Locale locale) {
        List<StepView> views = new ArrayList<>();
        String previousGroup = null;
        for (ServiceDesign.Step step : steps) {
            boolean parallel = step.parallelGroup() != null && step.parallelGroup().equals(previousGroup);
            views.add(new StepView(english && present(step.nameEn()) ? step.nameEn() : step.name(),
                    format.timeLimit(step.days(), locale), parallel));
            previousGroup = step.parallelGroup();
        }
        return views;
    }

    /** A component's text, one paragraph per line: shown as text, never as markup. */
    private static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
