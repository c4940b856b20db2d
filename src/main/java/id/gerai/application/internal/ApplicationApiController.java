package id.gerai.application.internal;

import id.gerai.application.Application;
import id.gerai.application.ApplicationStatus;
import id.gerai.application.Applications;
import id.gerai.application.Applications.ApplicationDetail;
import id.gerai.application.Applications.ApplicationSummary;
import id.gerai.application.Applications.DecisionInput;
import id.gerai.application.Applications.InboxFilter;
import id.gerai.application.Applications.InboxItem;
import id.gerai.application.Applications.NewApplication;
import id.gerai.application.Applications.PublicStatus;
import id.gerai.application.Applications.StepProgress;
import id.gerai.application.Applications.WalkIn;
import id.gerai.application.AttachedDocument;
import id.gerai.application.Channel;
import id.gerai.application.Correction;
import id.gerai.application.Decision;
import id.gerai.application.Note;
import id.gerai.application.Task;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceSummary;
import id.gerai.identity.CurrentUser;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.Masking;
import id.gerai.platform.TenantId;
import id.gerai.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** The applications API: filing and tracking for citizens, inboxes and decisions for officers, the public status check. */
@RestController
@Tag(name = "Applications", description = "Filing, tracking and processing applications (permohonan)")
class ApplicationApiController {

    private final Applications applications;
    private final CatalogApi catalog;
    private final MessageSource messages;

    ApplicationApiController(Applications applications, CatalogApi catalog, MessageSource messages) {
        this.applications = applications;
        this.catalog = catalog;
        this.messages = messages;
    }

    // --- bodies -----------------------------------------------------------------------------------------

    /**
     * A new application. {@code service} is the service's id or slug. With {@code submit} the application is
     * submitted at once (files in the same multipart request are attached first).
     */
    record ApplicationRequest(String service, UUID servicePointId, Map<String, Object> data, Boolean submit, String lang) {
    }

    /** A counter filing for a walk-in citizen. */
    record CounterRequest(String service, UUID servicePointId, String nik, String fullName, String phone, String email,
                          Map<String, Object> data, Boolean submit) {
    }

    record DataRequest(Map<String, Object> data, Integer lockVersion) {
    }

    record ReasonRequest(String reason) {
    }

    record DecisionRequest(Decision decision, String reason, List<String> fields, List<String> documents) {
    }

    record NoteRequest(String body) {
    }

    record StatusRequest(String trackingNo, String accessCode) {
    }

    /**
     * An application as the API returns it; {@code accessCode}, {@code notes} and {@code tasks} only to those who may see
     * them. Once its retention ended, {@code anonymisedAt} is set, the applicant fields are null, {@code data} is empty
     * and {@code personalDataNotice} says why in the request's language.
     */
    record ApplicationView(String trackingNo, String trackingDisplay, String accessCode, String tenant, String tenantName,
                           UUID serviceId, int serviceVersion, String serviceName, String agencyName, ApplicationStatus status,
                           Channel channel, UUID servicePointId, String applicantName, String applicantNik,
                           Map<String, Object> data, Correction correction, String decisionReason, Instant createdAt,
                           Instant submittedAt, Instant dueAt, Instant decidedAt, int lockVersion,
                           List<AttachedDocument> documents, List<StepProgress> steps, List<HistoryView> history,
                           List<TaskView> tasks, List<Note> notes, Instant anonymisedAt, String personalDataNotice) {
    }

    /** One history row; who acted is given by role only. */
    record HistoryView(Instant at, String action, String step, String actorRole, ApplicationStatus status,
                       Map<String, Object> detail) {
    }

    record TaskView(UUID id, String step, String role, UUID agencyId, String status, boolean claimedByMe, Instant dueAt,
                    String outcome, boolean mayAct) {
    }

    record InboxView(List<InboxItemView> items, Applications.Counts counts) {
    }

    record InboxItemView(UUID taskId, String trackingNo, String trackingDisplay, String service, String step,
                         String agency, String applicantName, String taskStatus, boolean claimedByMe, Instant dueAt,
                         boolean dueSoon, boolean overdue, Channel channel) {
    }

    // --- citizen ----------------------------------------------------------------------------------------

    /** Both variants of filing share one path, and so one description in the OpenAPI document. */
    private static final String FILING = "Creates a draft of the service's published version for the signed-in citizen, "
            + "and submits it when submit is true. As JSON, or as multipart: part 'application' is the JSON, every other "
            + "file part is a document named by its document code. The files are checked (type sniffed from the bytes, "
            + "size cap) before anything is written; then the draft, its documents and the submission are one "
            + "transaction. A refused submission (422, field by field) keeps the draft and its documents; a refused file "
            + "(422) leaves nothing. An Idempotency-Key header makes retries safe: the same key returns the application "
            + "made the first time, and completes and submits it if it was kept as a draft.";

    @Operation(summary = "File an application (JSON or multipart with its documents)", description = FILING)
    @PostMapping(path = "/api/tenants/{tenant}/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApplicationView> create(@RequestAttribute("geraiTenant") Tenant tenant, @RequestBody ApplicationRequest body,
                                           @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return created(file(tenant, body, key, Map.of()));
    }

    @Operation(summary = "File an application (JSON or multipart with its documents)", description = FILING)
    @PostMapping(path = "/api/tenants/{tenant}/applications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ApplicationView> createMultipart(@RequestAttribute("geraiTenant") Tenant tenant,
                                                    @RequestPart("application") ApplicationRequest body,
                                                    @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                    MultipartHttpServletRequest request) {
        return created(file(tenant, body, key, request.getFileMap()));
    }

    /** The draft, its documents and the submission in one transaction (see {@link Applications#file}). */
    private ApplicationDetail file(Tenant tenant, ApplicationRequest body, String key, Map<String, MultipartFile> files) {
        GeraiUser me = CurrentUser.require();
        UUID serviceId = serviceId(tenant.id(), body.service());
        String lang = body.lang() != null ? body.lang() : LocaleContextHolder.getLocale().getLanguage();
        List<Applications.NewDocument> documents = new ArrayList<>();
        try {
            for (var e : files.entrySet()) {
                if (!e.getKey().equals("application")) {
                    documents.add(new Applications.NewDocument(e.getKey(), e.getValue().getOriginalFilename(),
                            e.getValue().getInputStream()));
                }
            }
            return applications.file(tenant.id(), new NewApplication(serviceId, body.servicePointId(), body.data(), lang, key, null),
                    documents, Boolean.TRUE.equals(body.submit()), me);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            for (Applications.NewDocument d : documents) {
                try {
                    d.content().close();
                } catch (IOException ignored) {
                    // the request's parts are cleaned up with the request
                }
            }
        }
    }

    /** Submits {@code app} when asked and it is still a draft (a repeated request finds it submitted already). */
    private Application submitIfAsked(Application app, boolean submit, GeraiUser me) {
        return submit && app.status() == ApplicationStatus.DRAFT ? applications.submit(app.tenant(), app.id(), me) : app;
    }

    @Operation(summary = "My applications", description = "The signed-in citizen's applications in every region, newest first.")
    @GetMapping("/api/applications")
    List<ApplicationSummary> mine(@RequestParam(defaultValue = "100") int limit) {
        return applications.mine(CurrentUser.require(), limit);
    }

    @Operation(summary = "One application", description = "For its applicant, the counter officer who filed it, and the staff who work on it.")
    @GetMapping("/api/applications/{trackingNo}")
    ApplicationView get(@PathVariable String trackingNo) {
        return view(detail(trackingNo), CurrentUser.require());
    }

    @Operation(summary = "Save form data", description = "Replaces the data of a draft or of an application returned for "
            + "correction. lockVersion, when given, must be the version read (409 application-stale otherwise).")
    @PutMapping("/api/applications/{trackingNo}/data")
    ApplicationView saveData(@PathVariable String trackingNo, @RequestBody DataRequest body) {
        GeraiUser me = CurrentUser.require();
        Application app = detail(trackingNo).application();
        applications.saveData(app.tenant(), app.id(), body.data(), body.lockVersion(), me);
        return view(detail(trackingNo), me);
    }

    @Operation(summary = "Upload a document", description = "The type is sniffed from the content and must be one the "
            + "document accepts; the size is capped per document.")
    @PutMapping(path = "/api/applications/{trackingNo}/documents/{code}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    AttachedDocument attach(@PathVariable String trackingNo, @PathVariable String code, @RequestPart("file") MultipartFile file) {
        Application app = detail(trackingNo).application();
        try (InputStream in = file.getInputStream()) {
            return applications.attach(app.tenant(), app.id(), code, file.getOriginalFilename(), in, CurrentUser.require());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(summary = "Remove a document")
    @DeleteMapping("/api/applications/{trackingNo}/documents/{code}")
    ResponseEntity<Void> detach(@PathVariable String trackingNo, @PathVariable String code) {
        Application app = detail(trackingNo).application();
        applications.detach(app.tenant(), app.id(), code, CurrentUser.require());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Download a document")
    @GetMapping("/api/applications/{trackingNo}/documents/{code}")
    ResponseEntity<InputStreamResource> download(@PathVariable String trackingNo, @PathVariable String code) {
        Application app = detail(trackingNo).application();
        Applications.DocumentContent content = applications.document(app.tenant(), app.id(), code, CurrentUser.require())
                .orElseThrow(() -> GeraiException.notFound("not-found"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.document().contentType()))
                .contentLength(content.document().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.document().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content.content()));
    }

    @Operation(summary = "Submit", description = "Submits a draft or a corrected application; repeating it is harmless.")
    @PostMapping("/api/applications/{trackingNo}/submit")
    ApplicationView submit(@PathVariable String trackingNo) {
        GeraiUser me = CurrentUser.require();
        Application app = detail(trackingNo).application();
        applications.submit(app.tenant(), app.id(), me);
        return view(detail(trackingNo), me);
    }

    @Operation(summary = "Withdraw an open application")
    @PostMapping("/api/applications/{trackingNo}/withdraw")
    ApplicationView withdraw(@PathVariable String trackingNo, @RequestBody(required = false) ReasonRequest body) {
        GeraiUser me = CurrentUser.require();
        Application app = detail(trackingNo).application();
        applications.withdraw(app.tenant(), app.id(), body == null ? null : body.reason(), me);
        return view(detail(trackingNo), me);
    }

    @Operation(summary = "Discard a draft")
    @DeleteMapping("/api/applications/{trackingNo}")
    ResponseEntity<Void> discard(@PathVariable String trackingNo) {
        Application app = detail(trackingNo).application();
        applications.discard(app.tenant(), app.id(), CurrentUser.require());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Public status check", description = "Tracking number plus the access code printed on the "
            + "receipt; answers nothing personal. 404 when either does not match; 429 after repeated wrong codes.")
    @PostMapping("/api/status")
    PublicStatus status(@RequestBody StatusRequest body) {
        return applications.publicStatus(body.trackingNo(), body.accessCode())
                .orElseThrow(() -> GeraiException.notFound("application-not-found"));
    }

    // --- counter ----------------------------------------------------------------------------------------

    @Operation(summary = "File for a walk-in citizen", description = "For counter and village-office officers: the citizen "
            + "is found by NIK or a record is made; the channel follows the officer's service point.")
    @PostMapping(path = "/api/tenants/{tenant}/counter/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApplicationView> counter(@RequestAttribute("geraiTenant") Tenant tenant, @RequestBody CounterRequest body,
                                            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        GeraiUser me = CurrentUser.require();
        UUID serviceId = serviceId(tenant.id(), body.service());
        Application app = applications.create(tenant.id(), new NewApplication(serviceId, body.servicePointId(), body.data(),
                "id", key, new WalkIn(body.nik(), body.fullName(), body.phone(), body.email())), me);
        Application filed = submitIfAsked(app, Boolean.TRUE.equals(body.submit()), me);
        return created(applications.detail(filed.tenant(), filed.id(), me)
                .orElseThrow(() -> GeraiException.notFound("application-not-found")));
    }

    @Operation(summary = "A citizen's applications by NIK", description = "For counter officers of the region.")
    @GetMapping("/api/tenants/{tenant}/counter/applications")
    List<ApplicationSummary> byNik(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam String nik) {
        return applications.byNik(tenant.id(), nik, CurrentUser.require());
    }

    // --- officers ---------------------------------------------------------------------------------------

    @Operation(summary = "My inbox", description = "Active tasks of the signed-in officer's roles and agencies, soonest due "
            + "first, with counts over the whole inbox. due is ALL, DUE_SOON or OVERDUE.")
    @GetMapping("/api/tenants/{tenant}/tasks")
    InboxView inbox(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam(required = false) UUID service,
                    @RequestParam(required = false) Channel channel,
                    @RequestParam(defaultValue = "ALL") InboxFilter.Due due, @RequestParam(defaultValue = "false") boolean mine,
                    @RequestParam(defaultValue = "100") int limit) {
        GeraiUser me = CurrentUser.require();
        Applications.Inbox inbox = applications.inbox(tenant.id(), new InboxFilter(service, channel, due, mine, limit), me);
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        return new InboxView(inbox.items().stream().map(i -> item(i, me, en)).toList(), inbox.counts());
    }

    @Operation(summary = "Overdue tasks", description = "For the MPP manager (whole region) or an agency admin (agency=their agency).")
    @GetMapping("/api/tenants/{tenant}/overdue")
    List<InboxItemView> overdue(@RequestAttribute("geraiTenant") Tenant tenant, @RequestParam(required = false) UUID agency) {
        GeraiUser me = CurrentUser.require();
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        return applications.overdue(tenant.id(), agency, me).stream().map(i -> item(i, me, en)).toList();
    }

    @Operation(summary = "Claim a task")
    @PostMapping("/api/tenants/{tenant}/tasks/{taskId}/claim")
    TaskView claim(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID taskId) {
        GeraiUser me = CurrentUser.require();
        return task(applications.claim(tenant.id(), taskId, me), me);
    }

    @Operation(summary = "Release a claimed task")
    @PostMapping("/api/tenants/{tenant}/tasks/{taskId}/release")
    TaskView release(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID taskId) {
        GeraiUser me = CurrentUser.require();
        return task(applications.release(tenant.id(), taskId, me), me);
    }

    @Operation(summary = "Decide a claimed task", description = "APPROVE, CORRECTION (with reason and the fields and/or "
            + "documents to fix) or REJECT (with reason), as the step allows.")
    @PostMapping("/api/tenants/{tenant}/tasks/{taskId}/decision")
    ApplicationView decide(@RequestAttribute("geraiTenant") Tenant tenant, @PathVariable UUID taskId,
                           @RequestBody DecisionRequest body) {
        GeraiUser me = CurrentUser.require();
        Application app = applications.decide(tenant.id(), taskId,
                new DecisionInput(body.decision(), body.reason(), body.fields(), body.documents()), me);
        return view(applications.detail(app.tenant(), app.id(), me)
                .orElseThrow(() -> GeraiException.notFound("application-not-found")), me);
    }

    @Operation(summary = "Add an internal note", description = "Seen by staff only.")
    @PostMapping("/api/applications/{trackingNo}/notes")
    ResponseEntity<Note> note(@PathVariable String trackingNo, @RequestBody NoteRequest body) {
        Application app = detail(trackingNo).application();
        return ResponseEntity.status(201).body(applications.addNote(app.tenant(), app.id(), body.body(), CurrentUser.require()));
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private ApplicationDetail detail(String trackingNo) {
        return applications.detail(trackingNo, CurrentUser.require())
                .orElseThrow(() -> GeraiException.notFound("application-not-found"));
    }

    private UUID serviceId(TenantId tenant, String service) {
        if (service == null || service.isBlank()) {
            throw InvalidInput.of("service", "validation.required");
        }
        try {
            return UUID.fromString(service);
        } catch (IllegalArgumentException notUuid) {
            return catalog.serviceBySlug(tenant, service).map(ServiceSummary::id)
                    .orElseThrow(() -> GeraiException.notFound("catalog-service-not-found"));
        }
    }

    private ResponseEntity<ApplicationView> created(ApplicationDetail d) {
        return ResponseEntity.created(URI.create("/api/applications/" + d.application().trackingNo()))
                .body(view(d, CurrentUser.require()));
    }

    private ApplicationView view(ApplicationDetail d, GeraiUser me) {
        Application a = d.application();
        boolean filer = d.permissions().applicant();
        boolean staff = d.permissions().staff();
        // the full NIK for the officers who verify it; masked for everyone else (the citizen knows their own)
        String nik = staff ? a.applicantNik() : Masking.nik(a.applicantNik());
        List<HistoryView> history = d.history().stream()
                .map(h -> new HistoryView(h.at(), h.action(), h.stepCode(), h.actorRole(), h.statusAfter(), h.detail()))
                .toList();
        List<TaskView> tasks = staff ? d.tasks().stream().map(t -> task(t, me)).toList() : List.of();
        return new ApplicationView(a.trackingNo(), a.displayTracking(), filer ? a.accessCode() : null, d.tenantSlug(),
                d.tenantName(), a.serviceId(), a.serviceVersion(), d.serviceName(), d.agencyName(), a.status(), a.channel(),
                a.servicePointId(), a.applicantName(), nik, a.data(), a.correction(), a.decisionReason(), a.createdAt(),
                a.submittedAt(), a.dueAt(), a.decidedAt(), a.lockVersion(), d.documents(), d.steps(), history, tasks,
                d.notes(), a.anonymisedAt(), a.anonymised()
                        ? messages.getMessage("application.anonymised", null, LocaleContextHolder.getLocale()) : null);
    }

    static TaskView task(Task t, GeraiUser me) {
        return new TaskView(t.id(), t.stepCode(), t.role(), t.agencyId(), t.status().name(), me.accountId().equals(t.claimedBy()),
                t.dueAt(), t.outcome() == null ? null : t.outcome().name(), ApplicationService.mayAct(t, me));
    }

    private static InboxItemView item(InboxItem i, GeraiUser me, boolean en) {
        Task t = i.task();
        return new InboxItemView(t.id(), i.trackingNo(), i.displayTracking(),
                en && i.serviceNameEn() != null ? i.serviceNameEn() : i.serviceName(),
                en && i.stepNameEn() != null ? i.stepNameEn() : i.stepName(), i.agencyName(), i.applicantName(),
                t.status().name(), me.accountId().equals(t.claimedBy()), t.dueAt(), i.dueSoon(), i.overdue(), t.channel());
    }
}
