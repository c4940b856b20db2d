package id.gerai.performance.internal;

import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceSummary;
import id.gerai.platform.TenantContext;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.Tenant;
import id.gerai.tenancy.TenancyApi;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo figures on every start with {@code gerai.demo.enabled}: each tenant's figures rebuilt from its applications,
 * survey responses and complaints (the demo writes them backdated, after their events), then six months of generated
 * history before the first real day for the tenants' published services, and six months of queue history up to
 * yesterday for every demo service point and agency (the queue's demo makes today's tickets), so the dashboards, the
 * benchmark and the open data show trends right after the first start. Runs after the demo applications, complaints
 * and queue.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 20)
class DemoPerformance implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPerformance.class);

    private final boolean enabled;
    private final FigureMaintenance figures;
    private final HistoryGenerator generator;
    private final TenancyApi tenancy;
    private final CatalogApi catalog;
    private final JdbcClient jdbc;

    DemoPerformance(@Value("${gerai.demo.enabled}") boolean enabled, FigureMaintenance figures, HistoryGenerator generator,
                    TenancyApi tenancy, CatalogApi catalog, JdbcClient jdbc) {
        this.enabled = enabled;
        this.figures = figures;
        this.generator = generator;
        this.tenancy = tenancy;
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        figures.fold();
        long events = figures.rebuildAll();
        List<HistoryGenerator.GenService> services = new ArrayList<>();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
        LocalDate first = today;
        for (Tenant t : tenancy.tenants()) {
            LocalDate earliest = TenantContext.call(t.id(), () -> jdbc.sql("select min(day) from perf_daily where tenant_id = ?")
                    .param(t.id().value()).query(LocalDate.class).optional().orElse(null));
            if (earliest != null && earliest.isBefore(first)) {
                first = earliest;
            }
            for (ServiceSummary s : catalog.publishedServices(t.id())) {
                services.add(new HistoryGenerator.GenService(t.id(), s.agencyId(), s.id(), s.kindCode(), s.slug(), s.name()));
            }
        }
        LocalDate to = first.minusDays(1);
        long generated = generator.generate(services, to.minusMonths(6).withDayOfMonth(1), to, services.size() * 900L, 7);
        log.info("Demo figures: {} events replayed, {} applications of generated history for {} services", events, generated,
                services.size());
        List<HistoryGenerator.QueueCell> queues = queueCells();
        // the queue's real figures are today's tickets only, so its history runs up to yesterday
        long tickets = generator.generateQueue(queues, to.minusMonths(6).withDayOfMonth(1), today.minusDays(1), 11);
        log.info("Demo figures: {} queue tickets of generated history at {} service points and agencies", tickets, queues.size());
    }

    /**
     * Every demo tenant's queues: at MPP buildings every agency with published services, at mall counters and village
     * offices the first of them; busier and slower buildings than counters, each tenant with its own typical wait.
     */
    private List<HistoryGenerator.QueueCell> queueCells() {
        java.util.Random random = new java.util.Random(13);
        List<HistoryGenerator.QueueCell> out = new ArrayList<>();
        for (Tenant t : tenancy.tenants()) {
            List<java.util.UUID> agencies = catalog.publishedServices(t.id()).stream().map(ServiceSummary::agencyId)
                    .distinct().toList();
            if (agencies.isEmpty()) {
                continue;
            }
            int typical = 6 + random.nextInt(12);
            for (ServicePoint p : tenancy.servicePoints(t.id())) {
                boolean mpp = p.kind() == ServicePointKind.MPP;
                if (p.kind() == ServicePointKind.ONLINE) {
                    continue;
                }
                for (java.util.UUID agency : mpp ? agencies : agencies.subList(0, 1)) {
                    out.add(new HistoryGenerator.QueueCell(t.id(), p.id(), agency,
                            mpp ? 20 + random.nextInt(40) : 4 + random.nextInt(8),
                            mpp ? typical + random.nextInt(6) : Math.max(2, typical / 2), mpp));
                }
            }
        }
        return out;
    }
}
