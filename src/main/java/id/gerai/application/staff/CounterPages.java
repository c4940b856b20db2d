package id.gerai.application.staff;

import id.gerai.application.Application;
import id.gerai.application.ApplicationStatus;
import id.gerai.application.Applications;
import id.gerai.application.Applications.ApplicationSummary;
import id.gerai.application.Applications.NewApplication;
import id.gerai.application.Applications.WalkIn;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceSummary;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.NikCheck;
import id.gerai.identity.NikValidator;
import id.gerai.identity.Role;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The counter: a counter or village-office officer finds a walk-in citizen's applications by NIK, starts a new
 * application for them (the citizen is found by NIK or recorded), and sees what was filed at their counter.
 * Filling in the form, scanning the papers, submitting and printing the receipt happen on the filer's pages
 * under {@code /applications/{tracking}}, which serve the officer as they serve the citizen.
 *
 * <p>The new-application form carries a random key made when the page was drawn, so a double click or a resent
 * form makes one application, not two.
 */
@Controller
class CounterPages {

    private static final int RECENT = 20;

    /** The new-application form as posted. */
    record WalkInForm(String nik, String fullName, String phone, String email, String serviceId, String servicePointId,
                      String key) {
    }

    record Option(String value, String label) {
    }

    /** A found application; {@code link} is where the officer may open it, {@code null} when they may not. */
    record Found(ApplicationSummary summary, String service, String link) {
    }

    private final Applications applications;
    private final CatalogApi catalog;
    private final TenancyApi tenancy;
    private final NikValidator nikValidator;
    private final StaffSupport support;

    CounterPages(Applications applications, CatalogApi catalog, TenancyApi tenancy, NikValidator nikValidator,
                 StaffSupport support) {
        this.applications = applications;
        this.catalog = catalog;
        this.tenancy = tenancy;
        this.nikValidator = nikValidator;
        this.support = support;
    }

    @GetMapping("/manage/{tenant}/counter")
    String counter(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam(required = false) String nik, Model model) {
        GeraiUser me = CurrentUser.require();
        Membership counter = counterMembership(tenant, me);
        if (nik != null) {
            model.addAttribute("nik", nik);
            try {
                model.addAttribute("found", applications.byNik(tenant.id(), nik, me).stream().map(s -> found(s, me)).toList());
            } catch (InvalidInput e) {
                model.addAttribute("searchErrors", StaffSupport.errors(e));
            }
        }
        model.addAttribute("form", new WalkInForm("", "", "", "", "", "", UUID.randomUUID().toString()));
        return page(tenant, me, counter, model);
    }

    @PostMapping("/manage/{tenant}/counter/applications")
    String file(@RequestAttribute("geraiTenant") Tenant tenant, @ModelAttribute("form") WalkInForm form, Model model) {
        GeraiUser me = CurrentUser.require();
        Membership counter = counterMembership(tenant, me);
        UUID serviceId = StaffSupport.uuid(form.serviceId());
        UUID pointId = counter.servicePointId() != null ? counter.servicePointId() : StaffSupport.uuid(form.servicePointId());
        String key = form.key() == null || form.key().isBlank() ? null : form.key();
        try {
            // what identity would refuse, checked here too, so a missing service is told together with a bad NIK
            var errors = new InvalidInput.Collector();
            NikCheck nik = nikValidator.check(form.nik() == null ? "" : form.nik().replaceAll("\\s", ""));
            if (!nik.valid()) {
                errors.add("nik", "nik." + nik.errors().getFirst());
            }
            if (form.fullName() == null || form.fullName().isBlank()) {
                errors.add("fullName", "validation.required");
            }
            if (serviceId == null) {
                errors.add("serviceId", "validation.required");
            }
            if (pointId == null) {
                errors.add("servicePointId", "validation.required");
            }
            errors.throwIfAny();
            Application app = applications.create(tenant.id(), new NewApplication(serviceId, pointId, Map.of(), "id", key,
                    new WalkIn(form.nik(), form.fullName(), blank(form.phone()), blank(form.email()))), me);
            return "redirect:/applications/" + app.trackingNo() + "/form";
        } catch (InvalidInput e) {
            model.addAttribute("errors", StaffSupport.errors(e));
        } catch (GeraiException e) {
            if (!e.code().startsWith("service-") && !e.code().startsWith("catalog-")) {
                throw e;
            }
            model.addAttribute("errors", Map.of("serviceId", "error." + e.code()));
        }
        model.addAttribute("form", new WalkInForm(form.nik(), form.fullName(), form.phone(), form.email(), form.serviceId(),
                form.servicePointId(), key == null ? UUID.randomUUID().toString() : key));
        return page(tenant, me, counter, model);
    }

    // --- page ---------------------------------------------------------------------------------------------

    private String page(Tenant tenant, GeraiUser me, Membership counter, Model model) {
        List<ServicePoint> points = tenancy.servicePoints(tenant.id());
        ServicePoint mine = counter.servicePointId() == null ? null
                : points.stream().filter(p -> p.id().equals(counter.servicePointId())).findFirst().orElse(null);
        model.addAttribute("tenant", tenant);
        model.addAttribute("zone", support.zone(tenant.id()));
        model.addAttribute("point", mine);
        model.addAttribute("points", mine != null ? List.of()
                : points.stream().filter(p -> p.kind() != ServicePointKind.ONLINE).toList());
        model.addAttribute("services", services(tenant, mine == null ? null : mine.kind()));
        model.addAttribute("recent", applications.filedAtCounter(tenant.id(), me, RECENT).stream()
                .map(s -> new Found(s, StaffSupport.pick(s.serviceName(), s.serviceNameEn()), filerLink(s))).toList());
        return "application/staff/counter";
    }

    /**
     * The tenant's published services, grouped by agency; at a service point only those served there (the design's
     * channels name the kind of point).
     */
    private Map<String, List<Option>> services(Tenant tenant, ServicePointKind kind) {
        Map<String, List<Option>> byAgency = new LinkedHashMap<>();
        for (ServiceSummary s : catalog.publishedServices(tenant.id())) {
            if (kind != null && catalog.current(tenant.id(), s.id())
                    .map(v -> !v.design().channels().contains(kind.name())).orElse(true)) {
                continue;
            }
            byAgency.computeIfAbsent(s.agencyName(), k -> new ArrayList<>())
                    .add(new Option(s.id().toString(), StaffSupport.pick(s.name(), s.nameEn())));
        }
        return byAgency;
    }

    private Found found(ApplicationSummary s, GeraiUser me) {
        boolean mayOpen = applications.detail(s.tenant(), s.id(), me).map(d -> d.permissions().applicant()).orElse(false);
        return new Found(s, StaffSupport.pick(s.serviceName(), s.serviceNameEn()), mayOpen ? filerLink(s) : null);
    }

    /** A draft goes on with its form; anything else opens on the filer's page of the application. */
    private static String filerLink(ApplicationSummary s) {
        return s.status() == ApplicationStatus.DRAFT ? "/applications/" + s.trackingNo() + "/form" : "/applications/" + s.trackingNo();
    }

    private static Membership counterMembership(Tenant tenant, GeraiUser me) {
        return me.memberships().stream()
                .filter(m -> m.tenant().equals(tenant.id()) && m.role() == Role.PETUGAS_LOKET)
                .findFirst().orElseThrow(() -> GeraiException.forbidden("forbidden"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
