package id.gerai.performance.internal;

import id.gerai.calendar.WorkingCalendar;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Role;
import id.gerai.platform.GeraiException;
import id.gerai.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The queue figures the dashboards show, as JSON: a tenant's (the MPP manager; an agency admin only their agency,
 * as on {@code /manage/{tenant}/performance}) and every region's (the monitor, as on {@code /monitor/performance}).
 * Counts and minutes only.
 */
@RestController
@Tag(name = "Performance", description = "Service figures kept from the events: the queue over time")
class PerformanceApiController {

    private final QueueDashboard queue;
    private final WorkingCalendar calendar;

    PerformanceApiController(QueueDashboard queue, WorkingCalendar calendar) {
        this.queue = queue;
        this.calendar = calendar;
    }

    /**
     * Queue figures of a slice. Waits in minutes: {@code medianWaitMinutes} and {@code p90WaitMinutes} are whole
     * minutes rounded down (121 means more than 120), {@code averageWaitMinutes} and {@code averageServiceMinutes}
     * exact; rates in percent of the tickets that ended (served + no-shows); null where nothing was counted.
     */
    record QueueFiguresJson(long served, long noShows, long fromAppointments, Double noShowRate, Double appointmentShare,
                            Integer medianWaitMinutes, Integer p90WaitMinutes, Double averageWaitMinutes,
                            Double averageServiceMinutes) {

        static QueueFiguresJson of(QueueTotals t) {
            return new QueueFiguresJson(t.served(), t.noShows(), t.fromAppointments(), t.noShowRate(), t.appointmentShare(),
                    t.medianWait(), t.p90Wait(), t.averageWait(), t.averageService());
        }
    }

    record QueueLineJson(UUID id, String name, QueueFiguresJson figures) {
    }

    record QueuePeriodJson(String period, QueueFiguresJson figures) {
    }

    record TenantQueueJson(String tenant, UUID agencyId, LocalDate from, LocalDate to, QueueFiguresJson figures,
                           QueueFiguresJson previous, List<QueueLineJson> servicePoints, List<QueueLineJson> agencies,
                           List<QueuePeriodJson> trend) {
    }

    record RegionQueueJson(String tenant, String name, String regionCode, QueueFiguresJson figures) {
    }

    record MonitorQueueJson(YearMonth from, YearMonth to, List<RegionQueueJson> regions) {
    }

    @Operation(summary = "A tenant's queue figures over a period",
            description = "Tickets served, no-shows, share from appointments, median and 90th-percentile wait (issue or "
                    + "slot start to first call) and service time over the last `days` days (7, 30, 90 or 365; 30 when "
                    + "left out) ending today in the tenant's zone, with the period before, per service point, per agency "
                    + "and per day (per month past 62 days). The MPP manager may name an `agency`; an agency admin sees only "
                    + "their own agency (403 forbidden for another); anyone else 403. 422 performance-period-invalid for "
                    + "another number of days.")
    @GetMapping("/api/tenants/{tenant}/performance/queue")
    TenantQueueJson tenantQueue(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam(required = false) UUID agency,
                                @RequestParam(required = false) Integer days) {
        GeraiUser me = CurrentUser.require();
        UUID scope = PerformancePages.agencyScope(tenant.id(), me, agency);
        if (days != null && !PerformancePages.PERIODS.contains(days)) {
            throw GeraiException.invalid("performance-period-invalid");
        }
        int period = days == null ? 30 : days;
        ZoneId zone = calendar.zone(tenant.id());
        LocalDate to = LocalDate.now(zone);
        LocalDate from = to.minusDays(period - 1L);
        QueueDashboard.Section s = queue.tenant(tenant.id(), scope, from, to);
        return new TenantQueueJson(tenant.slug(), scope, from, to, QueueFiguresJson.of(s.totals()),
                QueueFiguresJson.of(s.before()), lines(s.points()), lines(s.agencies()),
                s.trend().stream().map(l -> new QueuePeriodJson(l.name(), QueueFiguresJson.of(l.totals()))).toList());
    }

    private static List<QueueLineJson> lines(List<QueueDashboard.Line> lines) {
        return lines.stream().map(l -> new QueueLineJson(l.id(), l.name(), QueueFiguresJson.of(l.totals()))).toList();
    }

    @Operation(summary = "Every region's queue figures (monitor)",
            description = "Per tenant over the last `months` months (3, 6, 12 or 24; 12 when left out) up to this month: "
                    + "served, no-shows, share from appointments, median and p90 wait. `province` (e.g. 36) narrows it to "
                    + "one province. Monitor (pemantau) or platform admin only; no personal data. 422 "
                    + "performance-period-invalid for another number of months.")
    @GetMapping("/api/monitor/performance/queue")
    MonitorQueueJson monitorQueue(@RequestParam(required = false) Integer months,
                                  @RequestParam(required = false) String province) {
        GeraiUser me = CurrentUser.require();
        if (!me.hasPlatformRole(Role.PEMANTAU) && !me.hasPlatformRole(Role.ADMIN_PLATFORM)) {
            throw GeraiException.forbidden("forbidden");
        }
        if (months != null && !PerformancePages.MONTHS.contains(months)) {
            throw GeraiException.invalid("performance-period-invalid");
        }
        int span = months == null ? 12 : months;
        YearMonth to = YearMonth.now(ZoneId.of("Asia/Jakarta"));
        YearMonth from = to.minusMonths(span - 1L);
        return new MonitorQueueJson(from, to, queue.regions(from, to, province).stream()
                .map(l -> new RegionQueueJson(l.slug(), l.name(), l.regionCode(), QueueFiguresJson.of(l.totals()))).toList());
    }
}
