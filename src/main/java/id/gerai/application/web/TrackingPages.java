package id.gerai.application.web;

import id.gerai.application.Application;
import id.gerai.application.ApplicationStatus;
import id.gerai.application.Applications;
import id.gerai.application.Applications.ApplicationDetail;
import id.gerai.application.Applications.ApplicationSummary;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Following an application: the citizen's list ({@code /applications}), one application's status, steps, history
 * and documents ({@code /applications/{tracking}}), downloading an uploaded document, withdrawing an open
 * application and discarding a draft. Officers are named by role only, never by name.
 */
@Controller
class TrackingPages {

    private static final int LIST_LIMIT = 200;

    private final Applications applications;
    private final CitizenViews views;
    private final PageFormat format;

    TrackingPages(Applications applications, CitizenViews views, PageFormat format) {
        this.applications = applications;
        this.views = views;
        this.format = format;
    }

    /** One line of "my applications". {@code next} is where the citizen carries on: the form of a draft or correction. */
    record Item(String tracking, String display, String serviceName, String tenantName, String status, String createdAt,
                String submittedAt, String dueAt, String decidedAt, String next) {
    }

    @GetMapping("/applications")
    String mine(Locale locale, Model model) {
        GeraiUser me = CurrentUser.require();
        List<ApplicationSummary> mine = applications.mine(me, LIST_LIMIT);
        model.addAttribute("items", mine.stream().map(s -> item(s, locale)).toList());
        model.addAttribute("citizen", me.citizen());
        return "application/citizen/list";
    }

    private Item item(ApplicationSummary s, Locale locale) {
        ZoneId zone = format.zone(s.tenant());
        String next = s.status().editable() ? "/applications/" + s.trackingNo() + "/form" : null;
        return new Item(s.trackingNo(), s.displayTracking(), PageFormat.pick(s.serviceName(), s.serviceNameEn(), locale),
                s.tenantName(), s.status().name(), format.date(s.createdAt(), zone, locale), format.date(s.submittedAt(), zone, locale),
                format.date(s.dueAt(), zone, locale), format.date(s.decidedAt(), zone, locale), next);
    }

    @GetMapping("/applications/{tracking}")
    String detail(@PathVariable String tracking, Locale locale, Model model) {
        ApplicationDetail d = views.load(tracking);
        FormView form = views.form(d, d.application().data(), Map.of(), Map.of(), locale);
        model.addAttribute("h", views.header(d, locale));
        model.addAttribute("d", d);
        model.addAttribute("steps", views.steps(d, locale));
        model.addAttribute("history", views.history(d, locale));
        model.addAttribute("documents", views.documents(d, null, locale).stream().filter(CitizenViews.DocumentView::uploaded).toList());
        model.addAttribute("correction", FilingPages.correction(d, form, locale));
        model.addAttribute("submitted", d.application().status() != ApplicationStatus.DRAFT);
        model.addAttribute("own", CurrentUser.require().accountId().equals(d.application().applicantId()));
        return "application/citizen/detail";
    }

    @GetMapping("/applications/{tracking}/documents/{code}")
    ResponseEntity<InputStreamResource> download(@PathVariable String tracking, @PathVariable String code) {
        ApplicationDetail d = views.load(tracking);
        Application app = d.application();
        Applications.DocumentContent content = applications.document(app.tenant(), app.id(), code, CurrentUser.require())
                .orElseThrow(() -> GeraiException.notFound("not-found"));
        MediaType type;
        try {
            type = MediaType.parseMediaType(content.document().contentType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(content.document().size())
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.document().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content.content()));
    }

    @PostMapping("/applications/{tracking}/withdraw")
    String withdraw(@PathVariable String tracking, @RequestParam(required = false) String reason,
                    @RequestParam(required = false) String confirm, RedirectAttributes redirect) {
        ApplicationDetail d = views.load(tracking);
        Application app = d.application();
        String base = "/applications/" + app.trackingNo();
        if (!d.permissions().withdraw()) {
            redirect.addFlashAttribute("flashError", "error.application-not-open");
            return "redirect:" + base;
        }
        if (confirm == null) {
            redirect.addFlashAttribute("withdrawError", "citizen.withdraw.confirm-required");
            redirect.addFlashAttribute("withdrawReason", reason);
            return "redirect:" + base + "#withdraw";
        }
        try {
            applications.withdraw(app.tenant(), app.id(), reason, CurrentUser.require());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("withdrawError", e.fields().values().iterator().next());
            redirect.addFlashAttribute("withdrawReason", reason);
            return "redirect:" + base + "#withdraw";
        }
        redirect.addFlashAttribute("flashOk", "citizen.withdraw.done");
        return "redirect:" + base;
    }

    @PostMapping("/applications/{tracking}/discard")
    String discard(@PathVariable String tracking, @RequestParam(required = false) String confirm,
                   RedirectAttributes redirect) {
        ApplicationDetail d = views.load(tracking);
        Application app = d.application();
        String base = "/applications/" + app.trackingNo();
        if (app.status() != ApplicationStatus.DRAFT || !d.permissions().edit()) {
            redirect.addFlashAttribute("flashError", "error.application-not-editable");
            return "redirect:" + base;
        }
        if (confirm == null) {
            redirect.addFlashAttribute("discardError", "citizen.discard.confirm-required");
            return "redirect:" + base + "#discard";
        }
        applications.discard(app.tenant(), app.id(), CurrentUser.require());
        redirect.addFlashAttribute("flashOk", "citizen.discard.done");
        return "redirect:/applications";
    }
}
