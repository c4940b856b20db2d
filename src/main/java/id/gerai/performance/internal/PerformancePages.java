package id.gerai.performance.internal;

import id.gerai.calendar.WorkingCalendar;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.platform.GeraiException;
import id.gerai.platform.TenantId;
import id.gerai.region.Region;
import id.gerai.region.RegionApi;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboards and the benchmark. {@code /manage/{tenant}/performance}: the MPP manager sees the tenant (and may
 * narrow it to an agency), an agency admin only their agency, whatever the address asks. {@code /monitor/performance}:
 * every tenant, counts and rates only. {@code /monitor/benchmark} and {@code /manage/{tenant}/benchmark}: tenants
 * ranked for one kind of service by one indicator. Every chart is drawn from the data table printed beside it, so
 * the page says everything without script.
 */
@Controller
class PerformancePages {

    static final List<Integer> PERIODS = List.of(7, 30, 90, 365);
    static final List<Integer> MONTHS = List.of(3, 6, 12, 24);
    static final List<String> INDICATORS = List.of("on-time", "median", "ikm", "online");

    private final FigureQueries queries;
    private final TenancyApi tenancy;
    private final WorkingCalendar calendar;
    private final RegionApi regions;
    private final QueueDashboard queue;

    PerformancePages(FigureQueries queries, TenancyApi tenancy, WorkingCalendar calendar, RegionApi regions,
                     QueueDashboard queue) {
        this.queries = queries;
        this.queue = queue;
        this.tenancy = tenancy;
        this.calendar = calendar;
        this.regions = regions;
    }

    /** A service's line on the dashboard. */
    record ServiceLine(String name, String agency, Totals totals, long open, long overdue) {
    }

    /** A tenant's line on the monitor's dashboard. */
    record TenantLine(String slug, String name, String regionCode, Totals totals, long open, long overdue) {
    }

    /** A tenant's place in the ranking. */
    record Rank(int place, String slug, String name, String regionCode, String serviceSlug, String serviceName,
                Totals totals, Double value) {
    }

    @GetMapping("/manage/{tenant}/performance")
    String tenant(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam(required = false) UUID agency,
                  @RequestParam(required = false) Integer days, Model model) {
        GeraiUser me = CurrentUser.require();
        List<Agency> agencies = tenancy.agencies(tenant.id());
        UUID scope = agencyScope(tenant.id(), me, agency);
        int period = days != null && PERIODS.contains(days) ? days : 30;
        ZoneId zone = calendar.zone(tenant.id());
        LocalDate to = LocalDate.now(zone);
        LocalDate from = to.minusDays(period - 1L);
        Totals now = queries.totals(tenant.id(), scope, from, to);
        Totals before = queries.totals(tenant.id(), scope, from.minusDays(period), from.minusDays(1));
        Map<UUID, String> agencyNames = new HashMap<>();
        agencies.forEach(a -> agencyNames.put(a.id(), a.name()));
        List<ServiceLine> services = new ArrayList<>();
        for (FigureQueries.ServiceRow r : queries.services(tenant.id(), scope, from, to)) {
            services.add(new ServiceLine(r.name() == null ? "—" : r.name(), agencyNames.getOrDefault(r.agency(), "—"),
                    r.totals(), r.open(), r.overdue()));
        }
        services.sort(Comparator.comparing(ServiceLine::overdue).reversed().thenComparing(ServiceLine::name));
        model.addAttribute("tenant", tenant);
        model.addAttribute("agencies", mayChooseAgency(tenant.id(), me) ? agencies
                : agencies.stream().filter(a -> a.id().equals(scope)).toList());
        model.addAttribute("allowAll", mayChooseAgency(tenant.id(), me));
        model.addAttribute("agency", scope);
        model.addAttribute("agencyName", scope == null ? null : agencyNames.get(scope));
        model.addAttribute("days", period);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("now", now);
        model.addAttribute("before", before);
        model.addAttribute("open", queries.open(tenant.id(), scope));
        model.addAttribute("trend", queries.trend(tenant.id(), scope, from, to));
        model.addAttribute("services", services);
        model.addAttribute("worst", services.stream().filter(s -> s.overdue() > 0).limit(5).toList());
        model.addAttribute("queue", queue.tenant(tenant.id(), scope, from, to));
        return "performance/dashboard";
    }

    private static boolean mayChooseAgency(TenantId tenant, GeraiUser me) {
        return me.hasPlatformRole(Role.ADMIN_PLATFORM) || me.hasTenantRole(tenant, Role.PENGELOLA_MPP);
    }

    /**
     * The agency the figures are limited to: any (or none) for the MPP manager and the platform admin, always one of
     * their own for an agency admin; everyone else is refused.
     */
    static UUID agencyScope(TenantId tenant, GeraiUser me, UUID asked) {
        if (mayChooseAgency(tenant, me)) {
            return asked;
        }
        Set<UUID> own = new java.util.LinkedHashSet<>();
        for (Membership m : me.memberships()) {
            if (m.tenant().equals(tenant) && m.role() == Role.ADMIN_INSTANSI && m.agencyId() != null) {
                own.add(m.agencyId());
            }
        }
        if (own.isEmpty() || asked != null && !own.contains(asked)) {
            throw GeraiException.forbidden("forbidden");
        }
        return asked != null ? asked : own.iterator().next();
    }

    @GetMapping("/monitor/performance")
    String monitor(@RequestParam(required = false) Integer months, @RequestParam(required = false) String province,
                   Model model) {
        int span = months != null && MONTHS.contains(months) ? months : 12;
        YearMonth to = YearMonth.now(ZoneId.of("Asia/Jakarta"));
        YearMonth from = to.minusMonths(span - 1L);
        Map<TenantId, Tenant> tenants = tenantsById();
        List<TenantLine> lines = new ArrayList<>();
        Totals sum = Totals.NONE;
        FigureQueries.Monitor figures = queries.monitor(from, to, from.minusMonths(span));
        for (FigureQueries.TenantRow r : figures.tenants()) {
            Tenant t = tenants.get(r.tenant());
            if (t == null || province != null && !province.isBlank() && !t.regionCode().startsWith(province + ".")) {
                continue;
            }
            lines.add(new TenantLine(t.slug(), t.name(), t.regionCode(), r.totals(), r.open(), r.overdue()));
        }
        lines.sort(Comparator.comparing(TenantLine::overdue).reversed().thenComparing(TenantLine::name));
        // the period and the one before it in one read, split at the period's first month
        List<FigureQueries.Row> trend = new ArrayList<>();
        List<FigureQueries.Row> previous = new ArrayList<>();
        for (FigureQueries.Row r : figures.trend()) {
            (YearMonth.parse(r.label()).isBefore(from) ? previous : trend).add(r);
        }
        model.addAttribute("months", span);
        model.addAttribute("monthOptions", MONTHS);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("tenants", lines);
        model.addAttribute("worst", lines.stream().filter(l -> l.overdue() > 0).limit(10).toList());
        model.addAttribute("trend", trend);
        model.addAttribute("now", combine(trend));
        model.addAttribute("before", combine(previous));
        model.addAttribute("province", province == null ? "" : province);
        model.addAttribute("provinces", regions.provinces());
        model.addAttribute("queueRegions", queue.regions(from, to, province));
        return "performance/monitor";
    }

    /** Sums rows of figures (the histogram and IKM sums element by element). */
    static Totals combine(List<FigureQueries.Row> rows) {
        Totals t = Totals.NONE;
        for (FigureQueries.Row r : rows) {
            Totals x = r.totals();
            t = new Totals(t.received() + x.received(), t.completed() + x.completed(), t.rejected() + x.rejected(),
                    t.withdrawn() + x.withdrawn(), t.corrections() + x.corrections(), t.decided() + x.decided(),
                    t.onTime() + x.onTime(), add(t.hist(), x.hist()), t.online() + x.online(), t.mpp() + x.mpp(),
                    t.mall() + x.mall(), t.village() + x.village(), t.ikmN() + x.ikmN(), add(t.ikmSum(), x.ikmSum()),
                    t.complaints() + x.complaints(), t.answered() + x.answered(), t.answeredOnTime() + x.answeredOnTime());
        }
        return t;
    }

    private static int[] add(int[] a, int[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        int[] out = new int[Math.max(a.length, b.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (i < a.length ? a[i] : 0) + (i < b.length ? b[i] : 0);
        }
        return out;
    }

    private Map<TenantId, Tenant> tenantsById() {
        Map<TenantId, Tenant> out = new HashMap<>();
        for (Tenant t : tenancy.tenants()) {
            out.put(t.id(), t);
        }
        return out;
    }

    @GetMapping("/monitor/benchmark")
    String monitorBenchmark(@RequestParam(required = false) String kind, @RequestParam(required = false) String indicator,
                            @RequestParam(required = false) String province, @RequestParam(required = false) Integer months,
                            Model model) {
        benchmark(null, kind, indicator, province, months, model);
        return "performance/benchmark";
    }

    @GetMapping("/manage/{tenant}/benchmark")
    String tenantBenchmark(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam(required = false) String kind,
                           @RequestParam(required = false) String indicator, @RequestParam(required = false) String province,
                           @RequestParam(required = false) Integer months, Model model) {
        GeraiUser me = CurrentUser.require();
        if (!me.hasPlatformRole(Role.ADMIN_PLATFORM) && me.memberships().stream().noneMatch(m -> m.tenant().equals(tenant.id()))) {
            throw GeraiException.forbidden("forbidden");
        }
        benchmark(tenant, kind, indicator, province, months, model);
        return "performance/benchmark";
    }

    private void benchmark(Tenant viewer, String kind, String indicator, String province, Integer months, Model model) {
        List<FigureQueries.Kind> kinds = queries.kinds();
        String chosen = kind != null && kinds.stream().anyMatch(k -> k.code().equals(kind)) ? kind
                : kinds.isEmpty() ? null : kinds.getFirst().code();
        String by = indicator != null && INDICATORS.contains(indicator) ? indicator : "on-time";
        int span = months != null && MONTHS.contains(months) ? months : 12;
        String prov = province == null ? "" : province.strip();
        model.addAttribute("viewerTenant", viewer);
        model.addAttribute("kinds", kinds);
        model.addAttribute("kind", chosen);
        model.addAttribute("indicator", by);
        model.addAttribute("indicators", INDICATORS);
        model.addAttribute("months", span);
        model.addAttribute("monthOptions", MONTHS);
        model.addAttribute("province", prov);
        model.addAttribute("provinces", regions.provinces());
        List<Rank> ranking = chosen == null ? List.of() : rank(chosen, by, prov, span);
        model.addAttribute("ranking", ranking);
        model.addAttribute("best", ranking.isEmpty() || ranking.getFirst().value() == null ? null : ranking.getFirst());
    }

    /** The tenants offering {@code kind}, best first by {@code indicator}; tenants without a value last. */
    List<Rank> rank(String kind, String indicator, String province, int months) {
        YearMonth to = YearMonth.now(ZoneId.of("Asia/Jakarta"));
        YearMonth from = to.minusMonths(months - 1L);
        Map<TenantId, Tenant> tenants = tenantsById();
        Function<Totals, Double> value = switch (indicator) {
            case "median" -> t -> t.median() == null ? null : t.median().doubleValue();
            case "ikm" -> Totals::ikmConverted;
            case "online" -> Totals::onlineShare;
            default -> Totals::onTimeRate;
        };
        boolean lowerIsBetter = indicator.equals("median");
        List<Rank> out = new ArrayList<>();
        for (FigureQueries.RankRow r : queries.ranking(kind, from, to)) {
            Tenant t = tenants.get(r.tenant());
            if (t == null || !province.isEmpty() && !t.regionCode().startsWith(province + ".")) {
                continue;
            }
            out.add(new Rank(0, t.slug(), t.name(), t.regionCode(), r.slug(), r.name(), r.totals(), value.apply(r.totals())));
        }
        Comparator<Double> values = lowerIsBetter ? Comparator.naturalOrder() : Comparator.reverseOrder();
        out.sort(Comparator.comparing(Rank::value, Comparator.nullsLast(values))
                .thenComparing(r -> -r.totals().received()).thenComparing(Rank::name));
        List<Rank> placed = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            Rank r = out.get(i);
            placed.add(new Rank(i + 1, r.slug(), r.name(), r.regionCode(), r.serviceSlug(), r.serviceName(), r.totals(), r.value()));
        }
        return placed;
    }

    /** Provinces by code, for labels. */
    Map<String, String> provinceNames() {
        Map<String, String> out = new HashMap<>();
        for (Region r : regions.provinces()) {
            out.put(r.code(), r.name());
        }
        return out;
    }
}
