package id.gerai.application.internal;

import id.gerai.application.Application;
import id.gerai.application.ApplicationStatus;
import id.gerai.application.Applications;
import id.gerai.application.AttachedDocument;
import id.gerai.application.Channel;
import id.gerai.application.Correction;
import id.gerai.application.Decision;
import id.gerai.application.HistoryEntry;
import id.gerai.application.Note;
import id.gerai.application.ProcedurePlan;
import id.gerai.application.Task;
import id.gerai.application.TaskStatus;
import id.gerai.application.TrackingNumber;
import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.catalog.FormProblem;
import id.gerai.catalog.FormValidation;
import id.gerai.catalog.FormValidator;
import id.gerai.catalog.ServiceDesign.RequiredDocument;
import id.gerai.catalog.ServiceDesign.Step;
import id.gerai.identity.CitizenAccounts;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.platform.TimeOrderedIds;
import id.gerai.platform.blob.BlobStore;
import id.gerai.platform.blob.StoredBlob;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.Tenant;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import id.gerai.application.ApplicationCompleted;
import id.gerai.application.ApplicationStatusChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The procedure engine and everything around it. Each public change is one transaction, entered after the
 * tenant scope: lock the application row (so transitions of one application, parallel steps included, run
 * one after the other), check, write the rows, one history row, one audit record and the notifications.
 */
@Service
class ApplicationService implements Applications {

    static final Set<Role> AGENCY_ROLES = Set.of(Role.PETUGAS_INSTANSI, Role.ADMIN_INSTANSI);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_DATA_CHARS = 200_000;

    private final ApplicationRepository repo;
    private final Lookups lookups;
    private final WorkingCalendar calendar;
    private final BlobStore blobs;
    private final FormValidator validator;
    private final AuditLog audit;
    private final ApplicationNotifier notifier;
    private final CitizenAccounts citizens;
    private final TransactionTemplate tx;
    private final StatusCheckThrottle throttle;
    private final Duration dueSoon;
    private final ApplicationEventPublisher events;

    ApplicationService(ApplicationRepository repo, Lookups lookups, WorkingCalendar calendar, BlobStore blobs,
                       FormValidator validator, AuditLog audit, ApplicationNotifier notifier, CitizenAccounts citizens,
                       TransactionTemplate tx, StatusCheckThrottle throttle,
                       @Value("${gerai.application.due-soon:P1D}") Duration dueSoon, ApplicationEventPublisher events) {
        this.repo = repo;
        this.lookups = lookups;
        this.calendar = calendar;
        this.blobs = blobs;
        this.validator = validator;
        this.audit = audit;
        this.notifier = notifier;
        this.citizens = citizens;
        this.tx = tx;
        this.throttle = throttle;
        this.dueSoon = dueSoon;
        this.events = events;
    }

    // =====================================================================================================
    // filing
    // =====================================================================================================

    @Override
    public Application create(TenantId tenant, NewApplication command, GeraiUser actor) {
        String key = command.idempotencyKey() == null || command.idempotencyKey().isBlank() ? null
                : command.idempotencyKey().strip();
        // Online, everything is read in the transaction that writes (one connection, one commit); at a counter the
        // walk-in citizen's record is made first, in its own transaction, as identity does it.
        Filing counter = command.walkIn() == null ? null : filing(tenant, command, actor);
        UUID applicantId = counter == null ? actor.accountId() : counter.applicant().accountId();
        for (int attempt = 1; ; attempt++) {
            try {
                return write(tenant, () -> {
                    Filing f = counter != null ? counter : filing(tenant, command, actor);
                    if (f.key() != null) {
                        Optional<Application> earlier = repo.byIdempotencyKey(tenant, applicantId, f.key());
                        if (earlier.isPresent()) {
                            return earlier.get();
                        }
                    }
                    return insertDraft(tenant, command, f, actor);
                });
            } catch (DuplicateKeyException e) {
                if (key != null) {
                    // two requests with the same key raced: the other one made it
                    Optional<Application> earlier = inTenant(tenant, () -> repo.byIdempotencyKey(tenant, applicantId, key));
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                }
                if (attempt >= 3) {
                    throw e;
                }
                // a tracking number taken by another application (1 in 10^12): draw again
            }
        }
    }

    /** What a new application is filed with, checked in this order. */
    private record Filing(Lookups.Current current, Map<String, Object> data, String lang, String key, Channel channel,
                          UUID servicePointId, UUID filedBy, CitizenAccounts.Citizen applicant) {
    }

    private Filing filing(TenantId tenant, NewApplication command, GeraiUser actor) {
        return filing(tenant, command, actor, lookups.current(tenant, command.serviceId()));
    }

    /** As above, with the service's current version read already (by the caller, a moment before). */
    private Filing filing(TenantId tenant, NewApplication command, GeraiUser actor, Lookups.Current current) {
        Map<String, Object> data = command.data() == null ? new LinkedHashMap<>() : command.data();
        requireSize(data);
        String lang = "en".equals(command.lang()) ? "en" : "id";
        String key = command.idempotencyKey() == null || command.idempotencyKey().isBlank() ? null
                : command.idempotencyKey().strip();
        if (key != null && key.length() > 200) {
            throw InvalidInput.of("idempotencyKey", "application.error.idempotency-key");
        }

        Channel channel;
        UUID servicePointId = command.servicePointId();
        UUID filedBy = null;
        CitizenAccounts.Citizen applicant;
        if (command.walkIn() == null) {
            if (!actor.citizen()) {
                throw GeraiException.forbidden("application-forbidden");
            }
            applicant = citizens.byId(actor.accountId()).orElseThrow(() -> GeraiException.forbidden("application-forbidden"));
            channel = Channel.ONLINE;
            if (servicePointId != null && lookups.servicePoint(tenant, servicePointId).isEmpty()) {
                throw InvalidInput.of("servicePointId", "application.error.service-point");
            }
        } else {
            Membership counter = counterMembership(tenant, actor)
                    .orElseThrow(() -> GeraiException.forbidden("application-forbidden"));
            if (servicePointId == null) {
                servicePointId = counter.servicePointId();
            }
            ServicePoint point = lookups.servicePoint(tenant, servicePointId)
                    .orElseThrow(() -> InvalidInput.of("servicePointId", "application.error.service-point"));
            if (counter.servicePointId() != null && !counter.servicePointId().equals(point.id())) {
                throw GeraiException.forbidden("application-forbidden");
            }
            channel = Channel.at(point.kind());
            filedBy = actor.accountId();
            var w = command.walkIn();
            applicant = TenantContext.call(tenant, () -> citizens.walkIn(w.nik(), w.fullName(), w.phone(), w.email()));
        }
        if (applicant.nik() == null) {
            throw InvalidInput.of("nik", "application.error.nik-required");
        }
        return new Filing(current, data, lang, key, channel, servicePointId, filedBy, applicant);
    }

    private Application insertDraft(TenantId tenant, NewApplication command, Filing f, GeraiUser actor) {
        Application app = newDraft(tenant, command, f, now());
        repo.insert(app, f.key(), created(app, f, actor));
        audit.record(createdAudit(app, f, actor));
        return app;
    }

    /** A new draft as it is about to be written. */
    private Application newDraft(TenantId tenant, NewApplication command, Filing f, Instant now) {
        CitizenAccounts.Citizen applicant = f.applicant();
        return new Application(tenant, TimeOrderedIds.next(), TrackingNumber.generate(), accessCode(),
                command.serviceId(), f.current().version().version().version(), f.current().agencyId(), applicant.accountId(),
                applicant.fullName(), applicant.nik(), applicant.email(), applicant.phone(), f.lang(), f.channel(),
                f.servicePointId(), f.filedBy(), ApplicationStatus.DRAFT, 0, f.data(), null, null, now, now, null, null, null,
                null, 0, null);
    }

    private static ApplicationRepository.HistoryRow created(Application app, Filing f, GeraiUser actor) {
        return new ApplicationRepository.HistoryRow("CREATED", null, actor.accountId(), actorRole(app, actor), ApplicationStatus.DRAFT,
                f.channel() == Channel.ONLINE ? Map.of() : Map.of("channel", f.channel().name()));
    }

    private static AuditEvent createdAudit(Application app, Filing f, GeraiUser actor) {
        Map<String, Object> after = new HashMap<>();
        after.put("trackingNo", app.trackingNo());
        after.put("service", app.serviceId() + "/" + app.serviceVersion());
        after.put("channel", f.channel().name());
        after.put("servicePoint", f.servicePointId());
        return AuditEvent.of(app.tenant(), "application.created", "application", app.id(), null, after).byActor(actor.auditActorId());
    }

    /**
     * A new application filed and submitted in one request, complete (its data and documents pass): written as
     * submitted at once (see {@link ApplicationRepository#insertSubmitted}), with everything a draft and its
     * submission would have left: both history rows, the tasks, the documents, the audit records (created, each
     * document, submitted, in that order), the status event and the applicant's notification. The answer is made
     * from what was written, not read back.
     */
    private ApplicationDetail insertSubmitted(TenantId tenant, Application draft, Filing f, List<AttachedDocument> documents,
                                              VersionInfo version, GeraiUser actor) {
        Instant now = draft.createdAt();
        Instant due = calendar.deadline(tenant, now, version.design().timeLimitDays());
        List<Task> opened = stageTasks(tenant, draft, version, 0, now, Map.of(), Set.of());
        ApplicationRepository.Submitted written = repo.insertSubmitted(draft, f.key(), now, due, opened, documents,
                List.of(created(draft, f, actor), new ApplicationRepository.HistoryRow("SUBMITTED", null, actor.accountId(),
                        actorRole(draft, actor), ApplicationStatus.IN_PROCESS, Map.of("due", due.toString()))));
        List<AuditEvent> records = new ArrayList<>(documents.size() + 2);
        records.add(createdAudit(draft, f, actor));
        for (AttachedDocument d : documents) {
            records.add(AuditEvent.of(tenant, "application.document.attached", "application", draft.id(), null, attachedAudit(d))
                    .byActor(actor.auditActorId()));
        }
        records.add(submittedAudit(draft, due, actor));
        audit.recordAll(records);
        Application after = advanced(draft, ApplicationStatus.IN_PROCESS, 0, now, due, null, written.stamp());
        events.publishEvent(ApplicationStatusChanged.of(draft, after, now));
        notifier.applicant(after, "SUBMITTED", version.design().name("en".equals(draft.lang())), null, calendar.zone(tenant));
        // in the order a read gives them: tasks by creation and step, documents by code
        List<Task> tasks = opened.stream().sorted(Comparator.comparing(Task::createdAt).thenComparing(Task::stepCode)).toList();
        List<AttachedDocument> byCode = documents.stream().sorted(Comparator.comparing(AttachedDocument::code)).toList();
        return detailOf(tenant, after, actor, tasks, byCode, written.history());
    }

    private static AuditEvent submittedAudit(Application app, Instant due, GeraiUser actor) {
        return AuditEvent.of(app.tenant(), "application.submitted", "application", app.id(),
                Map.of("status", app.status().name()), Map.of("status", "IN_PROCESS", "due", due.toString()))
                .byActor(actor.auditActorId());
    }

    /** One upload per document code, the last of a request winning, in the order of the request. */
    private static List<AttachedDocument> lastPerCode(List<AttachedDocument> docs) {
        Map<String, AttachedDocument> byCode = new LinkedHashMap<>();
        docs.forEach(d -> byCode.put(d.code(), d));
        return List.copyOf(byCode.values());
    }

    @Override
    public ApplicationDetail file(TenantId tenant, NewApplication command, List<NewDocument> documents, boolean submit,
                                  GeraiUser actor) {
        if (command.walkIn() != null) {
            // at a counter the citizen's record is made first, in its own transaction: the steps one by one
            Application app = completeDraft(tenant, create(tenant, command, actor), documents, submit, actor);
            return detail(tenant, app.id(), actor).orElseThrow(() -> GeraiException.notFound("application-not-found"));
        }
        if (!actor.citizen()) {
            throw GeraiException.forbidden("application-forbidden");
        }
        Lookups.Current current = lookups.current(tenant, command.serviceId());
        VersionInfo version = current.version();
        // the files are checked and stored before the transaction, as attach does: content-addressed, a stored file
        // that nothing refers to (the transaction failed) is harmless and reused by the next upload of the same bytes
        List<AttachedDocument> stored = new ArrayList<>(documents.size());
        for (NewDocument d : documents) {
            RequiredDocument doc = version.document(d.code()).orElseThrow(() -> GeraiException.invalid("document-unknown", d.code()));
            StoredBlob blob = blobs.store(d.content(), cap(doc), Set.copyOf(doc.types()));
            stored.add(new AttachedDocument(d.code(), blob.sha256(), blob.size(), blob.contentType(), cleanFileName(d.fileName()),
                    actor.accountId(), now()));
        }
        String key = command.idempotencyKey() == null || command.idempotencyKey().isBlank() ? null : command.idempotencyKey().strip();
        for (int attempt = 1; ; attempt++) {
            InvalidInput[] refused = new InvalidInput[1];
            try {
                ApplicationDetail filed = write(tenant, () -> {
                    // the version the files were checked against is the one filed under
                    Filing f = filing(tenant, command, actor, current);
                    Application app;
                    Optional<Application> earlier = f.key() == null ? Optional.empty()
                            : repo.byIdempotencyKey(tenant, actor.accountId(), f.key());
                    if (earlier.isPresent()) {
                        if (earlier.get().status() != ApplicationStatus.DRAFT) {
                            return detailOf(tenant, earlier.get(), actor); // a repeat of a request that went through
                        }
                        app = locked(tenant, earlier.get().id());
                    } else {
                        if (submit) {
                            Application draft = newDraft(tenant, command, f, now());
                            List<AttachedDocument> uploads = lastPerCode(stored);
                            if (problems(draft, version, uploads) == null) {
                                return insertSubmitted(tenant, draft, f, uploads, version, actor);
                            }
                            // incomplete: kept as a draft with what came, and refused below, as separate calls would
                        }
                        app = insertDraft(tenant, command, f, actor);
                    }
                    putDocuments(tenant, app, stored, actor);
                    if (!submit) {
                        return detailOf(tenant, app, actor);
                    }
                    // a draft kept from an earlier request may be of an earlier version of the service
                    VersionInfo own = app.serviceVersion() == version.version().version() ? version
                            : lookups.version(tenant, app.serviceId(), app.serviceVersion());
                    try {
                        validateForSubmission(tenant, app, own);
                    } catch (InvalidInput e) {
                        refused[0] = e; // the draft and its documents are kept; the refusal is said once they are
                        return null;
                    }
                    // the answer is read in the same transaction: what was just written, and nothing else, is there
                    return detailOf(tenant, submitDraft(tenant, app, own, actor, now()), actor);
                });
                if (refused[0] != null) {
                    throw refused[0];
                }
                return filed;
            } catch (DuplicateKeyException e) {
                if (key != null) {
                    Optional<ApplicationDetail> earlier = inTenant(tenant, () -> repo.byIdempotencyKey(tenant, actor.accountId(), key)
                            .map(app -> detailOf(tenant, app, actor)));
                    if (earlier.isPresent()) {
                        return earlier.get(); // two requests with the same key raced: the other one made it
                    }
                }
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    /** The steps of {@link #file} one by one, for a draft that exists already. */
    private Application completeDraft(TenantId tenant, Application app, List<NewDocument> documents, boolean submit,
                                      GeraiUser actor) {
        if (app.status() != ApplicationStatus.DRAFT) {
            return app;
        }
        for (NewDocument d : documents) {
            attach(tenant, app.id(), d.code(), d.fileName(), d.content(), actor);
        }
        return submit ? submit(tenant, app.id(), actor) : app;
    }

    /**
     * Puts the uploads on the application, each replacing an earlier one of its code, with their audit records: one
     * statement for the files, one for the records.
     */
    private void putDocuments(TenantId tenant, Application app, List<AttachedDocument> docs, GeraiUser actor) {
        if (docs.isEmpty()) {
            return;
        }
        // one file per code: a later upload of a code replaces an earlier one of the same request
        List<AttachedDocument> unique = lastPerCode(docs);
        Map<String, String> replaced = repo.putDocuments(tenant, app.id(), unique);
        List<AuditEvent> events = new ArrayList<>(unique.size());
        for (AttachedDocument d : unique) {
            String old = replaced.get(d.code());
            events.add(AuditEvent.of(tenant, "application.document.attached", "application", app.id(),
                    old == null ? null : Map.<String, Object>of("code", d.code(), "sha256", old), attachedAudit(d))
                    .byActor(actor.auditActorId()));
        }
        audit.recordAll(events);
    }

    private static Map<String, Object> attachedAudit(AttachedDocument d) {
        Map<String, Object> after = new HashMap<>();
        after.put("code", d.code());
        after.put("sha256", d.sha256());
        after.put("size", d.size());
        after.put("type", d.contentType());
        return after;
    }

    private static long cap(RequiredDocument doc) {
        return (doc.maxSizeKb() > 0 ? doc.maxSizeKb() : 5120) * 1024L;
    }

    @Override
    public Application saveData(TenantId tenant, UUID applicationId, Map<String, Object> data, Integer expectedLockVersion,
                                GeraiUser actor) {
        requireSize(data);
        return write(tenant, () -> {
            Application app = locked(tenant, applicationId);
            requireFiler(app, actor);
            if (!app.status().editable()) {
                throw GeraiException.conflict("application-not-editable");
            }
            if (expectedLockVersion != null && expectedLockVersion != app.lockVersion()) {
                throw GeraiException.conflict("application-stale");
            }
            repo.saveData(tenant, applicationId, data == null ? Map.of() : data);
            audit.record(AuditEvent.of(tenant, "application.data.saved", "application", app.id(),
                    Map.of("fields", app.data().keySet()), Map.of("fields", data == null ? Set.of() : data.keySet()))
                    .byActor(actor.auditActorId()));
            return repo.find(tenant, applicationId).orElseThrow();
        });
    }

    @Override
    public AttachedDocument attach(TenantId tenant, UUID applicationId, String documentCode, String fileName,
                                   InputStream content, GeraiUser actor) {
        // one read, no transaction needed: who may upload, and what the document accepts
        Application before = TenantContext.call(tenant, () -> repo.find(tenant, applicationId))
                .orElseThrow(() -> GeraiException.notFound("application-not-found"));
        requireFiler(before, actor);
        VersionInfo version = lookups.version(tenant, before.serviceId(), before.serviceVersion());
        RequiredDocument doc = version.document(documentCode)
                .orElseThrow(() -> GeraiException.invalid("document-unknown", documentCode));
        // stored before the transaction: a file is content-addressed, so a stored file that nothing refers to
        // (the transaction failed) is harmless and is reused by the next upload of the same content
        StoredBlob blob = blobs.store(content, cap(doc), Set.copyOf(doc.types()));
        String name = cleanFileName(fileName);
        return write(tenant, () -> {
            Application app = locked(tenant, applicationId);
            if (!app.status().editable()) {
                throw GeraiException.conflict("application-not-editable");
            }
            AttachedDocument d = new AttachedDocument(documentCode, blob.sha256(), blob.size(), blob.contentType(), name,
                    actor.accountId(), now());
            putDocuments(tenant, app, List.of(d), actor);
            return d;
        });
    }

    @Override
    public void detach(TenantId tenant, UUID applicationId, String documentCode, GeraiUser actor) {
        write(tenant, () -> {
            Application app = locked(tenant, applicationId);
            requireFiler(app, actor);
            if (!app.status().editable()) {
                throw GeraiException.conflict("application-not-editable");
            }
            if (repo.removeDocument(tenant, applicationId, documentCode)) {
                audit.record(AuditEvent.of(tenant, "application.document.removed", "application", app.id(),
                        Map.of("code", documentCode), null).byActor(actor.auditActorId()));
            }
            return null;
        });
    }

    @Override
    public Application submit(TenantId tenant, UUID applicationId, GeraiUser actor) {
        return write(tenant, () -> {
            Application app = locked(tenant, applicationId);
            requireFiler(app, actor);
            if (app.status() != ApplicationStatus.DRAFT && app.status() != ApplicationStatus.CORRECTION) {
                return app; // submitted already: a double click or a retry
            }
            VersionInfo version = lookups.version(tenant, app.serviceId(), app.serviceVersion());
            validateForSubmission(tenant, app, version);
            Instant now = now();
            String role = actorRole(app, actor);
            if (app.status() == ApplicationStatus.DRAFT) {
                return submitDraft(tenant, app, version, actor, now);
            }
            // resubmission after a correction: the clock resumes with the pause added; the asking stage reopens
            Instant due = calendar.extendForPause(tenant, app.dueAt(), app.pausedAt(), now);
            repo.transition(tenant, app.id(), ApplicationStatus.IN_PROCESS, app.stage(), app.submittedAt(), due, null, null,
                    null, null);
            Map<String, Instant> previousDue = new HashMap<>();
            for (Task t : repo.tasks(tenant, app.id())) {
                if (t.stage() == app.stage()) {
                    previousDue.put(t.stepCode(), calendar.extendForPause(tenant, t.dueAt(), app.pausedAt(), now));
                }
            }
            openStage(tenant, app, version, app.stage(), now, previousDue);
            repo.history(tenant, app.id(), "RESUBMITTED", app.correction() == null ? null : app.correction().step(),
                    actor.accountId(), role, ApplicationStatus.IN_PROCESS, Map.of("due", due.toString()));
            audit.record(AuditEvent.of(tenant, "application.resubmitted", "application", app.id(),
                    Map.of("status", app.status().name(), "due", String.valueOf(app.dueAt())),
                    Map.of("status", "IN_PROCESS", "due", due.toString())).byActor(actor.auditActorId()));
            Application after = repo.find(tenant, app.id()).orElseThrow();
            events.publishEvent(ApplicationStatusChanged.of(app, after, now));
            notifier.applicant(after, "RESUBMITTED", version.design().name("en".equals(app.lang())), null, calendar.zone(tenant));
            return after;
        });
    }

    /**
     * A checked draft (locked, or made in this transaction) becomes in process: the clock starts and the first stage's
     * tasks open. The application, the tasks and the history row are one statement.
     */
    private Application submitDraft(TenantId tenant, Application app, VersionInfo version, GeraiUser actor, Instant now) {
        Instant due = calendar.deadline(tenant, now, version.design().timeLimitDays());
        ApplicationRepository.Stamp stamp = repo.advance(tenant, app.id(), app.lockVersion(), ApplicationStatus.IN_PROCESS,
                        0, now, due, null, null, stageTasks(tenant, app, version, 0, now, Map.of(), Set.of()),
                        new ApplicationRepository.HistoryRow("SUBMITTED", null, actor.accountId(), actorRole(app, actor),
                                ApplicationStatus.IN_PROCESS, Map.of("due", due.toString())))
                .orElseThrow(() -> new IllegalStateException("a locked application changed"));
        audit.record(submittedAudit(app, due, actor));
        Application after = advanced(app, ApplicationStatus.IN_PROCESS, 0, now, due, null, stamp);
        events.publishEvent(ApplicationStatusChanged.of(app, after, now));
        notifier.applicant(after, "SUBMITTED", version.design().name("en".equals(app.lang())), null, calendar.zone(tenant));
        return after;
    }

    private void validateForSubmission(TenantId tenant, Application app, VersionInfo version) {
        boolean correcting = app.status() == ApplicationStatus.CORRECTION && app.correction() != null;
        // the uploads are read only when something depends on them
        List<AttachedDocument> documents = correcting || version.design().documents().stream().anyMatch(RequiredDocument::mandatory)
                ? repo.documents(tenant, app.id()) : List.of();
        InvalidInput refused = problems(app, version, documents);
        if (refused != null) {
            throw refused;
        }
    }

    /** What keeps {@code app}, with these documents, from being submitted; null when nothing does. */
    private InvalidInput problems(Application app, VersionInfo version, List<AttachedDocument> documents) {
        FormValidation validation = validator.validate(version.design().form(), app.data());
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Object[]> args = new LinkedHashMap<>();
        for (FormProblem p : validation.problems()) {
            String path = p.path() == null || p.path().isBlank() ? "data" : p.path();
            if (!fields.containsKey(path)) {
                fields.put(path, p.code());
                args.put(path, p.getArguments());
            }
        }
        boolean correcting = app.status() == ApplicationStatus.CORRECTION && app.correction() != null;
        Set<String> uploaded = new HashSet<>();
        documents.forEach(d -> uploaded.add(d.code()));
        for (RequiredDocument d : version.design().documents()) {
            if (d.mandatory() && !uploaded.contains(d.code())) {
                fields.put("documents." + d.code(), "application.error.document-missing");
            }
        }
        if (correcting) {
            // every document the officer asked for must have been uploaded again since then
            for (AttachedDocument d : documents) {
                if (app.correction().documents().contains(d.code()) && d.uploadedAt().isBefore(app.pausedAt())) {
                    fields.put("documents." + d.code(), "application.error.document-not-replaced");
                }
            }
        }
        return fields.isEmpty() ? null : new InvalidInput(fields, args);
    }

    /** Opens a task for every step of {@code stage} that has no approval yet. */
    private void openStage(TenantId tenant, Application app, VersionInfo version, int stage, Instant now,
                           Map<String, Instant> dueByStep) {
        Set<String> approved = new HashSet<>();
        if (!dueByStep.isEmpty()) {
            for (Task t : repo.tasks(tenant, app.id())) {
                if (t.stage() == stage && t.outcome() == Decision.APPROVE) {
                    approved.add(t.stepCode());
                }
            }
        }
        stageTasks(tenant, app, version, stage, now, dueByStep, approved).forEach(repo::insertTask);
    }

    /** The tasks that open {@code stage}: one per step not in {@code approved}, due by the calendar or {@code dueByStep}. */
    private List<Task> stageTasks(TenantId tenant, Application app, VersionInfo version, int stage, Instant now,
                                  Map<String, Instant> dueByStep, Set<String> approved) {
        List<Task> tasks = new ArrayList<>();
        for (Step step : version.plan().stage(stage)) {
            if (approved.contains(step.code())) {
                continue;
            }
            Instant due = dueByStep.containsKey(step.code()) ? dueByStep.get(step.code()) : calendar.deadline(tenant, now, step.days());
            tasks.add(new Task(tenant, TimeOrderedIds.next(), app.id(), stage, step.code(), step.role(),
                    stepAgency(tenant, app, step), app.serviceId(), app.channel(), TaskStatus.OPEN, null, null, null,
                    null, null, now, due, null, null));
        }
        return tasks;
    }

    private UUID stepAgency(TenantId tenant, Application app, Step step) {
        if (step.agencyCode() == null || step.agencyCode().isBlank()) {
            return app.agencyId();
        }
        return lookups.agencyByCode(tenant, step.agencyCode()).map(Agency::id).orElse(app.agencyId());
    }

    @Override
    public Application withdraw(TenantId tenant, UUID applicationId, String reason, GeraiUser actor) {
        String why = reason == null ? null : reason.strip();
        if (why != null && why.length() > 1000) {
            throw InvalidInput.of("reason", "application.error.reason-long");
        }
        return write(tenant, () -> {
            Application app = locked(tenant, applicationId);
            requireFiler(app, actor);
            if (app.status() == ApplicationStatus.WITHDRAWN) {
                return app;
            }
            if (!app.status().open()) {
                throw GeraiException.conflict("application-not-open");
            }
            repo.cancelActive(tenant, app.id());
            Instant now = Instant.now();
            repo.transition(tenant, app.id(), ApplicationStatus.WITHDRAWN, app.stage(), app.submittedAt(), app.dueAt(),
                    null, now, null, why);
            repo.history(tenant, app.id(), "WITHDRAWN", null, actor.accountId(), actorRole(app, actor),
                    ApplicationStatus.WITHDRAWN, why == null || why.isEmpty() ? Map.of() : Map.of("reason", why));
            audit.record(AuditEvent.of(tenant, "application.withdrawn", "application", app.id(),
                    Map.of("status", app.status().name()), Map.of("status", "WITHDRAWN")).byActor(actor.auditActorId()));
            Application after = repo.find(tenant, app.id()).orElseThrow();
            events.publishEvent(ApplicationStatusChanged.of(app, after, now));
            VersionInfo version = lookups.version(tenant, app.serviceId(), app.serviceVersion());
            notifier.applicant(after, "WITHDRAWN", version.design().name("en".equals(app.lang())), why, calendar.zone(tenant));
            return after;
        });
    }

    @Override
    public void discard(TenantId tenant, UUID applicationId, GeraiUser actor) {
        write(tenant, () -> {
            Application app = locked(tenant, applicationId);
            requireFiler(app, actor);
            if (app.status() != ApplicationStatus.DRAFT) {
                throw GeraiException.conflict("application-not-editable");
            }
            repo.deleteDraft(tenant, app.id());
            audit.record(AuditEvent.of(tenant, "application.draft.discarded", "application", app.id(),
                    Map.of("trackingNo", app.trackingNo()), null).byActor(actor.auditActorId()));
            return null;
        });
    }

    // =====================================================================================================
    // processing
    // =====================================================================================================

    @Override
    public Task claim(TenantId tenant, UUID taskId, GeraiUser actor) {
        return write(tenant, () -> {
            // the usual case first: an open task is claimed with its history row in one statement; a claim the
            // actor may not make is rolled back by the exception
            Optional<Task> claimed = repo.claimWithHistory(tenant, taskId, actor.accountId());
            if (claimed.isPresent()) {
                Task task = claimed.get();
                requireActor(task, actor);
                audit.record(AuditEvent.of(tenant, "application.task.claimed", "application_task", taskId,
                        Map.of("status", "OPEN"), Map.of("status", "CLAIMED", "step", task.stepCode()))
                        .byActor(actor.auditActorId()));
                return task;
            }
            Task task = repo.task(tenant, taskId).orElseThrow(() -> GeraiException.notFound("task-not-found"));
            requireActor(task, actor);
            if (task.status() == TaskStatus.CLAIMED && actor.accountId().equals(task.claimedBy())) {
                return task;
            }
            throw task.status() == TaskStatus.CLAIMED ? GeraiException.conflict("task-claimed-by-other")
                    : GeraiException.conflict("task-closed");
        });
    }

    @Override
    public Task release(TenantId tenant, UUID taskId, GeraiUser actor) {
        return write(tenant, () -> {
            Task task = repo.task(tenant, taskId).orElseThrow(() -> GeraiException.notFound("task-not-found"));
            requireActor(task, actor);
            if (task.status() == TaskStatus.OPEN) {
                return task;
            }
            if (!repo.release(tenant, taskId, actor.accountId())) {
                throw task.status() == TaskStatus.CLAIMED ? GeraiException.conflict("task-claimed-by-other")
                        : GeraiException.conflict("task-closed");
            }
            ApplicationStatus status = repo.statusOf(tenant, task.applicationId());
            repo.history(tenant, task.applicationId(), "RELEASED", task.stepCode(), actor.accountId(), task.role(), status, null);
            audit.record(AuditEvent.of(tenant, "application.task.released", "application_task", taskId,
                    Map.of("status", "CLAIMED"), Map.of("status", "OPEN")).byActor(actor.auditActorId()));
            return repo.task(tenant, taskId).orElseThrow();
        });
    }

    @Override
    public Application decide(TenantId tenant, UUID taskId, DecisionInput input, GeraiUser actor) {
        if (input == null || input.decision() == null) {
            throw InvalidInput.of("decision", "application.error.decision");
        }
        String reason = input.reason() == null ? null : input.reason().strip();
        if (input.decision() != Decision.APPROVE && (reason == null || reason.isEmpty())) {
            throw InvalidInput.of("reason", "application.error.reason-required");
        }
        if (reason != null && reason.length() > 2000) {
            throw InvalidInput.of("reason", "application.error.reason-long");
        }
        // An approval reads without locking and writes guarded by what it read (the application's version, the task
        // still claimed by the actor); if another transition came in between, it reads again, and the last attempt
        // locks. Corrections and rejections are rare and lock from the start.
        for (int attempt = 1; ; attempt++) {
            boolean lock = input.decision() != Decision.APPROVE || attempt >= OPTIMISTIC_ATTEMPTS;
            try {
                return write(tenant, () -> decideOnce(tenant, taskId, input, reason, actor, lock));
            } catch (StaleRead e) {
                if (lock) {
                    throw new IllegalStateException("a locked decision found its rows changed", e);
                }
            }
        }
    }

    /** Optimistic attempts of an approval before it locks. */
    static final int OPTIMISTIC_ATTEMPTS = 3;

    /** A guarded write found the rows changed since they were read: the transaction is rolled back and tried again. */
    static final class StaleRead extends RuntimeException {
        StaleRead() {
            super(null, null, false, false);
        }
    }

    private Application decideOnce(TenantId tenant, UUID taskId, DecisionInput input, String reason, GeraiUser actor,
                                   boolean lock) {
        ApplicationRepository.Locked locked = (lock ? repo.lockTask(tenant, taskId) : repo.readTask(tenant, taskId))
                .orElseThrow(() -> GeraiException.notFound("task-not-found"));
        Application app = locked.application();
        Task task = locked.task();
        requireActor(task, actor);
        if (!task.status().active()) {
            throw GeraiException.conflict("task-closed");
        }
        if (task.status() != TaskStatus.CLAIMED) {
            throw GeraiException.conflict("task-not-claimed");
        }
        if (!actor.accountId().equals(task.claimedBy())) {
            throw GeraiException.conflict("task-claimed-by-other");
        }
        if (app.status() != ApplicationStatus.IN_PROCESS) {
            throw GeraiException.conflict("application-not-open");
        }
        VersionInfo version = lookups.version(tenant, app.serviceId(), app.serviceVersion());
        Step step = version.plan().step(task.stepCode());
        if (step == null || !step.actions().contains(input.decision().name())) {
            throw GeraiException.invalid("decision-not-allowed", input.decision().name());
        }
        Instant now = now();
        String serviceName = version.design().name("en".equals(app.lang()));
        if (input.decision() == Decision.APPROVE) {
            return approve(tenant, app, task, step, version, serviceName, actor, now);
        }
        repo.complete(tenant, taskId, input.decision(), actor.accountId());
        return input.decision() == Decision.CORRECTION
                ? correction(tenant, app, task, version, input, reason, serviceName, actor, now)
                : reject(tenant, app, task, reason, serviceName, actor, now);
    }

    /**
     * Approves the task and moves the application on: to the next stage, to completion, or (a parallel step while
     * others of its stage are still open) nowhere but its version. The task, the application, the next stage's
     * tasks and the history row are one statement.
     */
    private Application approve(TenantId tenant, Application app, Task task, Step step, VersionInfo version,
                                String serviceName, GeraiUser actor, Instant now) {
        ProcedurePlan plan = version.plan();
        // A stage of one step is done when that step is approved: at most one task per step is active (a correction
        // cancels them all, a resubmission opens each unapproved step once), so only parallel stages need counting.
        boolean stageDone = plan.stage(task.stage()).size() == 1
                || repo.otherActiveInStage(tenant, app.id(), task.stage(), task.id()) == 0;
        ApplicationRepository.TaskDone done = new ApplicationRepository.TaskDone(task.id(), Decision.APPROVE, actor.accountId());
        Map<String, Object> auditAfter = new HashMap<>();
        auditAfter.put("step", task.stepCode());
        auditAfter.put("outcome", "APPROVE");
        if (!stageDone) {
            ApplicationRepository.Stamp stamp = repo.advance(tenant, app.id(), app.lockVersion(), app.status(), app.stage(),
                    app.submittedAt(), app.dueAt(), app.decidedAt(), done, List.of(), new ApplicationRepository.HistoryRow(
                            "APPROVED", task.stepCode(), actor.accountId(), task.role(), app.status(), null))
                    .orElseThrow(StaleRead::new);
            audit.record(AuditEvent.of(tenant, "application.step.approved", "application", app.id(), null, auditAfter)
                    .byActor(actor.auditActorId()));
            return advanced(app, app.status(), app.stage(), app.submittedAt(), app.dueAt(), app.decidedAt(), stamp);
        }
        if (plan.isFinal(task.stage())) {
            ApplicationRepository.Stamp stamp = repo.advance(tenant, app.id(), app.lockVersion(), ApplicationStatus.COMPLETED,
                    task.stage(), app.submittedAt(), app.dueAt(), now, done, List.of(), new ApplicationRepository.HistoryRow(
                            "COMPLETED", task.stepCode(), actor.accountId(), task.role(), ApplicationStatus.COMPLETED, null))
                    .orElseThrow(StaleRead::new);
            auditAfter.put("status", "COMPLETED");
            audit.record(AuditEvent.of(tenant, "application.completed", "application", app.id(),
                    Map.of("status", app.status().name()), auditAfter).byActor(actor.auditActorId()));
            Application after = advanced(app, ApplicationStatus.COMPLETED, task.stage(), app.submittedAt(), app.dueAt(), now,
                    stamp);
            notifier.applicant(after, "COMPLETED", serviceName, null, calendar.zone(tenant));
            events.publishEvent(ApplicationStatusChanged.of(app, after, now));
            events.publishEvent(new ApplicationCompleted(tenant, app.id(), app.trackingNo(), app.serviceId(),
                    app.serviceVersion(), app.agencyId(), actor.accountId(), now));
            return after;
        }
        int next = task.stage() + 1;
        ApplicationRepository.Stamp stamp = repo.advance(tenant, app.id(), app.lockVersion(), ApplicationStatus.IN_PROCESS, next,
                app.submittedAt(), app.dueAt(), null, done, stageTasks(tenant, app, version, next, now, Map.of(), Set.of()),
                new ApplicationRepository.HistoryRow("STAGE_COMPLETED", task.stepCode(), actor.accountId(), task.role(),
                        ApplicationStatus.IN_PROCESS, Map.of("nextStage", next))).orElseThrow(StaleRead::new);
        auditAfter.put("stage", next);
        audit.record(AuditEvent.of(tenant, "application.step.approved", "application", app.id(),
                Map.of("stage", task.stage()), auditAfter).byActor(actor.auditActorId()));
        Application after = advanced(app, ApplicationStatus.IN_PROCESS, next, app.submittedAt(), app.dueAt(), null, stamp);
        boolean en = "en".equals(app.lang());
        notifier.applicant(after, "STEP_APPROVED", serviceName, step.nameEn() != null && en ? step.nameEn() : step.name(),
                calendar.zone(tenant));
        return after;
    }

    /**
     * {@code app} as {@link ApplicationRepository#advance} left it: what the database would give back if read again,
     * without reading it again.
     */
    private static Application advanced(Application a, ApplicationStatus status, int stage, Instant submittedAt,
                                        Instant dueAt, Instant decidedAt, ApplicationRepository.Stamp stamp) {
        return new Application(a.tenant(), a.id(), a.trackingNo(), a.accessCode(), a.serviceId(), a.serviceVersion(),
                a.agencyId(), a.applicantId(), a.applicantName(), a.applicantNik(), a.applicantEmail(), a.applicantPhone(),
                a.lang(), a.channel(), a.servicePointId(), a.filedBy(), status, stage, a.data(), null, null, a.createdAt(),
                stamp.updatedAt(), submittedAt, dueAt, null, decidedAt, stamp.lockVersion(), a.anonymisedAt());
    }

    /** The time of a transition, at the database's precision (microseconds), so what is written is what is returned. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private Application correction(TenantId tenant, Application app, Task task, VersionInfo version, DecisionInput input,
                                   String reason, String serviceName, GeraiUser actor, Instant now) {
        Set<String> known = new HashSet<>(version.design().form().order());
        for (String f : input.fields()) {
            String top = f.split("[.\\[]", 2)[0];
            if (!known.contains(top)) {
                throw InvalidInput.of("fields", "application.error.correction-field");
            }
        }
        for (String d : input.documents()) {
            if (version.document(d).isEmpty()) {
                throw InvalidInput.of("documents", "application.error.correction-document");
            }
        }
        if (input.fields().isEmpty() && input.documents().isEmpty()) {
            throw InvalidInput.of("fields", "application.error.correction-empty");
        }
        repo.cancelActive(tenant, app.id());
        Correction correction = new Correction(task.stepCode(), input.fields(), input.documents(), reason);
        repo.transition(tenant, app.id(), ApplicationStatus.CORRECTION, app.stage(), app.submittedAt(), app.dueAt(), now,
                null, correction, null);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reason", reason);
        detail.put("fields", input.fields());
        detail.put("documents", input.documents());
        repo.history(tenant, app.id(), "CORRECTION_REQUESTED", task.stepCode(), actor.accountId(), task.role(),
                ApplicationStatus.CORRECTION, detail);
        audit.record(AuditEvent.of(tenant, "application.correction.requested", "application", app.id(),
                Map.of("status", app.status().name()), Map.of("status", "CORRECTION", "step", task.stepCode(),
                        "fields", input.fields(), "documents", input.documents())).byActor(actor.auditActorId()));
        Application after = repo.find(tenant, app.id()).orElseThrow();
        events.publishEvent(ApplicationStatusChanged.of(app, after, now));
        notifier.applicant(after, "CORRECTION_REQUESTED", serviceName, reason, calendar.zone(tenant));
        return after;
    }

    private Application reject(TenantId tenant, Application app, Task task, String reason, String serviceName,
                               GeraiUser actor, Instant now) {
        repo.cancelActive(tenant, app.id());
        repo.transition(tenant, app.id(), ApplicationStatus.REJECTED, app.stage(), app.submittedAt(), app.dueAt(), null,
                now, null, reason);
        repo.history(tenant, app.id(), "REJECTED", task.stepCode(), actor.accountId(), task.role(),
                ApplicationStatus.REJECTED, Map.of("reason", reason));
        audit.record(AuditEvent.of(tenant, "application.rejected", "application", app.id(),
                Map.of("status", app.status().name()), Map.of("status", "REJECTED", "step", task.stepCode(), "reason", reason))
                .byActor(actor.auditActorId()));
        Application after = repo.find(tenant, app.id()).orElseThrow();
        events.publishEvent(ApplicationStatusChanged.of(app, after, now));
        notifier.applicant(after, "REJECTED", serviceName, reason, calendar.zone(tenant));
        return after;
    }

    @Override
    public Note addNote(TenantId tenant, UUID applicationId, String body, GeraiUser actor) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > 4000) {
            throw InvalidInput.of("body", "application.error.note");
        }
        return write(tenant, () -> {
            Application app = repo.find(tenant, applicationId).orElseThrow(() -> GeraiException.notFound("application-not-found"));
            if (!isStaff(app, repo.tasks(tenant, applicationId), actor)) {
                throw GeraiException.forbidden("application-forbidden");
            }
            if (app.anonymised()) {
                // a note would bring personal data back to a record whose retention has ended
                throw GeraiException.conflict("application-anonymised");
            }
            Note note = new Note(UUID.randomUUID(), actor.accountId(), actor.displayName(), text, Instant.now());
            repo.insertNote(tenant, applicationId, note);
            audit.record(AuditEvent.of(tenant, "application.note.added", "application", app.id(), null,
                    Map.of("note", note.id().toString(), "length", text.length())).byActor(actor.auditActorId()));
            return note;
        });
    }

    // =====================================================================================================
    // reading
    // =====================================================================================================

    @Override
    public Optional<ApplicationDetail> detail(String trackingNo, GeraiUser actor) {
        String canonical = TrackingNumber.normalize(trackingNo);
        if (canonical == null) {
            return Optional.empty();
        }
        Optional<Application> found = TenantContext.callAcrossTenants(() -> tx.execute(s -> repo.byTracking(canonical)));
        return found.flatMap(a -> detail(a.tenant(), a.id(), actor));
    }

    @Override
    public Optional<ApplicationDetail> detail(TenantId tenant, UUID applicationId, GeraiUser actor) {
        return inTenant(tenant, () -> repo.find(tenant, applicationId).map(app -> detailOf(tenant, app, actor)));
    }

    /** {@code app} as {@code actor} may see it, read in the caller's transaction; null when they may not see it. */
    private ApplicationDetail detailOf(TenantId tenant, Application app, GeraiUser actor) {
        return detailOf(tenant, app, actor, repo.tasks(tenant, app.id()), null, null);
    }

    /** The detail from the application, its tasks and, when known (null otherwise: read), its documents and history. */
    private ApplicationDetail detailOf(TenantId tenant, Application app, GeraiUser actor, List<Task> tasks,
                                       List<AttachedDocument> documents, List<HistoryEntry> history) {
        boolean applicant = isFiler(app, actor);
        boolean staff = isStaff(app, tasks, actor);
        if (!applicant && !staff) {
            return null;
        }
        VersionInfo version = lookups.version(tenant, app.serviceId(), app.serviceVersion());
        Tenant t = lookups.tenant(tenant);
        String agencyName = lookups.agency(tenant, app.agencyId()).map(Agency::name).orElse("");
        List<UUID> actionable = new ArrayList<>();
        for (Task task : tasks) {
            if (task.status().active() && mayAct(task, actor)) {
                actionable.add(task.id());
            }
        }
        Permissions permissions = new Permissions(applicant, staff, applicant && app.status().editable(),
                applicant && app.status().editable(), applicant && app.status().open(), staff, actionable);
        return new ApplicationDetail(app, t.slug(), t.name(), version.design().name(),
                version.design().nameEn(), agencyName, version.design(),
                documents != null ? documents : repo.documents(tenant, app.id()),
                history != null ? history : repo.history(tenant, app.id()), tasks, progress(tenant, app, version, tasks),
                staff ? repo.notes(tenant, app.id()) : List.of(), permissions);
    }

    /** Every step with its state; waiting steps get an expected date from the working calendar. */
    List<StepProgress> progress(TenantId tenant, Application app, VersionInfo version, List<Task> tasks) {
        ProcedurePlan plan = version.plan();
        List<StepProgress> out = new ArrayList<>();
        LocalDate cursor = null;
        var zone = calendar.zone(tenant);
        for (int i = 0; i < plan.size(); i++) {
            LocalDate stageEnd = null;
            for (Step step : plan.stage(i)) {
                Task latest = null;
                for (Task t : tasks) {
                    if (t.stepCode().equals(step.code()) && (latest == null || !t.createdAt().isBefore(latest.createdAt()))) {
                        latest = t;
                    }
                }
                String state;
                Instant due = null;
                LocalDate expected = null;
                Instant doneAt = null;
                if (latest != null && latest.outcome() == Decision.APPROVE) {
                    state = "DONE";
                    doneAt = latest.decidedAt();
                } else if (latest != null && latest.status().active()) {
                    state = "ACTIVE";
                    due = latest.dueAt();
                    stageEnd = max(stageEnd, due.atZone(zone).toLocalDate());
                } else if (app.status().closed()) {
                    state = "SKIPPED";
                } else if (app.status() == ApplicationStatus.DRAFT || app.status() == ApplicationStatus.CORRECTION
                        && i <= app.stage()) {
                    state = app.status() == ApplicationStatus.CORRECTION ? "PAUSED" : "WAITING";
                } else {
                    state = "WAITING";
                    if (cursor != null) {
                        expected = calendar.addWorkingDays(tenant, cursor, step.days());
                        stageEnd = max(stageEnd, expected);
                    }
                }
                out.add(new StepProgress(step.code(), step.name(), step.nameEn(), step.role(), i, state, due, expected, doneAt));
            }
            if (stageEnd != null) {
                cursor = stageEnd;
            }
        }
        return out;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    @Override
    public List<ApplicationSummary> mine(GeraiUser actor, int limit) {
        int n = Math.max(1, Math.min(limit, 500));
        List<Application> apps = TenantContext.callAcrossTenants(() -> tx.execute(s -> repo.byApplicant(actor.accountId(), n)));
        return apps.stream().map(this::summary).toList();
    }

    @Override
    public List<ApplicationSummary> filedAtCounter(TenantId tenant, GeraiUser actor, int limit) {
        Membership counter = counterMembership(tenant, actor).orElseThrow(() -> GeraiException.forbidden("application-forbidden"));
        int n = Math.max(1, Math.min(limit, 500));
        return inTenant(tenant, () -> repo.filedBy(tenant, actor.accountId(), counter.servicePointId(), n))
                .stream().map(this::summary).toList();
    }

    @Override
    public List<ApplicationSummary> byNik(TenantId tenant, String nik, GeraiUser actor) {
        counterMembership(tenant, actor).orElseThrow(() -> GeraiException.forbidden("application-forbidden"));
        String digits = nik == null ? "" : nik.replaceAll("\\s", "");
        if (!digits.matches("\\d{16}")) {
            throw InvalidInput.of("nik", "application.error.nik");
        }
        return inTenant(tenant, () -> repo.byNik(tenant, digits, 50)).stream().map(this::summary).toList();
    }

    ApplicationSummary summary(Application a) {
        VersionInfo v = lookups.version(a.tenant(), a.serviceId(), a.serviceVersion());
        Tenant t = lookups.tenant(a.tenant());
        return new ApplicationSummary(a.tenant(), t.name(), a.id(), a.trackingNo(), v.design().name(), v.design().nameEn(),
                a.maskedNik(), a.applicantName(), a.channel(), a.status(), a.createdAt(), a.submittedAt(), a.dueAt(),
                a.decidedAt());
    }

    @Override
    public Optional<DocumentContent> document(TenantId tenant, UUID applicationId, String documentCode, GeraiUser actor) {
        return detail(tenant, applicationId, actor)
                .flatMap(d -> d.documents().stream().filter(x -> x.code().equals(documentCode)).findFirst())
                .flatMap(doc -> blobs.open(doc.sha256()).map(in -> new DocumentContent(doc, in)));
    }

    @Override
    public Optional<PublicStatus> publicStatus(String trackingNo, String accessCode) {
        String canonical = TrackingNumber.normalize(trackingNo);
        if (canonical == null) {
            return Optional.empty();
        }
        throttle.check(canonical);
        Optional<Application> found = TenantContext.callAcrossTenants(() -> tx.execute(s -> repo.byTracking(canonical)));
        String code = accessCode == null ? "" : accessCode.replaceAll("\\s", "");
        if (found.isEmpty() || found.get().status() == ApplicationStatus.DRAFT
                || !java.security.MessageDigest.isEqual(found.get().accessCode().getBytes(), code.getBytes())) {
            throttle.failed(canonical);
            return Optional.empty();
        }
        Application a = found.get();
        VersionInfo v = lookups.version(a.tenant(), a.serviceId(), a.serviceVersion());
        String step = null;
        String stepEn = null;
        if (a.status() == ApplicationStatus.IN_PROCESS && a.stage() < v.plan().size()) {
            Step s = v.plan().stage(a.stage()).getFirst();
            step = s.name();
            stepEn = s.nameEn();
        }
        return Optional.of(new PublicStatus(a.trackingNo(), v.design().name(), v.design().nameEn(),
                lookups.tenant(a.tenant()).name(), a.status(), a.submittedAt(), a.dueAt(), a.decidedAt(), step, stepEn));
    }

    @Override
    public Inbox inbox(TenantId tenant, InboxFilter filter, GeraiUser actor) {
        InboxFilter f = filter == null ? InboxFilter.all() : filter;
        Scope scope = scope(tenant, actor);
        if (scope == null) {
            return new Inbox(List.of(), new Counts(0, 0, 0, 0, 0));
        }
        Instant now = Instant.now();
        Instant soon = now.plus(dueSoon);
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (f.serviceId() != null) {
            where.append(" and t.service_id = ?");
            params.add(f.serviceId());
        }
        if (f.channel() != null) {
            where.append(" and t.channel = ?");
            params.add(f.channel().name());
        }
        if (f.due() == InboxFilter.Due.OVERDUE) {
            where.append(" and t.due_at < ?");
            params.add(ApplicationRepository.ts(now));
        } else if (f.due() == InboxFilter.Due.DUE_SOON) {
            where.append(" and t.due_at >= ? and t.due_at < ?");
            params.add(ApplicationRepository.ts(now));
            params.add(ApplicationRepository.ts(soon));
        }
        if (f.mine()) {
            where.append(" and t.claimed_by = ?");
            params.add(actor.accountId());
        }
        int limit = Math.max(1, Math.min(f.limit() <= 0 ? 100 : f.limit(), 500));
        return inTenant(tenant, () -> {
            List<ApplicationRepository.InboxRow> rows = repo.inbox(tenant, scope.sql(), scope.params(), where.toString(), params, limit);
            int[] c = repo.inboxCounts(tenant, scope.sql(), scope.params(), actor.accountId(), now, soon);
            List<InboxItem> items = rows.stream().map(r -> item(tenant, r, now, soon)).toList();
            return new Inbox(items, new Counts(c[0], c[1], c[2], c[3], c[4]));
        });
    }

    private InboxItem item(TenantId tenant, ApplicationRepository.InboxRow r, Instant now, Instant soon) {
        Task t = r.task();
        VersionInfo v = lookups.version(tenant, t.serviceId(), r.serviceVersion());
        Step step = v.plan().step(t.stepCode());
        String agency = lookups.agency(tenant, t.agencyId()).map(Agency::name).orElse("");
        return new InboxItem(t, r.trackingNo(), v.design().name(), v.design().nameEn(),
                step == null ? t.stepCode() : step.name(), step == null ? null : step.nameEn(), agency,
                r.applicantName(), r.applicationStatus(), !t.dueAt().isBefore(now) && t.dueAt().isBefore(soon),
                t.dueAt().isBefore(now));
    }

    @Override
    public List<InboxItem> overdue(TenantId tenant, UUID agencyId, GeraiUser actor) {
        boolean manager = actor.hasTenantRole(tenant, Role.PENGELOLA_MPP);
        List<Object> params = new ArrayList<>();
        String sql;
        if (agencyId != null) {
            boolean head = actor.memberships().stream().anyMatch(m -> m.tenant().equals(tenant)
                    && m.role() == Role.ADMIN_INSTANSI && agencyId.equals(m.agencyId()));
            if (!manager && !head) {
                throw GeraiException.forbidden("application-forbidden");
            }
            sql = "t.agency_id = ?";
            params.add(agencyId);
        } else if (manager) {
            sql = "true";
        } else {
            throw GeraiException.forbidden("application-forbidden");
        }
        Instant now = Instant.now();
        List<Object> filter = List.of(ApplicationRepository.ts(now));
        return inTenant(tenant, () -> repo.inbox(tenant, sql, params, " and t.due_at < ?", filter, 500)
                .stream().map(r -> item(tenant, r, now, now)).toList());
    }

    // =====================================================================================================
    // permissions
    // =====================================================================================================

    /** The SQL predicate over {@code t} that selects the tasks the actor's memberships may act on. */
    record Scope(String sql, List<Object> params) {
    }

    static Scope scope(TenantId tenant, GeraiUser actor) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Membership m : actor.memberships()) {
            if (!m.tenant().equals(tenant) || m.role() == Role.PENGELOLA_MPP) {
                continue;
            }
            if (m.role() == Role.ADMIN_INSTANSI && m.agencyId() != null) {
                parts.add("t.agency_id = ?");
                params.add(m.agencyId());
            } else if (m.agencyId() != null) {
                parts.add("(t.role = ? and t.agency_id = ?)");
                params.add(m.role().name());
                params.add(m.agencyId());
            } else {
                parts.add("t.role = ?");
                params.add(m.role().name());
            }
        }
        return parts.isEmpty() ? null : new Scope(String.join(" or ", parts), params);
    }

    /** Whether the actor may decide (and claim) the task: its role in its agency, or the agency's admin. */
    static boolean mayAct(Task task, GeraiUser actor) {
        for (Membership m : actor.memberships()) {
            if (!m.tenant().equals(task.tenant())) {
                continue;
            }
            if (m.role() == Role.ADMIN_INSTANSI && task.agencyId().equals(m.agencyId())) {
                return true;
            }
            if (m.role().name().equals(task.role()) && (m.agencyId() == null || m.agencyId().equals(task.agencyId()))) {
                return true;
            }
        }
        return false;
    }

    private static void requireActor(Task task, GeraiUser actor) {
        if (!mayAct(task, actor)) {
            throw GeraiException.forbidden("application-forbidden");
        }
    }

    /** The applicant, the counter officer who filed it, or a counter officer of the service point it was filed at. */
    static boolean isFiler(Application app, GeraiUser actor) {
        if (actor == null) {
            return false;
        }
        if (actor.accountId().equals(app.applicantId()) || actor.accountId().equals(app.filedBy())) {
            return true;
        }
        return app.channel() != Channel.ONLINE && app.servicePointId() != null && actor.memberships().stream()
                .anyMatch(m -> m.tenant().equals(app.tenant()) && m.role() == Role.PETUGAS_LOKET
                        && app.servicePointId().equals(m.servicePointId()));
    }

    private static void requireFiler(Application app, GeraiUser actor) {
        if (!isFiler(app, actor)) {
            throw GeraiException.forbidden("application-forbidden");
        }
    }

    /** Staff who may read the application: the MPP manager, or agency staff of its agency or of one of its tasks. */
    static boolean isStaff(Application app, List<Task> tasks, GeraiUser actor) {
        if (actor == null || app.status() == ApplicationStatus.DRAFT) {
            return false;
        }
        for (Membership m : actor.memberships()) {
            if (!m.tenant().equals(app.tenant())) {
                continue;
            }
            if (m.role() == Role.PENGELOLA_MPP) {
                return true;
            }
            if (AGENCY_ROLES.contains(m.role())) {
                if (m.agencyId() == null || m.agencyId().equals(app.agencyId())
                        || tasks.stream().anyMatch(t -> m.agencyId().equals(t.agencyId()))) {
                    return true;
                }
            }
        }
        return false;
    }

    static Optional<Membership> counterMembership(TenantId tenant, GeraiUser actor) {
        return actor.memberships().stream()
                .filter(m -> m.tenant().equals(tenant) && m.role() == Role.PETUGAS_LOKET)
                .findFirst();
    }

    private static String actorRole(Application app, GeraiUser actor) {
        if (actor.accountId().equals(app.applicantId())) {
            return Role.WARGA.name();
        }
        return Role.PETUGAS_LOKET.name();
    }

    // =====================================================================================================
    // plumbing
    // =====================================================================================================

    private Application locked(TenantId tenant, UUID id) {
        return repo.lock(tenant, id).orElseThrow(() -> GeraiException.notFound("application-not-found"));
    }

    private <T> T write(TenantId tenant, Supplier<T> work) {
        return TenantContext.call(tenant, () -> tx.execute(s -> work.get()));
    }

    private <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return TenantContext.call(tenant, () -> tx.execute(s -> work.get()));
    }

    private static void requireSize(Map<String, Object> data) {
        if (data != null && String.valueOf(data).length() > MAX_DATA_CHARS) {
            throw new GeraiException(HttpStatus.CONTENT_TOO_LARGE, "application-data-too-large");
        }
    }

    private static String accessCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    static String cleanFileName(String name) {
        if (name == null || name.isBlank()) {
            return "dokumen";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty()) {
            return "dokumen";
        }
        return base.length() > 120 ? base.substring(base.length() - 120) : base;
    }
}
