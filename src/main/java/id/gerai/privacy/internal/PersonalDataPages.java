package id.gerai.privacy.internal;

import id.gerai.application.TrackingNumber;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.Masking;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Data pribadi saya": what Gerai holds about the signed-in account, per category, with why and for how long, and the
 * download of the whole copy. Plain HTML and a plain link, so both work without JavaScript. Anonymous visitors are sent
 * to the login page by the page security chain like on every other account page.
 */
@Controller
class PersonalDataPages {

    /** The zone the account pages show times in; an account spans tenants, so no tenant's zone applies. */
    static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    /** An application row of the page. */
    record ApplicationRow(String trackingNo, String display, String serviceName, String serviceNameEn, String tenantName,
                          String status, Instant createdAt) {
    }

    /** A complaint row of the page. */
    record ComplaintRow(String trackingNo, String display, String title, String tenantName, String status, Instant filedAt) {
    }

    /** An issued-document row of the page. */
    record DocumentRow(String number, String title, String status, String trackingNo, String display, Instant issuedAt) {
    }

    private final PersonalDataExport export;

    PersonalDataPages(PersonalDataExport export) {
        this.export = export;
    }

    @GetMapping("/account/data")
    String page(Model model) {
        GeraiUser user = CurrentUser.require();
        PersonalData data = export.read(user);
        model.addAttribute("data", data);
        model.addAttribute("citizen", user.citizen());
        model.addAttribute("nikMasked", Masking.nik(data.account().nik()));
        model.addAttribute("applications", data.applications().stream()
                .map(a -> new ApplicationRow(a.trackingNo(), TrackingNumber.display(a.trackingNo()), a.serviceName(),
                        a.serviceNameEn(), a.tenantName(), a.status().name(), a.createdAt()))
                .toList());
        model.addAttribute("complaints", data.complaints().stream()
                .map(c -> new ComplaintRow(c.trackingNo(), TrackingNumber.display(c.trackingNo()), c.title(), c.tenantName(),
                        c.status(), c.filedAt()))
                .toList());
        model.addAttribute("documents", data.issuedDocuments().stream()
                .map(d -> new DocumentRow(d.number(), d.title(), d.status().name(), d.applicationTrackingNo(),
                        TrackingNumber.display(d.applicationTrackingNo()), d.issuedAt()))
                .toList());
        PersonalDataExport.Retentions kept = export.retentions();
        model.addAttribute("retentionDays", days(kept.messages()));
        model.addAttribute("draftRetentionDays", days(kept.applications().draft()));
        model.addAttribute("applicationRetentionDays", days(kept.applications().closed()));
        model.addAttribute("complaintRetentionDays", days(kept.complaints()));
        model.addAttribute("now", Instant.now());
        return "privacy/data";
    }

    /**
     * The copy as a JSON file: the same record, written by the same converter, as {@code GET /api/me/personal-data}.
     * Spring Security's {@code Cache-Control: no-store} keeps it out of shared caches.
     */
    @GetMapping("/account/data/export")
    ResponseEntity<PersonalData> download() {
        PersonalData data = export.export(CurrentUser.require(), PersonalDataExport.Channel.PAGE);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(LocalDate.ofInstant(data.generatedAt(), ZONE))).build().toString())
                .body(data);
    }

    static String fileName(LocalDate day) {
        return "gerai-data-pribadi-" + day + ".json";
    }

    /** A retention in whole days as the page states it (the settings are in days; at least one). */
    private static long days(Duration d) {
        return Math.max(1, d.toDays());
    }
}
