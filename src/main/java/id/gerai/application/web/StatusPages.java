package id.gerai.application.web;

import id.gerai.application.Applications;
import id.gerai.application.Applications.PublicStatus;
import id.gerai.application.TrackingNumber;
import id.gerai.platform.Throttled;
import id.gerai.platform.web.ThrottledResponses;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public status check at {@code /status}: anyone holding a receipt's tracking number and access code sees where
 * the application is, and nothing personal. Posted, not put in the URL, so the access code stays out of logs and
 * browser history; repeated wrong codes for one number are refused for a while by the application service.
 */
@Controller
class StatusPages {

    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Jakarta");

    private final Applications applications;
    private final TenancyApi tenancy;
    private final PageFormat format;

    StatusPages(Applications applications, TenancyApi tenancy, PageFormat format) {
        this.applications = applications;
        this.tenancy = tenancy;
        this.format = format;
    }

    /** The status as the page shows it, texts in the page's language. */
    record StatusView(String display, String serviceName, String tenantName, String status, String submittedAt,
                      String dueAt, String decidedAt, String currentStep) {
    }

    @GetMapping("/status")
    String form(Model model) {
        model.addAttribute("errors", Map.of());
        model.addAttribute("trackingNo", "");
        return "application/citizen/status";
    }

    @PostMapping("/status")
    String check(@RequestParam(required = false) String trackingNo, @RequestParam(required = false) String accessCode,
                 Locale locale, Model model, HttpServletResponse response) {
        String typed = trackingNo == null ? "" : trackingNo.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (typed.isEmpty()) {
            errors.put("trackingNo", "citizen.status.tracking-required");
        } else if (TrackingNumber.normalize(typed) == null) {
            errors.put("trackingNo", "citizen.status.tracking-invalid");
        }
        if (accessCode == null || accessCode.isBlank()) {
            errors.put("accessCode", "citizen.status.code-required");
        }
        model.addAttribute("trackingNo", typed.length() > 40 ? typed.substring(0, 40) : typed);
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "application/citizen/status";
        }
        Optional<PublicStatus> found;
        try {
            found = applications.publicStatus(typed, accessCode);
        } catch (Throttled e) {
            // too many wrong codes for this number: the form stays, with the wait in the status and the header
            ThrottledResponses.refuse(response, e);
            model.addAttribute("notice", "error." + e.code());
            return "application/citizen/status";
        }
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("notice", "citizen.status.not-found");
            return "application/citizen/status";
        }
        PublicStatus s = found.get();
        // the public answer names the region, not its id: its zone is looked up by name (Asia/Jakarta if none matches)
        ZoneId zone = tenancy.tenants().stream().filter(t -> t.name().equals(s.tenantName())).findFirst()
                .map(Tenant::id).map(format::zone).orElse(DEFAULT_ZONE);
        model.addAttribute("result", new StatusView(TrackingNumber.display(s.trackingNo()),
                PageFormat.pick(s.serviceName(), s.serviceNameEn(), locale), s.tenantName(), s.status().name(),
                format.dateTime(s.submittedAt(), zone, locale), format.date(s.dueAt(), zone, locale),
                format.dateTime(s.decidedAt(), zone, locale),
                s.currentStep() == null ? null : PageFormat.pick(s.currentStep(), s.currentStepEn(), locale)));
        model.addAttribute("trackingNo", "");
        return "application/citizen/status";
    }
}
