package id.gerai.audit.internal;

import id.gerai.audit.AuditEntry;
import id.gerai.audit.AuditPage;
import id.gerai.audit.AuditQueries;
import id.gerai.audit.AuditVerifier;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The platform admin's view of the audit log: newest records across tenants, filtered by tenant and
 * action prefix, and a button that verifies the hash chains. The verification answers the whole page,
 * or only its result when htmx asks ({@code HX-Request}).
 */
@Controller
@RequestMapping("/platform/audit")
@PreAuthorize("hasRole('ADMIN_PLATFORM')")
class AuditPageController {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final AuditQueries queries;
    private final AuditVerifier verifier;

    AuditPageController(AuditQueries queries, AuditVerifier verifier) {
        this.queries = queries;
        this.verifier = verifier;
    }

    /** The filter as typed, so the form shows it again. */
    record Filter(String tenant, String action) {
        Filter {
            tenant = tenant == null ? "" : tenant.strip();
            action = action == null ? "" : action.strip();
        }
    }

    /** A record as the table shows it. */
    record Row(AuditEntry entry, String time, String iso) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String tenant, @RequestParam(required = false) String action,
                @RequestParam(defaultValue = "0") int page, Model model) {
        fill(model, new Filter(tenant, action), Math.max(page, 0));
        return "audit/records";
    }

    @PostMapping("/verify")
    String verify(@RequestParam(required = false) String tenant, @RequestParam(required = false) String action,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Filter filter = new Filter(tenant, action);
        TenantId only = parseTenant(filter.tenant());
        if (only == null && !filter.tenant().isEmpty()) {
            model.addAttribute("tenantError", "audit.filter.tenant.invalid");
        } else {
            model.addAttribute("verification", verifier.verify(only));
        }
        if (htmx != null) {
            return "audit/records :: verification";
        }
        fill(model, filter, 0);
        return "audit/records";
    }

    private void fill(Model model, Filter filter, int page) {
        model.addAttribute("filter", filter);
        TenantId tenant = parseTenant(filter.tenant());
        if (tenant == null && !filter.tenant().isEmpty()) {
            model.addAttribute("tenantError", "audit.filter.tenant.invalid");
            model.addAttribute("rows", List.of());
            model.addAttribute("page", new AuditPage(List.of(), 0, PAGE_SIZE, false));
            return;
        }
        AuditPage result = TenantContext.callAcrossTenants(
                () -> queries.list(tenant, filter.action().isEmpty() ? null : filter.action(), page, PAGE_SIZE));
        model.addAttribute("page", result);
        model.addAttribute("rows", result.entries().stream()
                .map(e -> new Row(e, TIME.format(e.occurredAt()), e.occurredAt().toString())).toList());
    }

    /** The tenant filter as an id; {@code null} when blank or not a UUID. */
    private static TenantId parseTenant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return TenantId.of(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
