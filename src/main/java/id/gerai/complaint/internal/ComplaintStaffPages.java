package id.gerai.complaint.internal;

import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.blob.BlobRejected;
import id.gerai.tenancy.Tenant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages: the coordinator's inbox of the whole region and the agency's inbox ({@code /manage/{tenant}/complaints},
 * counts and filters: new, due soon, overdue, …), one complaint with its history and the actions the viewer may take.
 * Agency staff never see who reported an anonymous complaint.
 */
@Controller
class ComplaintStaffPages {

    private final ComplaintService complaints;

    ComplaintStaffPages(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @GetMapping("/manage/{tenant}/complaints")
    String inbox(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam(defaultValue = "OPEN") String filter,
                 @RequestParam(required = false) String agency, Locale locale, Model model) {
        ComplaintService.Filter f;
        try {
            f = ComplaintService.Filter.valueOf(filter.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            f = ComplaintService.Filter.OPEN;
        }
        UUID agencyId = null;
        try {
            agencyId = agency == null || agency.isBlank() ? null : UUID.fromString(agency);
        } catch (IllegalArgumentException ignored) {
            // an unknown value shows everything
        }
        var inbox = complaints.inbox(tenant.id(), f, agencyId, CurrentUser.require(), 300);
        model.addAttribute("tenant", tenant);
        model.addAttribute("inbox", inbox);
        model.addAttribute("filter", f.name());
        model.addAttribute("agency", agencyId == null ? "" : agencyId.toString());
        model.addAttribute("agencies", complaints.agencies(tenant.id()));
        model.addAttribute("filters", List.of(ComplaintService.Filter.values()));
        model.addAttribute("zoneFmt", new Dates(locale, complaints.zone(tenant.id())));
        return "complaint/staff-inbox";
    }

    @GetMapping("/manage/{tenant}/complaints/{id}")
    String detail(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, Locale locale, Model model) {
        var v = complaints.staffView(tenant.id(), id, CurrentUser.require());
        model.addAttribute("tenant", tenant);
        model.addAttribute("v", v);
        model.addAttribute("c", v.complaint());
        model.addAttribute("agencies", complaints.agencies(tenant.id()));
        model.addAttribute("kinds", List.of(ComplaintKind.values()));
        model.addAttribute("fmt", new ComplaintPages.Format(locale, v));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "complaint/staff-detail";
    }

    @PostMapping("/manage/{tenant}/complaints/{id}/{action}")
    String act(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id, @PathVariable String action,
               @RequestParam Map<String, String> form, @RequestParam(name = "files", required = false) List<MultipartFile> files,
               RedirectAttributes redirect) {
        GeraiUser me = CurrentUser.require();
        String base = "redirect:/manage/" + tenant.slug() + "/complaints/" + id;
        try {
            switch (action) {
                case "verify" -> complaints.verify(tenant.id(), id, form.get("kind"), uuid(form.get("agencyId")),
                        form.containsKey("confidentialSet") ? form.containsKey("confidential") : null, form.get("note"), me);
                case "forward" -> complaints.forward(tenant.id(), id, uuid(form.get("agencyId")), form.get("note"), me);
                case "postpone" -> complaints.postpone(tenant.id(), id, form.get("reason"), me);
                case "resume" -> complaints.resume(tenant.id(), id, me);
                case "archive" -> complaints.archive(tenant.id(), id, form.get("reason"), me);
                case "not-authority" -> complaints.notAuthority(tenant.id(), id, form.get("reason"), me);
                case "follow-up" -> ComplaintApiController.withUploads(files == null ? List.of() : files,
                        uploads -> complaints.followUp(tenant.id(), id, form.get("body"), uploads, me));
                default -> throw GeraiException.notFound("not-found");
            }
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errors", e.fields());
            redirect.addFlashAttribute("failedAction", action);
            return base + "#action-" + action;
        } catch (BlobRejected e) {
            redirect.addFlashAttribute("errors", Map.of("files", "error." + e.code()));
            redirect.addFlashAttribute("failedAction", action);
            return base + "#action-" + action;
        } catch (GeraiException e) {
            if (e.status().value() == 409) {
                redirect.addFlashAttribute("flashError", "error." + e.code());
                return base;
            }
            throw e;
        }
        redirect.addFlashAttribute("done", "complaint.staff.done." + action);
        return base;
    }

    @GetMapping("/manage/{tenant}/complaints/{id}/attachments/{seq}")
    ResponseEntity<InputStreamResource> attachment(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id,
                                                   @PathVariable int seq) {
        var v = complaints.staffView(tenant.id(), id, CurrentUser.require());
        return ComplaintApiController.download(complaints, v, seq);
    }

    private static UUID uuid(String s) {
        return id.gerai.platform.web.FormValues.uuidOrNull(s);
    }

    /** Dates and times in the tenant's zone. */
    public record Dates(Locale locale, java.time.ZoneId zone) {
        public String at(java.time.Instant i) {
            return i == null ? "" : java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM,
                    java.time.format.FormatStyle.SHORT).withLocale(locale).withZone(zone).format(i);
        }
    }
}
