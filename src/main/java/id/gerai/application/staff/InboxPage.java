package id.gerai.application.staff;

import id.gerai.application.Applications;
import id.gerai.application.Applications.Inbox;
import id.gerai.application.Applications.InboxFilter;
import id.gerai.application.Applications.InboxFilter.Due;
import id.gerai.application.Channel;
import id.gerai.application.staff.StaffSupport.Holder;
import id.gerai.application.staff.StaffSupport.TaskRow;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceSummary;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.tenancy.Tenant;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The officer's inbox: the active tasks of their roles and agencies, soonest due first, with counts that are
 * also filter links. The filters are a plain GET form, so the page works without JavaScript and every view
 * has its own address.
 */
@Controller
class InboxPage {

    /** How many tasks one page shows; "free only" is filtered here, out of a longer read. */
    static final int PAGE = 100;
    private static final int FREE_READ = 500;

    /** The filter as the form and the links hold it. */
    record Filter(UUID service, Channel channel, Due due, boolean mine, boolean free) {

        public boolean any() {
            return service != null || channel != null || due != Due.ALL || mine || free;
        }
    }

    private final Applications applications;
    private final CatalogApi catalog;
    private final StaffSupport support;

    InboxPage(Applications applications, CatalogApi catalog, StaffSupport support) {
        this.applications = applications;
        this.catalog = catalog;
        this.support = support;
    }

    @GetMapping("/manage/{tenant}/tasks")
    String inbox(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam(required = false) String service,
                 @RequestParam(required = false) String channel, @RequestParam(required = false) String due,
                 @RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "false") boolean free,
                 Model model) {
        GeraiUser me = CurrentUser.requireTenantRole(tenant.id(), StaffSupport.TENANT_STAFF);
        Filter filter = new Filter(StaffSupport.uuid(service), parse(Channel.class, channel), parseDue(due), mine, free);
        Inbox inbox = applications.inbox(tenant.id(),
                new InboxFilter(filter.service(), filter.channel(), filter.due(), filter.mine(), free ? FREE_READ : PAGE), me);
        Instant now = Instant.now();
        List<TaskRow> rows = inbox.items().stream().map(i -> StaffSupport.row(i, me, now))
                .filter(r -> !free || r.holder() == Holder.FREE).limit(PAGE).toList();
        List<ServiceSummary> services = catalog.publishedServices(tenant.id());
        model.addAttribute("tenant", tenant);
        model.addAttribute("zone", support.zone(tenant.id()));
        model.addAttribute("counts", inbox.counts());
        model.addAttribute("rows", rows);
        model.addAttribute("filter", filter);
        model.addAttribute("services", services.stream()
                .map(s -> new Option(s.id().toString(), StaffSupport.pick(s.name(), s.nameEn()))).toList());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("dues", Due.values());
        return "application/staff/inbox";
    }

    record Option(String value, String label) {
    }

    private static Due parseDue(String s) {
        Due d = parse(Due.class, s);
        return d == null ? Due.ALL : d;
    }

    /** A lenient enum read: an unknown value in a hand-edited address is no filter, not an error page. */
    static <E extends Enum<E>> E parse(Class<E> type, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(s.strip())).findFirst().orElse(null);
    }
}
