package id.gerai.application.web;

import id.gerai.application.Application;
import id.gerai.application.ApplicationStatus;
import id.gerai.application.Applications;
import id.gerai.application.Applications.ApplicationDetail;
import id.gerai.application.Applications.NewApplication;
import id.gerai.application.FormData;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.FormFields;
import id.gerai.catalog.FormFields.Field;
import id.gerai.catalog.FormProblem;
import id.gerai.catalog.FormValidator;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceSummary;
import id.gerai.catalog.ServiceVersion;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.blob.BlobRejected;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizen's way from a service page to a receipt, as plain HTML forms that work without JavaScript:
 * {@code /applications/new} (confirm, then one draft per click thanks to a request key), the form, the documents,
 * the review with the submit button, and the printable receipt. Every change is a POST answered by a redirect;
 * input that cannot be saved is shown again with the reason, so nothing typed is lost.
 *
 * <p>Nothing here assumes the signed-in person is the applicant: a counter officer filing for a walk-in citizen uses
 * the same pages, and the application service decides who may do what.
 */
@Controller
class FilingPages {

    static final String ONLINE = "ONLINE";

    private final Applications applications;
    private final CatalogApi catalog;
    private final TenancyApi tenancy;
    private final FormValidator validator;
    private final CitizenViews views;
    private final PageFormat format;
    private final String baseUrl;

    FilingPages(Applications applications, CatalogApi catalog, TenancyApi tenancy, FormValidator validator,
                CitizenViews views, PageFormat format, @Value("${gerai.base-url:}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.applications = applications;
        this.catalog = catalog;
        this.tenancy = tenancy;
        this.validator = validator;
        this.views = views;
        this.format = format;
    }

    // --- starting ---------------------------------------------------------------------------------------------

    /** A service citizens may apply for online now. */
    private record Offer(Tenant tenant, ServiceSummary service, ServiceVersion version) {
    }

    private Offer offer(String tenantSlug, String service) {
        Tenant tenant = tenantSlug == null ? null : tenancy.bySlug(tenantSlug.strip()).orElse(null);
        if (tenant == null || service == null || service.isBlank()) {
            throw GeraiException.notFound("catalog-service-not-found");
        }
        ServiceSummary summary;
        try {
            summary = catalog.service(tenant.id(), UUID.fromString(service.strip())).orElse(null);
        } catch (IllegalArgumentException notUuid) {
            summary = catalog.serviceBySlug(tenant.id(), service.strip()).orElse(null);
        }
        if (summary == null) {
            throw GeraiException.notFound("catalog-service-not-found");
        }
        ServiceVersion version = catalog.current(tenant.id(), summary.id())
                .orElseThrow(() -> GeraiException.invalid("service-not-published"));
        if (!version.design().channels().contains(ONLINE)) {
            throw GeraiException.invalid("citizen-not-online");
        }
        return new Offer(tenant, summary, version);
    }

    @GetMapping("/applications/new")
    String confirm(@RequestParam(required = false) String tenant, @RequestParam(required = false) String service,
                   Locale locale, Model model) {
        Offer offer = offer(tenant, service);
        return confirmPage(offer, null, locale, model);
    }

    private String confirmPage(Offer offer, String errorKey, Locale locale, Model model) {
        ServiceDesign d = offer.version().design();
        GeraiUser me = CurrentUser.require();
        model.addAttribute("tenant", offer.tenant());
        model.addAttribute("serviceId", offer.service().id());
        model.addAttribute("serviceSlug", offer.service().slug());
        model.addAttribute("serviceName", PageFormat.pick(d.name(), d.nameEn(), locale));
        model.addAttribute("agencyName", tenancy.agencies(offer.tenant().id()).stream()
                .filter(a -> a.id().equals(offer.service().agencyId())).map(Agency::name).findFirst().orElse(""));
        model.addAttribute("timeLimitDays", d.timeLimitDays());
        model.addAttribute("documents", d.documents().stream()
                .map(r -> PageFormat.pick(r.name(), r.nameEn(), locale) + (r.mandatory() ? "" : " " + format.message("citizen.new.optional", null, locale)))
                .toList());
        model.addAttribute("fieldCount", FormFields.fields(d.form()).size());
        model.addAttribute("citizen", me.citizen());
        // a fresh key per rendering: the same form posted twice (a double click) makes one draft
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        model.addAttribute("errorKey", errorKey);
        return "application/citizen/new";
    }

    @PostMapping("/applications/new")
    String create(@RequestParam(required = false) String tenant, @RequestParam(required = false) String service,
                  @RequestParam(required = false) String requestKey, Locale locale, Model model,
                  HttpServletResponse response) {
        Offer offer = offer(tenant, service);
        GeraiUser me = CurrentUser.require();
        try {
            Application app = applications.create(offer.tenant().id(), new NewApplication(offer.service().id(), null,
                    new LinkedHashMap<>(), PageFormat.english(locale) ? "en" : "id", requestKey, null), me);
            return "redirect:/applications/" + app.trackingNo() + (app.status().editable() ? "/form" : "");
        } catch (InvalidInput e) {
            response.setStatus(422);
            return confirmPage(offer, e.fields().values().iterator().next(), locale, model);
        } catch (GeraiException e) {
            if (e.status().value() != 403) {
                throw e;
            }
            response.setStatus(403);
            return confirmPage(offer, "error." + e.code(), locale, model);
        }
    }

    // --- the form ----------------------------------------------------------------------------------------------

    @GetMapping("/applications/{tracking}/form")
    String form(@PathVariable String tracking, @RequestParam(required = false) String check,
                @RequestParam(required = false) String group, @RequestParam(required = false) Integer rows,
                Locale locale, Model model) {
        ApplicationDetail d = views.load(tracking);
        if (!d.permissions().edit()) {
            return "redirect:/applications/" + d.application().trackingNo();
        }
        Map<String, String> errors = check != null ? problems(d, d.application().data(), locale) : Map.of();
        Map<String, Integer> extra = group != null && rows != null ? Map.of(group, rows) : Map.of();
        return formPage(d, d.application().data(), errors, extra, d.application().lockVersion(), null, locale, model);
    }

    private String formPage(ApplicationDetail d, Map<String, Object> data, Map<String, String> errors,
                            Map<String, Integer> extraRows, int lockVersion, String messageKey, Locale locale, Model model) {
        FormView form = views.form(d, data, errors, extraRows, locale);
        model.addAttribute("h", views.header(d, locale));
        model.addAttribute("d", d);
        model.addAttribute("fields", form.fields());
        model.addAttribute("problems", form.problems());
        model.addAttribute("lockVersion", lockVersion);
        model.addAttribute("messageKey", messageKey);
        model.addAttribute("correction", correction(d, form, locale));
        model.addAttribute("hasDocuments", !d.design().documents().isEmpty());
        model.addAttribute("step", "form");
        return "application/citizen/form";
    }

    /** The officer's request for a correction as the pages show it: their message and what to fix, by label. */
    record CorrectionView(String message, List<String> fields, List<String> documents) {
    }

    static CorrectionView correction(ApplicationDetail d, FormView form, Locale locale) {
        var c = d.application().correction();
        if (c == null || d.application().status() != ApplicationStatus.CORRECTION) {
            return null;
        }
        return new CorrectionView(c.message(), c.fields().stream().map(form::label).toList(),
                c.documents().stream().map(code -> d.design().documents().stream().filter(r -> r.code().equals(code))
                        .map(r -> PageFormat.pick(r.name(), r.nameEn(), locale)).findFirst().orElse(code)).toList());
    }

    @PostMapping("/applications/{tracking}/form")
    String saveForm(@PathVariable String tracking, @RequestParam(required = false) Integer lockVersion,
                    @RequestParam(defaultValue = "save") String action, HttpServletRequest request, Locale locale,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ApplicationDetail d = views.load(tracking);
        Application app = d.application();
        String base = "/applications/" + app.trackingNo();
        if (!d.permissions().edit()) {
            redirect.addFlashAttribute("flashError", "error.application-not-editable");
            return "redirect:" + base;
        }
        List<Field> fields = FormFields.fields(d.design().form());
        Map<String, Object> data = FormData.fromParams(fields, request.getParameterMap());
        try {
            applications.saveData(app.tenant(), app.id(), data, lockVersion, CurrentUser.require());
        } catch (GeraiException e) {
            if (e.code().equals("application-not-editable")) {
                redirect.addFlashAttribute("flashError", "error.application-not-editable");
                return "redirect:" + base;
            }
            if (e.code().equals("application-stale") || e.code().equals("application-data-too-large")) {
                // shown again as typed, with the version saved in between, so saving once more keeps this input
                response.setStatus(e.status().value());
                ApplicationDetail fresh = views.load(tracking);
                return formPage(fresh, data, Map.of(), shownRows(fields, request), fresh.application().lockVersion(),
                        "error." + e.code(), locale, model);
            }
            throw e;
        }
        if (action.startsWith("add-row:")) {
            String group = action.substring("add-row:".length());
            Field f = fields.stream().filter(x -> x.name().equals(group) && x.widget() == id.gerai.catalog.Widget.GROUP)
                    .findFirst().orElse(null);
            if (f != null) {
                int shown = shownRows(fields, request).getOrDefault(group, FormData.rows(data, group));
                int wanted = Math.min(FormFields.GROUP_MAX_ROWS, shown + 1);
                redirect.addFlashAttribute("flashOk", "citizen.form.row-added");
                return "redirect:" + base + "/form?group=" + group + "&rows=" + wanted + "#" + FormView.id(group + "[" + (wanted - 1) + "]");
            }
        }
        if (action.equals("next")) {
            ApplicationDetail saved = views.load(tracking);
            if (!problems(saved, saved.application().data(), locale).isEmpty()) {
                redirect.addFlashAttribute("flashError", "citizen.form.fix-first");
                return "redirect:" + base + "/form?check=1";
            }
            return "redirect:" + base + (d.design().documents().isEmpty() ? "/review" : "/documents");
        }
        redirect.addFlashAttribute("flashOk", "citizen.form.saved");
        return "redirect:" + base + "/form";
    }

    /** How many rows each group showed in the posted form ({@code shown.NAME}). */
    private static Map<String, Integer> shownRows(List<Field> fields, HttpServletRequest request) {
        Map<String, Integer> shown = new HashMap<>();
        for (Field f : fields) {
            String v = request.getParameter("shown." + f.name());
            if (v != null) {
                try {
                    shown.put(f.name(), Math.max(0, Math.min(FormFields.GROUP_MAX_ROWS, Integer.parseInt(v.strip()))));
                } catch (NumberFormatException ignored) {
                    // a tampered count: the rows of the data are shown
                }
            }
        }
        return shown;
    }

    /** The form's problems with {@code data}, path to message in the page's language. */
    private Map<String, String> problems(ApplicationDetail d, Map<String, Object> data, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FormProblem p : validator.validate(d.design().form(), data).problems()) {
            String path = p.path() == null || p.path().isBlank() ? "data" : p.path();
            out.putIfAbsent(path, format.message(p.code(), p.getArguments(), locale));
        }
        return out;
    }

    // --- documents ---------------------------------------------------------------------------------------------

    @GetMapping("/applications/{tracking}/documents")
    String documents(@PathVariable String tracking, @RequestParam(name = "too-large", required = false) String tooLarge,
                     Locale locale, Model model) {
        ApplicationDetail d = views.load(tracking);
        if (!d.permissions().edit()) {
            return "redirect:/applications/" + d.application().trackingNo();
        }
        @SuppressWarnings("unchecked")
        Map<String, String> flashed = (Map<String, String>) model.getAttribute("docErrors");
        Map<String, String> errors = flashed == null ? new HashMap<>() : new HashMap<>(flashed);
        if (tooLarge != null) {
            // sent back by UploadLimitFilter: the file was over the servlet's cap, before any page could say so
            errors.putIfAbsent(tooLarge, format.message("error.blob.too-large", new Object[] {views.uploadLimitKb()}, locale));
        }
        FormView form = views.form(d, d.application().data(), Map.of(), Map.of(), locale);
        model.addAttribute("h", views.header(d, locale));
        model.addAttribute("d", d);
        model.addAttribute("documents", views.documents(d, errors, locale));
        model.addAttribute("correction", correction(d, form, locale));
        model.addAttribute("hasDocuments", true);
        model.addAttribute("step", "documents");
        return "application/citizen/documents";
    }

    @PostMapping("/applications/{tracking}/documents/{code}")
    String upload(@PathVariable String tracking, @PathVariable String code,
                  @RequestParam(name = "file", required = false) MultipartFile file, Locale locale,
                  RedirectAttributes redirect) {
        ApplicationDetail d = views.load(tracking);
        Application app = d.application();
        String base = "/applications/" + app.trackingNo();
        if (!d.permissions().edit()) {
            redirect.addFlashAttribute("flashError", "error.application-not-editable");
            return "redirect:" + base;
        }
        if (d.design().documents().stream().noneMatch(r -> r.code().equals(code))) {
            throw GeraiException.notFound("not-found");
        }
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            redirect.addFlashAttribute("docErrors", new HashMap<>(Map.of(code, format.message("citizen.documents.choose", null, locale))));
            return "redirect:" + base + "/documents#doc-" + code;
        }
        try (InputStream in = file.getInputStream()) {
            applications.attach(app.tenant(), app.id(), code, file.getOriginalFilename(), in, CurrentUser.require());
        } catch (BlobRejected e) {
            redirect.addFlashAttribute("docErrors", new HashMap<>(Map.of(code, format.message("error." + e.code(), e.args(), locale))));
            return "redirect:" + base + "/documents#doc-" + code;
        } catch (GeraiException e) {
            if (e.code().equals("application-not-editable")) {
                redirect.addFlashAttribute("flashError", "error.application-not-editable");
                return "redirect:" + base;
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        redirect.addFlashAttribute("flashOk", "citizen.documents.uploaded");
        return "redirect:" + base + "/documents#doc-" + code;
    }

    @PostMapping("/applications/{tracking}/documents/{code}/remove")
    String remove(@PathVariable String tracking, @PathVariable String code, RedirectAttributes redirect) {
        ApplicationDetail d = views.load(tracking);
        Application app = d.application();
        String base = "/applications/" + app.trackingNo();
        if (!d.permissions().edit()) {
            redirect.addFlashAttribute("flashError", "error.application-not-editable");
            return "redirect:" + base;
        }
        applications.detach(app.tenant(), app.id(), code, CurrentUser.require());
        redirect.addFlashAttribute("flashOk", "citizen.documents.removed");
        return "redirect:" + base + "/documents";
    }

    // --- review and submit ---------------------------------------------------------------------------------------

    @GetMapping("/applications/{tracking}/review")
    String review(@PathVariable String tracking, Locale locale, Model model) {
        ApplicationDetail d = views.load(tracking);
        if (!d.permissions().submit()) {
            return "redirect:/applications/" + d.application().trackingNo();
        }
        return reviewPage(d, Map.of(), locale, model);
    }

    /** An error of the submission as the review lists it: what, why, and a link to where it is fixed. */
    record SubmitProblem(String label, String message, String href) {
    }

    private String reviewPage(ApplicationDetail d, Map<String, Object[]> errors, Locale locale, Model model) {
        FormView form = views.form(d, d.application().data(), Map.of(), Map.of(), locale);
        String base = "/applications/" + d.application().trackingNo();
        List<CitizenViews.DocumentView> documents = views.documents(d, null, locale);
        List<SubmitProblem> problems = new java.util.ArrayList<>();
        errors.forEach((path, keyAndArgs) -> {
            String key = (String) keyAndArgs[0];
            Object[] args = (Object[]) keyAndArgs[1];
            String message = format.message(key, args, locale);
            if (path.startsWith("documents.")) {
                String code = path.substring("documents.".length());
                String name = documents.stream().filter(x -> x.code().equals(code)).map(CitizenViews.DocumentView::name)
                        .findFirst().orElse(code);
                problems.add(new SubmitProblem(name, message, base + "/documents#doc-" + code));
            } else {
                problems.add(new SubmitProblem(form.label(path), message, base + "/form?check=1#" + form.anchor(path)));
            }
        });
        model.addAttribute("h", views.header(d, locale));
        model.addAttribute("d", d);
        model.addAttribute("lines", form.lines());
        model.addAttribute("documents", documents);
        model.addAttribute("problems", problems);
        model.addAttribute("correction", correction(d, form, locale));
        model.addAttribute("hasDocuments", !d.design().documents().isEmpty());
        model.addAttribute("step", "review");
        return "application/citizen/review";
    }

    @PostMapping("/applications/{tracking}/submit")
    String submit(@PathVariable String tracking, Locale locale, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        ApplicationDetail d = views.load(tracking);
        Application app = d.application();
        String base = "/applications/" + app.trackingNo();
        if (!d.permissions().applicant()) {
            throw GeraiException.forbidden("application-forbidden");
        }
        try {
            Application after = applications.submit(app.tenant(), app.id(), CurrentUser.require());
            if (app.status() == ApplicationStatus.CORRECTION) {
                redirect.addFlashAttribute("flashOk", "citizen.detail.resubmitted");
                return "redirect:" + base;
            }
            return "redirect:" + base + (after.status() == ApplicationStatus.DRAFT ? "/review" : "/receipt");
        } catch (InvalidInput e) {
            Map<String, Object[]> errors = new LinkedHashMap<>();
            e.fields().forEach((path, key) -> errors.put(path, new Object[] {key, e.arguments(path)}));
            response.setStatus(422);
            return reviewPage(views.load(tracking), errors, locale, model);
        }
    }

    // --- the receipt ------------------------------------------------------------------------------------------------

    @GetMapping("/applications/{tracking}/receipt")
    String receipt(@PathVariable String tracking, Locale locale, Model model) {
        ApplicationDetail d = views.load(tracking);
        if (d.application().status() == ApplicationStatus.DRAFT || !d.permissions().applicant()) {
            return "redirect:/applications/" + d.application().trackingNo();
        }
        model.addAttribute("h", views.header(d, locale));
        model.addAttribute("d", d);
        model.addAttribute("steps", views.steps(d, locale));
        model.addAttribute("statusUrl", baseUrl + "/status");
        model.addAttribute("own", CurrentUser.require().accountId().equals(d.application().applicantId()));
        return "application/citizen/receipt";
    }
}
