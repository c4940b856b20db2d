package id.gerai.tenancy.internal;

import id.gerai.audit.AuditQueries;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.TenantId;
import id.gerai.tenancy.AgencyKind;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.Tenant;
import id.gerai.tenancy.TenancyApi;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Home page, a tenant's public page, the platform admin's tenant list and the MPP manager's pages. */
@Controller
class TenancyPages {

    record TenantForm(String regionCode, String managerName, String managerEmail, String managerPassword) {
    }

    record AgencyForm(String code, String name, AgencyKind kind, String description) {
    }

    record ServicePointForm(String code, String name, ServicePointKind kind, String address, String villageCode, Integer counters) {
    }

    record StaffForm(String fullName, String email, String password, Role role, UUID agencyId) {
    }

    private final TenancyService tenancy;
    private final StaffAccounts staff;
    private final AuditQueries audit;

    TenancyPages(TenancyService tenancy, StaffAccounts staff, AuditQueries audit) {
        this.tenancy = tenancy;
        this.staff = staff;
        this.audit = audit;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("tenants", tenancy.tenants());
        return "tenancy/home";
    }

    @GetMapping("/t/{tenant}")
    String tenantPage(@RequestAttribute(TenantScopeInterceptor.ATTRIBUTE) Tenant tenant, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("agencies", tenancy.agencies(tenant.id()));
        model.addAttribute("servicePoints", tenancy.servicePoints(tenant.id()));
        return "tenancy/tenant";
    }

    // --- platform admin -------------------------------------------------------------------------------

    @GetMapping("/platform")
    String platform(Model model) {
        model.addAttribute("tenants", tenancy.tenants());
        model.addAttribute("form", new TenantForm("", "", "", ""));
        return "tenancy/platform";
    }

    @PostMapping("/platform/tenants")
    String createTenant(@ModelAttribute TenantForm form, Model model, RedirectAttributes redirect) {
        try {
            boolean withManager = form.managerEmail() != null && !form.managerEmail().isBlank();
            Tenant tenant = tenancy.createTenant(new TenancyApi.NewTenant(form.regionCode()));
            if (withManager) {
                try {
                    UUID account = staff.createStaff(new StaffAccounts.NewStaff(form.managerEmail(), form.managerName(), null, form.managerPassword()));
                    staff.grant(account, new Membership(tenant.id(), Role.PENGELOLA_MPP, null, null));
                } catch (InvalidInput e) {
                    redirect.addFlashAttribute("managerErrors", e.fields());
                }
            }
            redirect.addFlashAttribute("created", tenant.name());
            return "redirect:/platform";
        } catch (InvalidInput e) {
            model.addAttribute("tenants", tenancy.tenants());
            model.addAttribute("form", new TenantForm(form.regionCode(), form.managerName(), form.managerEmail(), ""));
            model.addAttribute("errors", e.fields());
            return "tenancy/platform";
        }
    }

    // --- MPP manager -----------------------------------------------------------------------------------

    @GetMapping("/manage")
    String manageIndex(Model model) {
        GeraiUser user = CurrentUser.require();
        List<Tenant> mine = user.hasPlatformRole(Role.ADMIN_PLATFORM) ? tenancy.tenants()
                : user.tenants().stream().map(tenancy::byId).flatMap(java.util.Optional::stream).toList();
        if (mine.size() == 1) {
            return "redirect:/manage/" + mine.getFirst().slug();
        }
        model.addAttribute("tenants", mine);
        return "tenancy/manage-index";
    }

    @GetMapping("/manage/{tenant}")
    String manage(@RequestAttribute(TenantScopeInterceptor.ATTRIBUTE) Tenant tenant, Model model) {
        CurrentUser.requireTenantRole(tenant.id(), Role.PENGELOLA_MPP, Role.ADMIN_INSTANSI, Role.PETUGAS_INSTANSI, Role.PETUGAS_LOKET);
        fillManage(tenant, model);
        return "tenancy/manage";
    }

    @PostMapping("/manage/{tenant}/agencies")
    String createAgency(@RequestAttribute(TenantScopeInterceptor.ATTRIBUTE) Tenant tenant, @ModelAttribute AgencyForm form,
                        Model model, RedirectAttributes redirect) {
        CurrentUser.requireTenantRole(tenant.id(), Role.PENGELOLA_MPP);
        try {
            tenancy.createAgency(tenant.id(), new TenancyApi.NewAgency(form.code(), form.name(), form.kind(), form.description()));
        } catch (InvalidInput e) {
            return invalid(tenant, model, "agencyErrors", e.fields(), "agencyForm", form);
        }
        redirect.addFlashAttribute("saved", form.name());
        return "redirect:/manage/" + tenant.slug();
    }

    @PostMapping("/manage/{tenant}/service-points")
    String createServicePoint(@RequestAttribute(TenantScopeInterceptor.ATTRIBUTE) Tenant tenant, @ModelAttribute ServicePointForm form,
                              Model model, RedirectAttributes redirect) {
        CurrentUser.requireTenantRole(tenant.id(), Role.PENGELOLA_MPP);
        try {
            tenancy.createServicePoint(tenant.id(), new TenancyApi.NewServicePoint(form.code(), form.name(), form.kind(),
                    form.address(), form.villageCode(), form.counters()));
        } catch (InvalidInput e) {
            return invalid(tenant, model, "pointErrors", e.fields(), "pointForm", form);
        }
        redirect.addFlashAttribute("saved", form.name());
        return "redirect:/manage/" + tenant.slug();
    }

    @PostMapping("/manage/{tenant}/staff")
    String createStaff(@RequestAttribute(TenantScopeInterceptor.ATTRIBUTE) Tenant tenant, @ModelAttribute StaffForm form,
                       Model model, RedirectAttributes redirect) {
        CurrentUser.requireTenantRole(tenant.id(), Role.PENGELOLA_MPP);
        try {
            if (form.role() == null || !form.role().perTenant()) {
                throw InvalidInput.of("role", "staff.role-not-tenant");
            }
            if (form.agencyId() != null && tenancy.agencies(tenant.id()).stream().noneMatch(a -> a.id().equals(form.agencyId()))) {
                throw InvalidInput.of("agencyId", "staff.agency-unknown");
            }
            UUID account = staff.createStaff(new StaffAccounts.NewStaff(form.email(), form.fullName(), null, form.password()));
            staff.grant(account, new Membership(tenant.id(), form.role(), form.agencyId(), null));
        } catch (InvalidInput e) {
            return invalid(tenant, model, "staffErrors", e.fields(), "staffForm", new StaffForm(form.fullName(), form.email(), "", form.role(), form.agencyId()));
        }
        redirect.addFlashAttribute("saved", form.fullName());
        return "redirect:/manage/" + tenant.slug();
    }

    /** The MPP manager reads what was changed in their tenant (installation-wide records stay hidden by RLS). */
    @GetMapping("/manage/{tenant}/audit")
    String tenantAudit(@RequestAttribute(TenantScopeInterceptor.ATTRIBUTE) Tenant tenant,
                       @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser.requireTenantRole(tenant.id(), Role.PENGELOLA_MPP);
        model.addAttribute("tenant", tenant);
        model.addAttribute("records", audit.list(tenant.id(), null, Math.max(0, page), 50));
        return "tenancy/audit";
    }

    private String invalid(Tenant tenant, Model model, String errorsName, Map<String, String> errors, String formName, Object form) {
        fillManage(tenant, model);
        model.addAttribute(errorsName, errors);
        model.addAttribute("errors", errors);
        model.addAttribute(formName, form);
        return "tenancy/manage";
    }

    private void fillManage(Tenant tenant, Model model) {
        TenantId id = tenant.id();
        GeraiUser user = CurrentUser.require();
        model.addAttribute("tenant", tenant);
        model.addAttribute("canEdit", user.hasTenantRole(id, Role.PENGELOLA_MPP));
        model.addAttribute("agencies", tenancy.agencies(id));
        model.addAttribute("servicePoints", tenancy.servicePoints(id));
        model.addAttribute("staff", user.hasTenantRole(id, Role.PENGELOLA_MPP) ? staff.staffOf(id) : List.of());
        model.addAttribute("agencyKinds", AgencyKind.values());
        model.addAttribute("pointKinds", ServicePointKind.values());
        model.addAttribute("staffRoles", List.of(Role.PETUGAS_LOKET, Role.PETUGAS_INSTANSI, Role.ADMIN_INSTANSI, Role.PENGELOLA_MPP));
        if (!model.containsAttribute("agencyForm")) {
            model.addAttribute("agencyForm", new AgencyForm("", "", AgencyKind.REGIONAL, ""));
        }
        if (!model.containsAttribute("pointForm")) {
            model.addAttribute("pointForm", new ServicePointForm("", "", ServicePointKind.MPP, "", "", 0));
        }
        if (!model.containsAttribute("staffForm")) {
            model.addAttribute("staffForm", new StaffForm("", "", "", Role.PETUGAS_LOKET, null));
        }
    }
}
