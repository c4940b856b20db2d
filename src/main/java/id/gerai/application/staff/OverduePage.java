package id.gerai.application.staff;

import id.gerai.application.Applications;
import id.gerai.application.Applications.InboxItem;
import id.gerai.application.staff.StaffSupport.TaskRow;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.platform.GeraiException;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Tasks past their due time, where the escalation e-mail points: the MPP manager sees the whole tenant grouped
 * by agency with counts (and may narrow it to one agency), an agency admin sees their agency (or agencies).
 */
@Controller
class OverduePage {

    /** One agency's overdue tasks, most overdue first. */
    record Group(UUID agencyId, String agency, List<TaskRow> rows) {
    }

    private final Applications applications;
    private final TenancyApi tenancy;
    private final StaffSupport support;

    OverduePage(Applications applications, TenancyApi tenancy, StaffSupport support) {
        this.applications = applications;
        this.tenancy = tenancy;
        this.support = support;
    }

    @GetMapping("/manage/{tenant}/overdue")
    String overdue(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam(required = false) String agency, Model model) {
        GeraiUser me = CurrentUser.require();
        boolean manager = me.hasTenantRole(tenant.id(), Role.PENGELOLA_MPP);
        List<UUID> headed = me.memberships().stream()
                .filter(m -> m.tenant().equals(tenant.id()) && m.role() == Role.ADMIN_INSTANSI && m.agencyId() != null)
                .map(Membership::agencyId).distinct().toList();
        if (!manager && headed.isEmpty()) {
            throw GeraiException.forbidden("forbidden");
        }
        UUID chosen = StaffSupport.uuid(agency);
        List<InboxItem> items;
        if (chosen != null) {
            items = applications.overdue(tenant.id(), chosen, me); // refuses an agency the actor does not head
        } else if (manager) {
            items = applications.overdue(tenant.id(), null, me);
        } else {
            items = new ArrayList<>();
            for (UUID a : headed) {
                items.addAll(applications.overdue(tenant.id(), a, me));
            }
        }
        Instant now = Instant.now();
        Map<UUID, String> names = new LinkedHashMap<>();
        for (Agency a : tenancy.agencies(tenant.id())) {
            names.put(a.id(), a.name());
        }
        Map<UUID, List<TaskRow>> byAgency = new LinkedHashMap<>();
        items.stream().map(i -> StaffSupport.row(i, me, now)).sorted(Comparator.comparing(TaskRow::due))
                .forEach(r -> byAgency.computeIfAbsent(r.agencyId(), k -> new ArrayList<>()).add(r));
        List<Group> groups = byAgency.entrySet().stream()
                .map(e -> new Group(e.getKey(), names.getOrDefault(e.getKey(), e.getValue().getFirst().agency()), e.getValue()))
                .sorted(Comparator.comparing((Group g) -> -g.rows().size()).thenComparing(Group::agency))
                .toList();
        model.addAttribute("tenant", tenant);
        model.addAttribute("zone", support.zone(tenant.id()));
        model.addAttribute("groups", groups);
        model.addAttribute("total", items.size());
        model.addAttribute("manager", manager);
        model.addAttribute("chosen", chosen == null ? null : names.getOrDefault(chosen, ""));
        model.addAttribute("agencies", manager ? tenancy.agencies(tenant.id())
                : tenancy.agencies(tenant.id()).stream().filter(a -> headed.contains(a.id())).toList());
        model.addAttribute("chosenId", chosen);
        return "application/staff/overdue";
    }
}
