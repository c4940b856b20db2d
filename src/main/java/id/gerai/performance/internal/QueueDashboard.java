package id.gerai.performance.internal;

import id.gerai.platform.TenantId;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The queue figures over a period as the dashboards and their API show them: for one tenant (optionally one agency)
 * the totals, the lines per service point and per agency and the trend, read from perf_queue_daily; for the monitor
 * one line per region, read from perf_queue_monthly. Counts and minutes only: a ticket names nobody.
 */
@Component
class QueueDashboard {

    private final FigureQueries queries;
    private final TenancyApi tenancy;

    QueueDashboard(FigureQueries queries, TenancyApi tenancy) {
        this.queries = queries;
        this.tenancy = tenancy;
    }

    /** A named line: a service point, an agency, a day or a month. */
    record Line(UUID id, String name, QueueTotals totals) {
    }

    /** A tenant's queue section of the dashboard. */
    record Section(QueueTotals totals, QueueTotals before, List<Line> points, List<Line> agencies, List<Line> trend) {

        public boolean empty() {
            return totals.ended() == 0 && before.ended() == 0;
        }
    }

    /** A region's queue line on the monitor's dashboard. */
    record RegionLine(String slug, String name, String regionCode, QueueTotals totals) {
    }

    Section tenant(TenantId tenant, UUID agency, LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        QueueTotals now = queries.queueTotals(tenant, agency, from, to);
        QueueTotals before = queries.queueTotals(tenant, agency, from.minusDays(days), from.minusDays(1));
        Map<UUID, String> points = new HashMap<>();
        for (ServicePoint p : tenancy.servicePoints(tenant)) {
            points.put(p.id(), p.name());
        }
        Map<UUID, String> agencies = new HashMap<>();
        for (Agency a : tenancy.agencies(tenant)) {
            agencies.put(a.id(), a.name());
        }
        List<Line> byPoint = named(queries.queueBy(true, tenant, agency, from, to), points);
        List<Line> byAgency = named(queries.queueBy(false, tenant, agency, from, to), agencies);
        List<Line> trend = queries.queueTrend(tenant, agency, from, to).stream()
                .map(r -> new Line(null, r.label(), r.totals())).toList();
        return new Section(now, before, byPoint, byAgency, trend);
    }

    private static List<Line> named(List<FigureQueries.QueueRow> rows, Map<UUID, String> names) {
        List<Line> out = new ArrayList<>();
        for (FigureQueries.QueueRow r : rows) {
            out.add(new Line(r.id(), names.getOrDefault(r.id(), "—"), r.totals()));
        }
        return out;
    }

    /** Every region's queue figures over {@code [from, to]}, in {@code province} when given, busiest first. */
    List<RegionLine> regions(YearMonth from, YearMonth to, String province) {
        Map<TenantId, QueueTotals> figures = queries.queueByTenant(from, to);
        List<RegionLine> out = new ArrayList<>();
        for (Tenant t : tenancy.tenants()) {
            QueueTotals q = figures.get(t.id());
            if (q == null || province != null && !province.isBlank() && !t.regionCode().startsWith(province + ".")) {
                continue;
            }
            out.add(new RegionLine(t.slug(), t.name(), t.regionCode(), q));
        }
        out.sort(Comparator.comparing((RegionLine l) -> -l.totals().ended()).thenComparing(RegionLine::name));
        return out;
    }
}
