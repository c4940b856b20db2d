package id.gerai.application.web;

import id.gerai.application.Application;
import id.gerai.application.Applications;
import id.gerai.application.Applications.ApplicationDetail;
import id.gerai.application.Applications.StepProgress;
import id.gerai.application.AttachedDocument;
import id.gerai.application.Correction;
import id.gerai.application.HistoryEntry;
import id.gerai.catalog.FormFields;
import id.gerai.catalog.ServiceDesign.RequiredDocument;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.region.Region;
import id.gerai.region.RegionApi;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What the citizen's pages share: loading an application the signed-in person may see (404 otherwise, so nobody
 * learns that someone else's tracking number exists), and turning it into texts in the page's language.
 */
@Component
class CitizenViews {

    private final Applications applications;
    private final PageFormat format;
    private final RegionApi regions;
    private final long uploadLimitKb;

    /**
     * @param uploadLimit the servlet's cap on one uploaded file: a document may allow more in its design, but no
     *                    larger file reaches the application, so the page never promises more than this
     */
    CitizenViews(Applications applications, PageFormat format, RegionApi regions,
                 @Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize uploadLimit) {
        this.applications = applications;
        this.format = format;
        this.regions = regions;
        this.uploadLimitKb = uploadLimit.toKilobytes();
    }

    /** The largest file the servlet accepts, in kilobytes. */
    long uploadLimitKb() {
        return uploadLimitKb;
    }

    /** The application with this tracking number, if the signed-in person may see it; 404 otherwise. */
    ApplicationDetail load(String tracking) {
        GeraiUser me = CurrentUser.require();
        return applications.detail(tracking, me).orElseThrow(() -> GeraiException.notFound("application-not-found"));
    }

    /**
     * An application's facts as every page shows them. {@code accessCode} only for the applicant and the officer who
     * filed for them: the status check's second factor is theirs to hand on. {@code anonymisedAt} (formatted; empty while
     * the data is kept) says when retention removed the applicant's personal data: the applicant fields are null then.
     */
    record Header(String tracking, String display, List<String> groups, String serviceName, String tenantName,
                  String agencyName, String status, String channel, String applicantName, String maskedNik, String createdAt,
                  String submittedAt, String dueAt, String dueDate, String decidedAt, String accessCode, boolean overdue,
                  String anonymisedAt) {

        public boolean anonymised() {
            return !anonymisedAt.isEmpty();
        }
    }

    Header header(ApplicationDetail d, Locale locale) {
        Application a = d.application();
        ZoneId zone = format.zone(a.tenant());
        String display = a.displayTracking();
        return new Header(a.trackingNo(), display, List.of(display.split("-")),
                PageFormat.pick(d.serviceName(), d.serviceNameEn(), locale), d.tenantName(), d.agencyName(), a.status().name(),
                a.channel().name(), a.applicantName(), a.maskedNik(), format.dateTime(a.createdAt(), zone, locale),
                format.dateTime(a.submittedAt(), zone, locale), format.dateTime(a.dueAt(), zone, locale),
                format.date(a.dueAt(), zone, locale), format.dateTime(a.decidedAt(), zone, locale),
                d.permissions().applicant() ? a.accessCode() : null, a.overdueAt(java.time.Instant.now()),
                format.date(a.anonymisedAt(), zone, locale));
    }

    /** The form of the version the application was filed under, with its values, errors and fields to fix. */
    FormView form(ApplicationDetail d, Map<String, Object> data, Map<String, String> errors, Map<String, Integer> extraRows,
                  Locale locale) {
        Correction c = d.application().correction();
        List<String> fixes = c == null || d.application().status() != id.gerai.application.ApplicationStatus.CORRECTION
                ? List.of() : c.fields();
        return new FormView(FormFields.fields(d.design().form()), data, errors, fixes, extraRows, PageFormat.english(locale),
                key -> format.message(key, null, locale), (key, args) -> format.message(key, args, locale), this::regionName,
                iso -> format.isoDate(iso, locale));
    }

    /** "Sukasari, Tangerang, Kota Tangerang" for a village code; {@code null} when unknown. */
    String regionName(String code) {
        Optional<Region> village = regions.find(code.strip());
        if (village.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        names.add(village.get().name());
        List<Region> above = regions.ancestors(village.get().code());
        for (int i = above.size() - 1; i >= 1 && names.size() < 3; i--) {
            names.add(above.get(i).name());
        }
        return String.join(", ", names);
    }

    /** A required document with what was uploaded for it. */
    record DocumentView(String code, String name, String types, String accept, String maxSize, boolean mandatory,
                        String fileName, String size, String uploadedAt, boolean fix, String error) {

        public boolean uploaded() {
            return fileName != null;
        }
    }

    List<DocumentView> documents(ApplicationDetail d, Map<String, String> errors, Locale locale) {
        ZoneId zone = format.zone(d.application().tenant());
        Correction c = d.application().correction();
        List<String> fixes = c == null || d.application().status() != id.gerai.application.ApplicationStatus.CORRECTION
                ? List.of() : c.documents();
        List<DocumentView> out = new ArrayList<>();
        for (RequiredDocument r : d.design().documents()) {
            AttachedDocument a = d.documents().stream().filter(x -> x.code().equals(r.code())).findFirst().orElse(null);
            int cap = (int) Math.min(r.maxSizeKb() > 0 ? r.maxSizeKb() : 5120, uploadLimitKb);
            out.add(new DocumentView(r.code(), PageFormat.pick(r.name(), r.nameEn(), locale),
                    String.join(", ", r.types().stream().map(CitizenViews::fileType).distinct().toList()),
                    String.join(",", r.types()), format.sizeKb(cap, locale), r.mandatory(),
                    a == null ? null : a.fileName(), a == null ? null : format.size(a.size(), locale),
                    a == null ? null : format.dateTime(a.uploadedAt(), zone, locale), fixes.contains(r.code()),
                    errors == null ? null : errors.get(r.code())));
        }
        // a document uploaded under a code the version no longer asks for is still listed, so it can be seen
        for (AttachedDocument a : d.documents()) {
            if (d.design().documents().stream().noneMatch(r -> r.code().equals(a.code()))) {
                out.add(new DocumentView(a.code(), a.code(), fileType(a.contentType()), a.contentType(), "", false, a.fileName(),
                        format.size(a.size(), locale), format.dateTime(a.uploadedAt(), zone, locale), false, null));
            }
        }
        return out;
    }

    /** One step of the procedure as the tracking page shows it: never who, only which role. */
    record StepView(String name, String state, String role, String doneAt, String due, String expected, boolean overdue) {
    }

    List<StepView> steps(ApplicationDetail d, Locale locale) {
        ZoneId zone = format.zone(d.application().tenant());
        java.time.Instant now = java.time.Instant.now();
        List<StepView> out = new ArrayList<>();
        for (StepProgress s : d.steps()) {
            out.add(new StepView(PageFormat.pick(s.name(), s.nameEn(), locale), s.state(), s.role(),
                    format.dateTime(s.doneAt(), zone, locale), format.dateTime(s.due(), zone, locale),
                    format.date(s.expected(), locale), "ACTIVE".equals(s.state()) && s.due() != null && s.due().isBefore(now)));
        }
        return out;
    }

    /** One history row: what happened, at which step, in which role; a reason the citizen was given. */
    record HistoryView(String at, String action, String step, String role, String reason) {
    }

    List<HistoryView> history(ApplicationDetail d, Locale locale) {
        ZoneId zone = format.zone(d.application().tenant());
        List<HistoryView> out = new ArrayList<>();
        for (HistoryEntry h : d.history()) {
            String step = h.stepCode() == null ? null : d.steps().stream().filter(s -> s.code().equals(h.stepCode()))
                    .map(s -> PageFormat.pick(s.name(), s.nameEn(), locale)).findFirst().orElse(h.stepCode());
            Object reason = h.detail() == null ? null : h.detail().get("reason");
            out.add(new HistoryView(format.dateTime(h.at(), zone, locale), h.action(), step, h.actorRole(),
                    reason == null ? null : String.valueOf(reason)));
        }
        return out;
    }

    /** "application/pdf" is "PDF", "image/jpeg" is "JPEG". */
    static String fileType(String mime) {
        if (mime == null || mime.isBlank()) {
            return "";
        }
        String sub = mime.substring(mime.indexOf('/') + 1);
        int plus = sub.indexOf('+');
        return (plus > 0 ? sub.substring(0, plus) : sub).toUpperCase(Locale.ROOT);
    }
}
