package id.gerai.complaint.internal;

import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The complaints API: filing and tracking for anyone, the public list, the staff flow, the SP4N-LAPOR! exchange. */
@RestController
@Tag(name = "Complaints", description = "Complaints, aspirations and information requests (pengaduan; SP4N-LAPOR!)")
class ComplaintApiController {

    private final ComplaintService complaints;
    private final LaporExchange lapor;
    private final TenancyApi tenancy;

    private final FilingThrottle filings;

    private final MessageSource messages;

    ComplaintApiController(ComplaintService complaints, LaporExchange lapor, TenancyApi tenancy, FilingThrottle filings,
                           MessageSource messages) {
        this.messages = messages;
        this.filings = filings;
        this.complaints = complaints;
        this.lapor = lapor;
        this.tenancy = tenancy;
    }

    /**
     * A new report. {@code tenant} is the region's slug (e.g. {@code kota-tangerang}); {@code kind} ASPIRASI,
     * PENGADUAN or INFORMASI. Without a signed-in citizen, {@code email} or {@code phone} is required.
     */
    record FileRequest(String tenant, String kind, String title, String body, String incidentDate, String location,
                       UUID serviceId, String applicationTracking, UUID agencyId, UUID servicePointId, Boolean confidential,
                       Boolean anonymous, String name, String email, String phone, String lang) {
    }

    /** The receipt: the tracking number and the access code (shown only here and in the receipt e-mail). */
    record Receipt(String trackingNo, String trackingDisplay, String accessCode, String status, Instant filedAt,
                   Instant dueAt, String trackUrl) {
    }

    /**
     * The reporter's access: {@code action} absent reads the complaint; {@code reply} adds {@code body} (with
     * {@code reopen} after a follow-up: back to the agency); {@code rate} closes with {@code rating} 1–5 and/or
     * {@code satisfied}.
     */
    record TrackRequest(String trackingNo, String accessCode, String action, String body, Boolean reopen, Integer rating,
                        Boolean satisfied, String comment) {
    }

    record PublicPage(String tenant, String tenantName, int total, int limit, int offset, List<ComplaintJson.PublicJson> items) {
    }

    record InboxJson(List<ComplaintJson> items, ComplaintService.Counts counts, boolean coordinator) {
    }

    record VerifyRequest(String kind, UUID agencyId, Boolean confidential, String note) {
    }

    record ForwardRequest(UUID agencyId, String note) {
    }

    record ReasonRequest(String reason) {
    }

    record FollowUpRequest(String body) {
    }

    // --- anyone ---------------------------------------------------------------------------------------------

    @Operation(summary = "File a complaint, aspiration or information request (JSON)",
            description = "Anonymous or as the signed-in citizen. Answers the tracking number and the access code; "
                    + "both are needed to follow it without an account. One account, or one network address without "
                    + "an account, may file gerai.complaints.filings-per-hour reports an hour (20 by default); the "
                    + "next is refused with 429 complaint-filing-throttled.")
    @PostMapping(path = "/api/complaints", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Receipt> file(@RequestBody FileRequest body, jakarta.servlet.http.HttpServletRequest request) {
        return receipt(fileWith(body, List.of(), request));
    }

    @Operation(summary = "File a complaint with attachments (multipart)",
            description = "Part 'complaint' is the JSON of the JSON variant; parts 'files' are attachments (PDF, JPEG, "
                    + "PNG; at most 5 of 5 MB, the type sniffed from the content). The same hourly allowance per sender "
                    + "as the JSON variant (429 complaint-filing-throttled).")
    @PostMapping(path = "/api/complaints", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Receipt> fileMultipart(@RequestPart("complaint") FileRequest body,
                                          @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                          jakarta.servlet.http.HttpServletRequest request) {
        return receipt(fileWith(body, files == null ? List.of() : files, request));
    }

    private ComplaintService.Filed fileWith(FileRequest body, List<MultipartFile> files,
                                            jakarta.servlet.http.HttpServletRequest request) {
        GeraiUser user = CurrentUser.get().orElse(null);
        String sender = FilingThrottle.sender(user, request);
        filings.check(sender);
        if (body == null || body.tenant() == null || body.tenant().isBlank()) {
            throw InvalidInput.of("tenant", "complaint.error.tenant");
        }
        Tenant t = tenancy.bySlug(body.tenant().strip()).orElseThrow(() -> InvalidInput.of("tenant", "complaint.error.tenant"));
        String lang = body.lang() != null ? body.lang() : LocaleContextHolder.getLocale().getLanguage();
        var in = new ComplaintService.NewComplaint(body.kind(), body.title(), body.body(), body.incidentDate(), body.location(),
                body.serviceId(), body.applicationTracking(), body.agencyId(), body.servicePointId(),
                Boolean.TRUE.equals(body.confidential()), Boolean.TRUE.equals(body.anonymous()), body.name(), body.email(),
                body.phone(), lang);
        ComplaintService.Filed filed = withUploads(files, uploads -> complaints.file(t.id(), in, uploads, user, "API"));
        filings.spent(sender);
        return filed;
    }

    private ResponseEntity<Receipt> receipt(ComplaintService.Filed f) {
        Complaint c = f.complaint();
        return ResponseEntity.created(URI.create("/complaints/track?no=" + c.trackingNo()))
                .body(new Receipt(c.trackingNo(), c.displayTracking(), f.accessCode(), c.status().name(), c.filedAt(),
                        c.dueAt(), "/complaints/track?no=" + c.trackingNo()));
    }

    @Operation(summary = "Track a complaint (tracking number + access code); reply or rate",
            description = "404 complaint-not-found unless both match; after 5 wrong codes for a number, 429 for 15 minutes.")
    @PostMapping("/api/complaints/track")
    ComplaintJson track(@RequestBody TrackRequest body) {
        if (body == null) {
            throw InvalidInput.of("trackingNo", "complaint.error.tracking-required");
        }
        GeraiUser me = CurrentUser.get().orElse(null);
        ComplaintService.View v;
        if (body.action() == null || body.action().isBlank()) {
            v = complaints.reporterView(body.trackingNo(), body.accessCode(), me)
                    .orElseThrow(() -> GeraiException.notFound("complaint-not-found"));
        } else if (body.action().equals("reply")) {
            v = complaints.reply(body.trackingNo(), body.accessCode(), me, body.body(), Boolean.TRUE.equals(body.reopen()), List.of());
        } else if (body.action().equals("rate")) {
            v = complaints.rate(body.trackingNo(), body.accessCode(), me, body.rating(), body.satisfied(), body.comment());
        } else {
            throw InvalidInput.of("action", "complaint.error.action");
        }
        return ComplaintJson.of(v, complaints.agencyNames(v.complaint().tenant()), notice());
    }

    @Operation(summary = "Download an attachment of a tracked complaint (tracking number + access code)",
            description = "The body is the tracking request's {trackingNo, accessCode}: the code stays out of the URL. "
                    + "404 complaint-not-found unless both match (the same throttle as tracking), 404 not-found for an "
                    + "attachment number the complaint does not have.")
    @PostMapping("/api/complaints/track/attachments/{seq}")
    ResponseEntity<InputStreamResource> trackedAttachment(@PathVariable int seq, @RequestBody TrackRequest body) {
        if (body == null) {
            throw InvalidInput.of("trackingNo", "complaint.error.tracking-required");
        }
        ComplaintService.View v = complaints.reporterView(body.trackingNo(), body.accessCode(), CurrentUser.get().orElse(null))
                .orElseThrow(() -> GeraiException.notFound("complaint-not-found"));
        return download(complaints, v, seq);
    }

    @Operation(summary = "Public complaints of a region",
            description = "Verified complaints that are not confidential, with the agencies' follow-ups; never the reporter.")
    @GetMapping("/api/complaints/public")
    PublicPage publicList(@RequestParam String tenant, @RequestParam(defaultValue = "20") int limit,
                          @RequestParam(defaultValue = "0") int offset) {
        Tenant t = tenancy.bySlug(tenant).orElseThrow(() -> GeraiException.notFound("tenant-not-found"));
        int l = Math.max(1, Math.min(limit, 100));
        int o = Math.max(0, offset);
        return new PublicPage(t.slug(), t.name(), complaints.publicCount(t.id()), l, o,
                complaints.publicList(t.id(), l, o).stream().map(ComplaintJson.PublicJson::of).toList());
    }

    @Operation(summary = "My complaints", description = "The signed-in citizen's complaints in every region, newest first.")
    @GetMapping("/api/complaints/mine")
    List<ComplaintJson> mine() {
        GeraiUser me = CurrentUser.require();
        List<ComplaintJson> out = new ArrayList<>();
        for (Complaint c : complaints.mine(me, 200)) {
            var v = complaints.view(c, ComplaintService.Perspective.REPORTER);
            out.add(ComplaintJson.of(v, complaints.agencyNames(c.tenant()), notice()));
        }
        return out;
    }

    // --- staff ------------------------------------------------------------------------------------------------

    @Operation(summary = "Complaint inbox (coordinator: the whole region; agency staff: their agency's)",
            description = "filter: OPEN (default), NEW, DUE_SOON, OVERDUE, POSTPONED, FORWARDED, ANSWERED, FINISHED, ALL. "
                    + "Agency staff never see the reporter of an anonymous complaint.")
    @GetMapping("/api/tenants/{tenant}/complaints")
    InboxJson inbox(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam(defaultValue = "OPEN") String filter,
                    @RequestParam(required = false) UUID agency, @RequestParam(defaultValue = "100") int limit) {
        ComplaintService.Filter f;
        try {
            f = ComplaintService.Filter.valueOf(filter.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("filter", "complaint.error.filter");
        }
        GeraiUser me = CurrentUser.require();
        var inbox = complaints.inbox(tenant.id(), f, agency, me, Math.max(1, Math.min(limit, 500)));
        Map<UUID, String> names = complaints.agencyNames(tenant.id());
        return new InboxJson(inbox.items().stream().map(i -> ComplaintJson.of(new ComplaintService.View(i.complaint(),
                tenant.slug(), tenant.name(), i.agencyName(), null, null, List.of(), List.of(), List.of(),
                inbox.coordinator() ? ComplaintService.Perspective.COORDINATOR : ComplaintService.Perspective.AGENCY,
                i.overdue(), i.dueSoon(), null, null), names, notice())).toList(), inbox.counts(), inbox.coordinator());
    }

    @Operation(summary = "One complaint for staff (with history)")
    @GetMapping("/api/tenants/{tenant}/complaints/{id}")
    ComplaintJson get(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id) {
        return json(complaints.staffView(tenant.id(), id, CurrentUser.require()));
    }

    @Operation(summary = "Verify (coordinator)", description = "RECEIVED -> VERIFIED; may correct kind, agency and confidentiality.")
    @PostMapping("/api/tenants/{tenant}/complaints/{id}/verify")
    ComplaintJson verify(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id,
                         @RequestBody(required = false) VerifyRequest body) {
        VerifyRequest b = body == null ? new VerifyRequest(null, null, null, null) : body;
        return json(complaints.verify(tenant.id(), id, b.kind(), b.agencyId(), b.confidential(), b.note(), CurrentUser.require()));
    }

    @Operation(summary = "Forward to the agency in charge (coordinator)", description = "The follow-up limit starts.")
    @PostMapping("/api/tenants/{tenant}/complaints/{id}/forward")
    ComplaintJson forward(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id,
                          @RequestBody(required = false) ForwardRequest body) {
        ForwardRequest b = body == null ? new ForwardRequest(null, null) : body;
        return json(complaints.forward(tenant.id(), id, b.agencyId(), b.note(), CurrentUser.require()));
    }

    @Operation(summary = "Postpone: wait for more from the reporter (coordinator)")
    @PostMapping("/api/tenants/{tenant}/complaints/{id}/postpone")
    ComplaintJson postpone(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id,
                           @RequestBody(required = false) ReasonRequest body) {
        return json(complaints.postpone(tenant.id(), id, body == null ? null : body.reason(), CurrentUser.require()));
    }

    @Operation(summary = "Resume a postponed complaint (coordinator)")
    @PostMapping("/api/tenants/{tenant}/complaints/{id}/resume")
    ComplaintJson resume(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id) {
        return json(complaints.resume(tenant.id(), id, CurrentUser.require()));
    }

    @Operation(summary = "Archive (coordinator)")
    @PostMapping("/api/tenants/{tenant}/complaints/{id}/archive")
    ComplaintJson archive(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id,
                          @RequestBody(required = false) ReasonRequest body) {
        return json(complaints.archive(tenant.id(), id, body == null ? null : body.reason(), CurrentUser.require()));
    }

    @Operation(summary = "Not the region's authority (coordinator)")
    @PostMapping("/api/tenants/{tenant}/complaints/{id}/not-authority")
    ComplaintJson notAuthority(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id,
                               @RequestBody(required = false) ReasonRequest body) {
        return json(complaints.notAuthority(tenant.id(), id, body == null ? null : body.reason(), CurrentUser.require()));
    }

    @Operation(summary = "Post the agency's follow-up (agency staff, JSON)")
    @PostMapping(path = "/api/tenants/{tenant}/complaints/{id}/follow-up", consumes = MediaType.APPLICATION_JSON_VALUE)
    ComplaintJson followUp(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id,
                           @RequestBody(required = false) FollowUpRequest body) {
        return json(complaints.followUp(tenant.id(), id, body == null ? null : body.body(), List.of(), CurrentUser.require()));
    }

    @Operation(summary = "Post the agency's follow-up with files (agency staff, multipart: 'body' and 'files')")
    @PostMapping(path = "/api/tenants/{tenant}/complaints/{id}/follow-up", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ComplaintJson followUpMultipart(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id,
                                    @RequestParam(required = false) String body,
                                    @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        GeraiUser me = CurrentUser.require();
        return json(withUploads(files == null ? List.of() : files,
                uploads -> complaints.followUp(tenant.id(), id, body, uploads, me)));
    }

    @Operation(summary = "Download an attachment (staff who may see the complaint)")
    @GetMapping("/api/tenants/{tenant}/complaints/{id}/attachments/{seq}")
    ResponseEntity<InputStreamResource> attachment(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID id,
                                                   @PathVariable int seq) {
        var v = complaints.staffView(tenant.id(), id, CurrentUser.require());
        return download(complaints, v, seq);
    }

    // --- SP4N-LAPOR! -----------------------------------------------------------------------------------------

    @Operation(summary = "Export the region's complaints in the SP4N-LAPOR! exchange format (coordinator)",
            description = "docs/lapor-format.md. Anonymous complaints carry no reporter; confidential ones are marked.")
    @GetMapping("/api/tenants/{tenant}/lapor/export")
    LaporExchange.LaporDocument export(@RequestAttribute("geraiTenant") Tenant tenant) {
        return lapor.export(tenant, CurrentUser.require());
    }

    @Operation(summary = "Import complaints from SP4N-LAPOR! (coordinator)",
            description = "Idempotent by laporId: a complaint imported before is left as it is. Each complaint is checked "
                    + "and imported on its own; the answer lists what was imported, skipped and refused.")
    @PostMapping("/api/tenants/{tenant}/lapor/import")
    LaporExchange.ImportResult importLapor(@RequestAttribute("geraiTenant") Tenant tenant,
                                           @RequestBody(required = false) LaporExchange.LaporDocument body) {
        return lapor.importDocument(tenant, body, CurrentUser.require());
    }

    // --- plumbing ---------------------------------------------------------------------------------------------

    private ComplaintJson json(ComplaintService.View v) {
        return ComplaintJson.of(v, complaints.agencyNames(v.complaint().tenant()), notice());
    }

    static <T> T withUploads(List<MultipartFile> files, java.util.function.Function<List<ComplaintService.Upload>, T> work) {
        List<InputStream> opened = new ArrayList<>();
        try {
            List<ComplaintService.Upload> uploads = new ArrayList<>();
            for (MultipartFile f : files) {
                if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
                    continue; // an empty file input of a form
                }
                InputStream in = f.getInputStream();
                opened.add(in);
                uploads.add(new ComplaintService.Upload(f.getOriginalFilename(), in));
            }
            return work.apply(uploads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (InputStream in : opened) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
    }

    static ResponseEntity<InputStreamResource> download(ComplaintService complaints, ComplaintService.View v, int seq) {
        var a = v.attachments().stream().filter(x -> x.seq() == seq).findFirst()
                .orElseThrow(() -> GeraiException.notFound("not-found"));
        InputStream in = complaints.open(v, seq).orElseThrow(() -> GeraiException.notFound("not-found"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(a.size())
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(in));
    }

    /** What an anonymised complaint's {@code personalDataNotice} says, in the request's language. */
    private String notice() {
        return messages.getMessage("complaint.anonymised.text", null, LocaleContextHolder.getLocale());
    }
}
