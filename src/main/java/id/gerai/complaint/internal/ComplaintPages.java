package id.gerai.complaint.internal;

import id.gerai.catalog.CatalogApi;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.TenantContext;
import id.gerai.platform.Throttled;
import id.gerai.platform.blob.BlobRejected;
import id.gerai.platform.web.ThrottledResponses;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The citizen's complaint pages, all working without JavaScript: the form ({@code /complaints}), the receipt, the
 * tracking page ({@code /complaints/track}: number and access code, then reply or rate), the signed-in citizen's
 * list ({@code /complaints/mine}) and the public list of a region ({@code /t/{tenant}/complaints}).
 */
@Controller
class ComplaintPages {

    private final ComplaintService complaints;
    private final TenancyApi tenancy;
    private final CatalogApi catalog;
    private final org.springframework.context.MessageSource messages;

    private final FilingThrottle filings;

    ComplaintPages(ComplaintService complaints, TenancyApi tenancy, CatalogApi catalog,
                   org.springframework.context.MessageSource messages, FilingThrottle filings) {
        this.filings = filings;
        this.complaints = complaints;
        this.tenancy = tenancy;
        this.catalog = catalog;
        this.messages = messages;
    }

    /** A refused file, said with its limits filled in (the size cap, the detected and accepted types). */
    private void fileError(BlobRejected e, Locale locale, Model model) {
        model.addAttribute("fileError", messages.getMessage("error." + e.code(), e.args(), locale));
    }

    /** A choice in a select. */
    public record Option(String value, String label) {
    }

    @GetMapping("/complaints")
    String form(@RequestParam(required = false) String tenant, @RequestParam(required = false) String service,
                @RequestParam(required = false) String application, Model model) {
        Map<String, String> values = new HashMap<>();
        values.put("kind", "PENGADUAN");
        if (service != null) {
            values.put("serviceId", service);
        }
        if (application != null) {
            values.put("applicationTracking", application);
        }
        return showForm(tenant, values, Map.of(), null, model);
    }

    private String showForm(String tenantSlug, Map<String, String> values, Map<String, String> errors, String problem,
                            Model model) {
        Tenant t = tenantSlug == null || tenantSlug.isBlank() ? null : tenancy.bySlug(tenantSlug.strip()).orElse(null);
        model.addAttribute("tenants", tenancy.tenants().stream().map(x -> new Option(x.slug(), x.name())).toList());
        model.addAttribute("tenant", t);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("signedIn", CurrentUser.get().map(GeraiUser::citizen).orElse(false));
        model.addAttribute("kinds", List.of(ComplaintKind.values()));
        if (t != null) {
            TenantContext.run(t.id(), () -> {
                model.addAttribute("agencies", tenancy.agencies(t.id()).stream().map(a -> new Option(a.id().toString(), a.name())).toList());
                model.addAttribute("points", tenancy.servicePoints(t.id()).stream().map(p -> new Option(p.id().toString(), p.name())).toList());
                model.addAttribute("services", catalog.publishedServices(t.id()).stream()
                        .map(s -> new Option(s.id().toString(), s.name() + " — " + s.agencyName())).toList());
            });
        }
        return "complaint/form";
    }

    @PostMapping("/complaints")
    String file(@RequestParam Map<String, String> form, @RequestParam(name = "files", required = false) List<MultipartFile> files,
                Locale locale, Model model, jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response) {
        String slug = form.get("tenant");
        GeraiUser user = CurrentUser.get().orElse(null);
        String sender = FilingThrottle.sender(user, request);
        try {
            filings.check(sender);
        } catch (Throttled e) {
            // what was typed stays on the form; only the sending waits, and the status says so (as the API's does)
            ThrottledResponses.refuse(response, e);
            return showForm(slug, form, Map.of(), "error.complaint-filing-throttled", model);
        }
        Tenant t = slug == null ? null : tenancy.bySlug(slug).orElse(null);
        if (t == null) {
            return showForm(null, form, Map.of("tenant", "complaint.error.tenant"), null, model);
        }
        var in = new ComplaintService.NewComplaint(form.get("kind"), form.get("title"), form.get("body"), form.get("incidentDate"),
                form.get("location"), uuid(form.get("serviceId")), form.get("applicationTracking"), uuid(form.get("agencyId")),
                uuid(form.get("servicePointId")), form.containsKey("confidential"), form.containsKey("anonymous"),
                form.get("name"), form.get("email"), form.get("phone"), locale.getLanguage());
        try {
            ComplaintService.Filed filed = ComplaintApiController.withUploads(files == null ? List.of() : files,
                    uploads -> complaints.file(t.id(), in, uploads, user, "WEB"));
            filings.spent(sender);
            model.addAttribute("c", filed.complaint());
            model.addAttribute("accessCode", filed.accessCode());
            model.addAttribute("tenant", t);
            model.addAttribute("due", date(filed.complaint().dueAt(), t, locale));
            return "complaint/receipt";
        } catch (InvalidInput e) {
            Map<String, String> errors = new LinkedHashMap<>(e.fields());
            return showForm(slug, form, errors, "complaint.form.fix", model);
        } catch (BlobRejected e) {
            fileError(e, locale, model);
            return showForm(slug, form, Map.of("files", "error." + e.code()), "complaint.form.fix", model);
        }
    }

    private static java.util.UUID uuid(String s) {
        return id.gerai.platform.web.FormValues.uuidOrNull(s);
    }

    // --- tracking ---------------------------------------------------------------------------------------------

    @GetMapping("/complaints/track")
    String trackForm(@RequestParam(required = false) String no, Model model) {
        model.addAttribute("trackingNo", no);
        model.addAttribute("errors", Map.of());
        return "complaint/track";
    }

    @PostMapping("/complaints/track")
    String track(@RequestParam(required = false) String trackingNo, @RequestParam(required = false) String accessCode,
                 Locale locale, Model model) {
        Map<String, String> errors = new HashMap<>();
        if (trackingNo == null || trackingNo.isBlank()) {
            errors.put("trackingNo", "complaint.error.tracking-required");
        }
        if (accessCode == null || accessCode.isBlank()) {
            errors.put("accessCode", "complaint.error.code-required");
        }
        model.addAttribute("trackingNo", trackingNo);
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return "complaint/track";
        }
        var found = complaints.reporterView(trackingNo, accessCode, null);
        if (found.isEmpty()) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("notice", "complaint.track.not-found");
            return "complaint/track";
        }
        return detail(found.get(), trackingNo, accessCode, null, Map.of(), locale, model);
    }

    @PostMapping("/complaints/track/reply")
    String reply(@RequestParam(required = false) String trackingNo, @RequestParam(required = false) String accessCode,
                 @RequestParam(required = false) String body, @RequestParam(required = false) String reopen,
                 @RequestParam(name = "files", required = false) List<MultipartFile> files, Locale locale, Model model) {
        GeraiUser me = CurrentUser.get().orElse(null);
        try {
            var v = ComplaintApiController.withUploads(files == null ? List.of() : files,
                    uploads -> complaints.reply(trackingNo, accessCode, me, body, reopen != null, uploads));
            return detail(v, trackingNo, accessCode, reopen != null ? "complaint.reply.reopened" : "complaint.reply.sent",
                    Map.of(), locale, model);
        } catch (InvalidInput e) {
            var v = complaints.reporterView(trackingNo, accessCode, me).orElseThrow(() -> GeraiException.notFound("complaint-not-found"));
            return detail(v, trackingNo, accessCode, null, e.fields(), locale, model);
        } catch (BlobRejected e) {
            fileError(e, locale, model);
            var v = complaints.reporterView(trackingNo, accessCode, me).orElseThrow(() -> GeraiException.notFound("complaint-not-found"));
            return detail(v, trackingNo, accessCode, null, Map.of("files", "error." + e.code()), locale, model);
        }
    }

    @PostMapping("/complaints/track/rate")
    String rate(@RequestParam(required = false) String trackingNo, @RequestParam(required = false) String accessCode,
                @RequestParam(required = false) Integer rating, @RequestParam(required = false) String satisfied,
                @RequestParam(required = false) String comment, Locale locale, Model model) {
        GeraiUser me = CurrentUser.get().orElse(null);
        Boolean sat = satisfied == null || satisfied.isBlank() ? null : Boolean.valueOf("yes".equals(satisfied));
        try {
            var v = complaints.rate(trackingNo, accessCode, me, rating, sat, comment);
            return detail(v, trackingNo, accessCode, "complaint.rate.done", Map.of(), locale, model);
        } catch (InvalidInput e) {
            var v = complaints.reporterView(trackingNo, accessCode, me).orElseThrow(() -> GeraiException.notFound("complaint-not-found"));
            return detail(v, trackingNo, accessCode, null, e.fields(), locale, model);
        }
    }

    private String detail(ComplaintService.View v, String trackingNo, String accessCode, String done, Map<String, String> errors,
                          Locale locale, Model model) {
        model.addAttribute("v", v);
        model.addAttribute("c", v.complaint());
        model.addAttribute("trackingNo", v.complaint().trackingNo());
        model.addAttribute("accessCode", accessCode);
        model.addAttribute("done", done);
        model.addAttribute("errors", errors);
        model.addAttribute("fmt", new Format(locale, v));
        return "complaint/detail";
    }

    // --- mine -------------------------------------------------------------------------------------------------

    @GetMapping("/complaints/mine")
    String mine(Locale locale, Model model) {
        GeraiUser me = CurrentUser.get().orElse(null);
        if (me == null) {
            return "redirect:/login";
        }
        List<Complaint> list = complaints.mine(me, 200);
        Map<java.util.UUID, Tenant> tenants = new HashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Complaint c : list) {
            Tenant t = tenants.computeIfAbsent(c.tenant().value(), k -> tenancy.byId(c.tenant()).orElseThrow());
            Map<String, Object> r = new HashMap<>();
            r.put("c", c);
            r.put("tenantName", t.name());
            r.put("filed", date(c.filedAt(), t, locale));
            rows.add(r);
        }
        model.addAttribute("rows", rows);
        return "complaint/mine";
    }

    @GetMapping("/complaints/mine/{tracking}")
    String mineDetail(@PathVariable String tracking, Locale locale, Model model) {
        GeraiUser me = CurrentUser.get().orElse(null);
        if (me == null) {
            return "redirect:/login";
        }
        var v = complaints.reporterView(tracking, null, me).orElseThrow(() -> GeraiException.notFound("complaint-not-found"));
        return detail(v, tracking, null, null, Map.of(), locale, model);
    }

    /**
     * An attachment for whoever holds the tracking number and access code: posted from the tracking page's form, so
     * the code never goes into a URL (history, logs, referrers).
     */
    @PostMapping("/complaints/track/attachment")
    ResponseEntity<InputStreamResource> trackedAttachment(@RequestParam(required = false) String trackingNo,
                                                          @RequestParam(required = false) String accessCode,
                                                          @RequestParam int seq) {
        var v = complaints.reporterView(trackingNo, accessCode, CurrentUser.get().orElse(null))
                .orElseThrow(() -> GeraiException.notFound("complaint-not-found"));
        return ComplaintApiController.download(complaints, v, seq);
    }

    @GetMapping("/complaints/mine/{tracking}/attachments/{seq}")
    ResponseEntity<InputStreamResource> mineAttachment(@PathVariable String tracking, @PathVariable int seq) {
        GeraiUser me = CurrentUser.get().orElseThrow(() -> GeraiException.notFound("complaint-not-found"));
        var v = complaints.reporterView(tracking, null, me).orElseThrow(() -> GeraiException.notFound("complaint-not-found"));
        return ComplaintApiController.download(complaints, v, seq);
    }

    // --- public list ------------------------------------------------------------------------------------------

    @GetMapping("/t/{tenant}/complaints")
    String publicList(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam(defaultValue = "0") int page,
                      Locale locale, Model model) {
        int size = 20;
        int p = Math.max(0, page);
        var items = complaints.publicList(tenant.id(), size, p * size);
        int total = complaints.publicCount(tenant.id());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var i : items) {
            Map<String, Object> r = new HashMap<>();
            r.put("c", i.complaint());
            r.put("agency", i.agencyName());
            r.put("filed", date(i.complaint().filedAt(), tenant, locale));
            r.put("answers", i.followUps().stream().map(m -> Map.of("body", m.body(), "at", date(m.createdAt(), tenant, locale))).toList());
            rows.add(r);
        }
        model.addAttribute("tenant", tenant);
        model.addAttribute("rows", rows);
        model.addAttribute("page", p);
        model.addAttribute("more", (p + 1) * size < total);
        model.addAttribute("total", total);
        return "complaint/public";
    }

    @GetMapping("/complaints/public")
    String publicRedirect(@RequestParam(required = false) String tenant) {
        if (tenant == null || tenancy.bySlug(tenant).isEmpty()) {
            return "redirect:/complaints";
        }
        return "redirect:/t/" + tenant + "/complaints";
    }

    private String date(java.time.Instant i, Tenant t, Locale locale) {
        return Format.date(i, complaints, t.id(), locale);
    }

    /** Dates in the tenant's zone for the templates. */
    public static class Format {
        private final Locale locale;
        private final ComplaintService.View v;

        Format(Locale locale, ComplaintService.View v) {
            this.locale = locale;
            this.v = v;
        }

        public String at(java.time.Instant i) {
            if (i == null) {
                return "";
            }
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                    .withZone(java.time.ZoneId.of(zoneOf(v))).format(i);
        }

        private static String zoneOf(ComplaintService.View v) {
            return v == null ? "Asia/Jakarta" : v.zone();
        }

        static String date(java.time.Instant i, ComplaintService service, id.gerai.platform.TenantId tenant, Locale locale) {
            if (i == null) {
                return "";
            }
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(service.zone(tenant)).format(i);
        }
    }
}
