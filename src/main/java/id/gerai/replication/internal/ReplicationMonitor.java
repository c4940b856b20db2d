package id.gerai.replication.internal;

import id.gerai.calendar.WorkingCalendar;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Role;
import id.gerai.platform.GeraiException;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The monitor's view (PEMANTAU, or the platform admin): study visits and action plans' progress per tenant, counts
 * only. Read across tenants; it never reads a contact, a responsible person, a learning or a note, so nothing it
 * answers names a person.
 */
@Component
class ReplicationMonitor {

    /** One tenant's figures. */
    record TenantLine(String tenant, String tenantName, String regionCode, int visitsMade, int visitsHosted,
                      int requestsPending, int visitsUpcoming, int plans, int items, int done, int inProgress,
                      int dropped, int overdue) {
    }

    /** A held visit: who visited whom, when and about what. */
    record HeldVisit(String visitor, String visitorName, String host, String hostName, LocalDate date, String topic,
                     int participants) {
    }

    record Report(List<TenantLine> tenants, List<HeldVisit> held, int visitsHeld, int items, int done, int overdue) {
    }

    private final ReplicationRepository repo;
    private final TenancyApi tenancy;
    private final WorkingCalendar calendar;
    private final Clock clock = Clock.systemUTC();

    ReplicationMonitor(ReplicationRepository repo, TenancyApi tenancy, WorkingCalendar calendar) {
        this.repo = repo;
        this.tenancy = tenancy;
        this.calendar = calendar;
    }

    static void requireMonitor(GeraiUser me) {
        if (me == null || !(me.hasPlatformRole(Role.PEMANTAU) || me.hasPlatformRole(Role.ADMIN_PLATFORM))) {
            throw GeraiException.forbidden("forbidden");
        }
    }

    Report report(GeraiUser me) {
        requireMonitor(me);
        Map<UUID, Tenant> tenants = new HashMap<>();
        tenancy.tenants().forEach(t -> tenants.put(t.id().value(), t));
        var visits = TenantContext.callAcrossTenants(repo::visitCounts);
        var items = TenantContext.callAcrossTenants(repo::itemCounts);
        var plans = TenantContext.callAcrossTenants(repo::planCounts);
        var held = TenantContext.callAcrossTenants(() -> repo.latestHeld(50));

        Map<UUID, int[]> lines = new LinkedHashMap<>();
        // 0 made, 1 hosted, 2 pending, 3 upcoming, 4 plans, 5 items, 6 done, 7 in progress, 8 dropped, 9 overdue
        int visitsHeld = 0;
        for (var v : visits) {
            switch (VisitStatus.valueOf(v.status())) {
                case HELD -> {
                    line(lines, v.visitor())[0] += v.count();
                    line(lines, v.host())[1] += v.count();
                    visitsHeld += v.count();
                }
                case REQUESTED -> line(lines, v.host())[2] += v.count();
                case ACCEPTED -> {
                    line(lines, v.visitor())[3] += v.count();
                    line(lines, v.host())[3] += v.count();
                }
                default -> {
                }
            }
        }
        plans.forEach(p -> line(lines, p.tenant())[4] += p.plans());
        Map<UUID, LocalDate> today = new HashMap<>();
        int allItems = 0;
        int allDone = 0;
        int allOverdue = 0;
        for (var i : items) {
            int[] l = line(lines, i.tenant());
            ItemStatus s = ItemStatus.valueOf(i.status());
            l[5] += i.count();
            allItems += i.count();
            switch (s) {
                case DONE -> {
                    l[6] += i.count();
                    allDone += i.count();
                }
                case IN_PROGRESS -> l[7] += i.count();
                case DROPPED -> l[8] += i.count();
                default -> {
                }
            }
            LocalDate t = today.computeIfAbsent(i.tenant(), id -> LocalDate.now(clock.withZone(calendar.zone(new TenantId(id)))));
            if (s.open() && i.target().isBefore(t)) {
                l[9] += i.count();
                allOverdue += i.count();
            }
        }
        List<TenantLine> out = new ArrayList<>();
        lines.forEach((id, l) -> {
            Tenant t = tenants.get(id);
            if (t != null) {
                out.add(new TenantLine(t.slug(), t.name(), t.regionCode(), l[0], l[1], l[2], l[3], l[4], l[5], l[6], l[7],
                        l[8], l[9]));
            }
        });
        out.sort(Comparator.comparing(TenantLine::tenantName));
        List<HeldVisit> heldVisits = new ArrayList<>();
        for (var h : held) {
            Tenant v = tenants.get(h.visitor());
            Tenant host = tenants.get(h.host());
            if (v != null && host != null) {
                heldVisits.add(new HeldVisit(v.slug(), v.name(), host.slug(), host.name(), h.date(), h.topic(), h.participants()));
            }
        }
        return new Report(out, heldVisits, visitsHeld, allItems, allDone, allOverdue);
    }

    private static int[] line(Map<UUID, int[]> lines, UUID tenant) {
        return lines.computeIfAbsent(tenant, k -> new int[10]);
    }
}
