package id.gerai.complaint.internal;

import id.gerai.application.Applications;
import id.gerai.application.TrackingNumber;
import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceSummary;
import id.gerai.complaint.ComplaintAnswered;
import id.gerai.complaint.ComplaintFiled;
import id.gerai.identity.CitizenAccounts;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.platform.blob.BlobStore;
import id.gerai.platform.blob.StoredBlob;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The complaint flow. Each step is one transaction, entered after the tenant scope: lock the complaint row, check
 * who acts and whether the step is allowed now, write the new state, one history row, the audit record, the event
 * (filing and follow-up) and the notifications together.
 *
 * <p>Who may do what: the reporter (their account, or anyone holding the tracking number <em>and</em> the access
 * code) reads their complaint, adds to it, replies to a follow-up and rates it; the coordinator (PENGELOLA_MPP of
 * the tenant) sees everything of the tenant and verifies, forwards, postpones, resumes, archives or declares a
 * complaint not the region's authority; the agency's staff (ADMIN_INSTANSI, PETUGAS_INSTANSI of the agency, or of
 * every agency when their membership names none) see complaints forwarded to their agency, without the reporter's
 * identity when it is anonymous, and post the follow-up. A complaint someone may not see is "not found".
 */
@Service
class ComplaintService {

    static final Set<String> FILE_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");
    static final long FILE_MAX = 5L * 1024 * 1024;
    static final int MAX_FILES = 5;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 .-]{6,18}[0-9]$");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who looks at a complaint. */
    public enum Perspective { REPORTER, COORDINATOR, AGENCY }

    /** A new report as the form and the API send it (strings as typed; checked here). */
    record NewComplaint(String kind, String title, String body, String incidentDate, String location, UUID serviceId,
                        String applicationTracking, UUID agencyId, UUID servicePointId, boolean confidential,
                        boolean anonymous, String name, String email, String phone, String lang) {
    }

    /** A file to attach. */
    record Upload(String fileName, InputStream content) {
    }

    /** The filed complaint and its access code (shown once, on the receipt, and e-mailed to the reporter). */
    record Filed(Complaint complaint, String accessCode) {
    }

    /** What the viewer may do now. */
    public record Actions(boolean verify, boolean forward, boolean postpone, boolean resume, boolean archive,
                   boolean notAuthority, boolean followUp, boolean reply, boolean reopen, boolean rate) {
    }

    /** One complaint as a page or the API shows it, cut to what the viewer may see. */
    public record View(Complaint complaint, String tenantSlug, String tenantName, String agencyName, String serviceName,
                String servicePointName, List<ComplaintMessage> messages, List<ComplaintAttachment> attachments,
                List<ComplaintHistoryEntry> history, Perspective perspective, boolean overdue, boolean dueSoon,
                Actions actions, String zone) {
    }

    /** A coordinator's or agency's inbox. */
    public record Inbox(List<Item> items, Counts counts, boolean coordinator) {
    }

    public record Item(Complaint complaint, String agencyName, boolean overdue, boolean dueSoon) {
    }

    /** Counts over the whole inbox, whatever the filter. */
    public record Counts(int open, int received, int postponed, int forwarded, int answered, int dueSoon, int overdue,
                  int finished) {
    }

    /** Inbox views. */
    public enum Filter { OPEN, NEW, DUE_SOON, OVERDUE, POSTPONED, FORWARDED, ANSWERED, FINISHED, ALL }

    /** A public complaint: no reporter, with the agency's follow-ups. */
    public record PublicItem(Complaint complaint, String agencyName, List<ComplaintMessage> followUps) {
    }

    private final ComplaintRepository repo;
    private final WorkingCalendar calendar;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final ComplaintNotifier notifier;
    private final CitizenAccounts citizens;
    private final Applications applications;
    private final CatalogApi catalog;
    private final TenancyApi tenancy;
    private final TransactionTemplate tx;
    private final TrackThrottle throttle;
    private final ApplicationEventPublisher events;
    private final ComplaintSettings settings;

    ComplaintService(ComplaintRepository repo, WorkingCalendar calendar, BlobStore blobs, AuditLog audit,
                     ComplaintNotifier notifier, CitizenAccounts citizens, Applications applications, CatalogApi catalog,
                     TenancyApi tenancy, TransactionTemplate tx, TrackThrottle throttle, ApplicationEventPublisher events,
                     ComplaintSettings settings) {
        this.repo = repo;
        this.calendar = calendar;
        this.blobs = blobs;
        this.audit = audit;
        this.notifier = notifier;
        this.citizens = citizens;
        this.applications = applications;
        this.catalog = catalog;
        this.tenancy = tenancy;
        this.tx = tx;
        this.throttle = throttle;
        this.events = events;
        this.settings = settings;
    }

    // =====================================================================================================
    // filing
    // =====================================================================================================

    /**
     * Files a report. {@code actor} is the signed-in citizen (their account is the reporter) or {@code null}
     * (then an e-mail address or a phone number is required, a name is optional). Everything is checked before
     * anything is written; files are stored first (content-addressed, so an unused one is harmless).
     */
    Filed file(TenantId tenant, NewComplaint in, List<Upload> files, GeraiUser actor, String channel) {
        Tenant t = tenancy.byId(tenant).orElseThrow(() -> GeraiException.notFound("tenant-not-found"));
        GeraiUser reporter = actor != null && actor.citizen() ? actor : null;
        CitizenAccounts.Citizen citizen = reporter == null ? null : citizens.byId(reporter.accountId()).orElse(null);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        ComplaintKind kind = ComplaintKind.parse(in.kind());
        if (kind == null) {
            errors.add("kind", "complaint.error.kind");
        }
        String title = clean(in.title());
        if (title == null) {
            errors.add("title", "complaint.error.title-required");
        } else if (title.length() < 5 || title.length() > 200) {
            errors.add("title", "complaint.error.title-length");
        }
        String body = clean(in.body());
        if (body == null) {
            errors.add("body", "complaint.error.body-required");
        } else if (body.length() < 20 || body.length() > 8000) {
            errors.add("body", "complaint.error.body-length");
        }
        LocalDate incident = null;
        if (clean(in.incidentDate()) != null) {
            try {
                incident = LocalDate.parse(in.incidentDate().strip());
                if (incident.isAfter(LocalDate.now(calendar.zone(tenant))) || incident.getYear() < 2000) {
                    errors.add("incidentDate", "complaint.error.incident-date");
                }
            } catch (DateTimeParseException e) {
                errors.add("incidentDate", "complaint.error.incident-date");
            }
        }
        String location = clean(in.location());
        if (location != null && location.length() > 300) {
            errors.add("location", "complaint.error.location-length");
        }
        UUID serviceId = in.serviceId();
        UUID agencyId = in.agencyId();
        UUID pointId = in.servicePointId();
        TenantContext.run(tenant, () -> {
            if (in.serviceId() != null && catalog.service(tenant, in.serviceId()).isEmpty()) {
                errors.add("serviceId", "complaint.error.service");
            }
            if (in.agencyId() != null && tenancy.agencies(tenant).stream().noneMatch(a -> a.id().equals(in.agencyId()))) {
                errors.add("agencyId", "complaint.error.agency");
            }
            if (in.servicePointId() != null
                    && tenancy.servicePoints(tenant).stream().noneMatch(p -> p.id().equals(in.servicePointId()))) {
                errors.add("servicePointId", "complaint.error.service-point");
            }
        });
        String application = null;
        if (clean(in.applicationTracking()) != null) {
            application = TrackingNumber.normalize(in.applicationTracking());
            if (application == null) {
                errors.add("applicationTracking", "complaint.error.application-tracking");
            }
        }
        String name = clean(in.name());
        String email = clean(in.email());
        String phone = clean(in.phone());
        if (name != null && name.length() > 120) {
            errors.add("name", "complaint.error.name-length");
        }
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            errors.add("email", "complaint.error.email");
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add("phone", "complaint.error.phone");
        }
        if (citizen == null && email == null && phone == null && !errors.has("email") && !errors.has("phone")) {
            errors.add("email", "complaint.error.contact-required");
        }
        if (files.size() > MAX_FILES) {
            errors.add("files", "complaint.error.too-many-files");
        }
        errors.throwIfAny();

        // the application it is about: what the citizen may see of it names its agency and service
        if (application != null && reporter != null) {
            var detail = applications.detail(application, reporter);
            if (detail.isPresent() && detail.get().application().tenant().equals(tenant)) {
                if (agencyId == null) {
                    agencyId = detail.get().application().agencyId();
                }
                if (serviceId == null) {
                    serviceId = detail.get().application().serviceId();
                }
            }
        }
        if (agencyId == null && serviceId != null) {
            UUID sid = serviceId;
            agencyId = TenantContext.call(tenant, () -> catalog.service(tenant, sid).map(ServiceSummary::agencyId).orElse(null));
        }
        List<StoredBlob> stored = store(files);

        String lang = "en".equals(in.lang()) ? "en" : "id";
        String reporterName = citizen != null ? citizen.fullName() : name;
        String reporterEmail = citizen != null ? firstNonNull(email, citizen.email()) : email;
        String reporterPhone = citizen != null ? firstNonNull(phone, citizen.phone()) : phone;
        UUID finalAgency = agencyId;
        UUID finalService = serviceId;
        String finalApplication = application;
        LocalDate finalIncident = incident;
        for (int attempt = 1; ; attempt++) {
            try {
                return write(tenant, () -> {
                    Instant now = now();
                    String code = accessCode();
                    Complaint c = new Complaint(tenant, UUID.randomUUID(), TrackingNumber.generate(), kind, title, body,
                            finalIncident, location, finalService, finalApplication, pointId, finalAgency,
                            in.confidential(), in.anonymous(), citizen == null ? null : citizen.accountId(), reporterName,
                            citizen == null ? null : citizen.nik(), reporterEmail, reporterPhone, lang, channel, null,
                            ComplaintStatus.RECEIVED, null, now, null, null, null, null,
                            calendar.deadline(tenant, now, settings.verifyDays()), null, null, null, null, 0, null);
                    repo.insert(c, hash(c.trackingNo(), code));
                    int i = 0;
                    for (StoredBlob b : stored) {
                        repo.attachment(tenant, c.id(), new ComplaintAttachment(0, null, "REPORTER", b.sha256(), b.size(),
                                b.contentType(), fileName(files.get(i++).fileName()), now));
                    }
                    repo.history(tenant, c.id(), now, "FILED", c.reporterId(), c.reporterId() == null ? null : Role.WARGA.name(),
                            c.status(), c.agencyId(), Map.of("due", c.dueAt().toString(), "channel", channel));
                    audit.record(AuditEvent.of(tenant, "complaint.filed", "complaint", c.id(), null, filedAudit(c, stored.size()))
                            .byActor(reporter == null ? "anonymous" : reporter.auditActorId()));
                    events.publishEvent(new ComplaintFiled(tenant, c.id(), c.agencyId(), c.serviceId(), c.servicePointId(), now));
                    notifier.reporter(c, "FILED", code, null, t);
                    notifier.coordinators(c, "new", t);
                    return new Filed(c, code);
                });
            } catch (DuplicateKeyException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private static Map<String, Object> filedAudit(Complaint c, int files) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("trackingNo", c.trackingNo());
        after.put("kind", c.kind().name());
        after.put("confidential", c.confidential());
        after.put("anonymous", c.anonymous());
        after.put("agency", c.agencyId());
        after.put("service", c.serviceId());
        after.put("servicePoint", c.servicePointId());
        after.put("application", c.applicationTracking());
        after.put("channel", c.channel());
        after.put("files", files);
        after.put("due", c.dueAt());
        return after;
    }

    List<StoredBlob> store(List<Upload> files) {
        List<StoredBlob> stored = new ArrayList<>();
        for (Upload u : files) {
            stored.add(blobs.store(u.content(), FILE_MAX, FILE_TYPES));
        }
        return stored;
    }

    // =====================================================================================================
    // reporter
    // =====================================================================================================

    /**
     * The complaint for its reporter: by the tracking number and access code, or by the signed-in reporter's
     * account (then the code may be left out). Empty when neither matches; repeated wrong codes are throttled.
     */
    Optional<View> reporterView(String trackingNo, String accessCode, GeraiUser actor) {
        return reporterComplaint(trackingNo, accessCode, actor).map(c -> view(c, Perspective.REPORTER));
    }

    private Optional<Complaint> reporterComplaint(String trackingNo, String accessCode, GeraiUser actor) {
        String canonical = TrackingNumber.normalize(trackingNo);
        if (canonical == null) {
            return Optional.empty();
        }
        Optional<ComplaintRepository.Located> found = TenantContext.callAcrossTenants(() -> tx.execute(s -> repo.byTracking(canonical)));
        if (found.isPresent() && actor != null && actor.accountId().equals(found.get().complaint().reporterId())) {
            return Optional.of(found.get().complaint());
        }
        throttle.check(canonical);
        String code = accessCode == null ? "" : accessCode.replaceAll("[\\s-]", "");
        if (found.isEmpty() || !MessageDigest.isEqual(found.get().accessCodeHash().getBytes(StandardCharsets.US_ASCII),
                hash(canonical, code).getBytes(StandardCharsets.US_ASCII))) {
            throttle.failed(canonical);
            return Optional.empty();
        }
        return Optional.of(found.get().complaint());
    }

    /** The signed-in citizen's complaints in every tenant, newest first. */
    List<Complaint> mine(GeraiUser actor, int limit) {
        return TenantContext.callAcrossTenants(() -> tx.execute(s -> repo.byReporter(actor.accountId(), limit)));
    }

    /**
     * The reporter writes more: while it waits for the coordinator or the agency, it is added; while postponed, it
     * goes back to the coordinator (RECEIVED, a new verification limit); after the follow-up, with {@code reopen} it
     * goes back to the agency (FORWARDED, a new follow-up limit), otherwise it is a comment.
     */
    View reply(String trackingNo, String accessCode, GeraiUser actor, String body, boolean reopen, List<Upload> files) {
        Complaint found = reporterComplaint(trackingNo, accessCode, actor)
                .orElseThrow(() -> GeraiException.notFound("complaint-not-found"));
        String text = clean(body);
        if (text == null) {
            throw InvalidInput.of("body", "complaint.error.reply-required");
        }
        if (text.length() > 8000) {
            throw InvalidInput.of("body", "complaint.error.body-length");
        }
        if (files.size() > MAX_FILES) {
            throw InvalidInput.of("files", "complaint.error.too-many-files");
        }
        List<StoredBlob> stored = store(files);
        TenantId tenant = found.tenant();
        Tenant t = tenancy.byId(tenant).orElseThrow();
        return write(tenant, () -> {
            Complaint c = locked(tenant, found.id());
            if (c.status().finished()) {
                throw GeraiException.conflict("complaint-closed");
            }
            Instant now = now();
            ComplaintMessage m = new ComplaintMessage(UUID.randomUUID(), "REPORTER", null, text, now);
            repo.messageBy(tenant, c.id(), m, c.reporterId());
            int i = 0;
            for (StoredBlob b : stored) {
                repo.attachment(tenant, c.id(), new ComplaintAttachment(0, m.id(), "REPORTER", b.sha256(), b.size(),
                        b.contentType(), fileName(files.get(i++).fileName()), now));
            }
            Complaint after = c;
            String action = "REPLIED";
            if (c.status() == ComplaintStatus.POSTPONED) {
                after = with(c, ComplaintStatus.RECEIVED, null, calendar.deadline(tenant, now, settings.verifyDays()));
                action = "RESUMED_BY_REPORTER";
            } else if (c.status() == ComplaintStatus.ANSWERED && reopen) {
                after = with(c, ComplaintStatus.FORWARDED, null, calendar.deadline(tenant, now, settings.followUpDays()));
                action = "REOPENED";
            }
            if (after != c) {
                repo.update(after);
            }
            repo.history(tenant, c.id(), now, action, c.reporterId(), Role.WARGA.name(), after.status(), after.agencyId(),
                    after.dueAt() == null ? Map.of() : Map.of("due", after.dueAt().toString()));
            audit.record(AuditEvent.of(tenant, "complaint." + action.toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                            "complaint", c.id(), Map.of("status", c.status().name()),
                            Map.of("status", after.status().name(), "files", stored.size()))
                    .byActor(actor != null && actor.accountId().equals(c.reporterId()) ? actor.auditActorId() : "reporter"));
            if ("REOPENED".equals(action)) {
                notifier.reporter(after, "REOPENED", null, null, t);
                notifier.agency(after, "reopened", t);
            } else if ("RESUMED_BY_REPORTER".equals(action)) {
                notifier.reporter(after, "RESUMED", null, null, t);
                notifier.coordinators(after, "resumed", t);
            } else if (after.status() == ComplaintStatus.FORWARDED) {
                notifier.agency(after, "replied", t);
            } else {
                notifier.coordinators(after, "replied", t);
            }
            return view(repo.find(tenant, c.id()).orElseThrow(), Perspective.REPORTER);
        });
    }

    /** The reporter rates the follow-up (1–5 and/or satisfied or not): the complaint closes. */
    View rate(String trackingNo, String accessCode, GeraiUser actor, Integer rating, Boolean satisfied, String comment) {
        Complaint found = reporterComplaint(trackingNo, accessCode, actor)
                .orElseThrow(() -> GeraiException.notFound("complaint-not-found"));
        if (rating == null && satisfied == null) {
            throw InvalidInput.of("rating", "complaint.error.rating-required");
        }
        if (rating != null && (rating < 1 || rating > 5)) {
            throw InvalidInput.of("rating", "complaint.error.rating");
        }
        String text = clean(comment);
        if (text != null && text.length() > 8000) {
            throw InvalidInput.of("comment", "complaint.error.body-length");
        }
        TenantId tenant = found.tenant();
        Tenant t = tenancy.byId(tenant).orElseThrow();
        return write(tenant, () -> {
            Complaint c = locked(tenant, found.id());
            if (c.status() != ComplaintStatus.ANSWERED) {
                throw GeraiException.conflict("complaint-not-answered");
            }
            Instant now = now();
            Boolean sat = satisfied != null ? satisfied : Boolean.valueOf(rating >= 3);
            Complaint after = new Complaint(c.tenant(), c.id(), c.trackingNo(), c.kind(), c.title(), c.body(), c.incidentDate(),
                    c.location(), c.serviceId(), c.applicationTracking(), c.servicePointId(), c.agencyId(), c.confidential(),
                    c.anonymous(), c.reporterId(), c.reporterName(), c.reporterNik(), c.reporterEmail(), c.reporterPhone(),
                    c.lang(), c.channel(), c.laporId(), ComplaintStatus.CLOSED, null, c.filedAt(), c.verifiedAt(),
                    c.forwardedAt(), c.answeredAt(), now, null, c.escalatedAt(), rating, sat, "REPORTER", c.lockVersion(), c.anonymisedAt());
            repo.update(after);
            if (text != null) {
                repo.messageBy(tenant, c.id(), new ComplaintMessage(UUID.randomUUID(), "REPORTER", null, text, now), c.reporterId());
            }
            Map<String, Object> detail = new HashMap<>();
            detail.put("satisfied", sat);
            if (rating != null) {
                detail.put("rating", rating);
            }
            repo.history(tenant, c.id(), now, "RATED", c.reporterId(), Role.WARGA.name(), after.status(), c.agencyId(), detail);
            audit.record(AuditEvent.of(tenant, "complaint.rated", "complaint", c.id(), Map.of("status", c.status().name()),
                            Map.of("status", "CLOSED", "satisfied", sat, "rating", rating == null ? "" : rating))
                    .byActor(actor != null && actor.accountId().equals(c.reporterId()) ? actor.auditActorId() : "reporter"));
            notifier.reporter(after, "CLOSED", null, null, t);
            notifier.agency(after, "rated", t);
            return view(after, Perspective.REPORTER);
        });
    }

    // =====================================================================================================
    // staff
    // =====================================================================================================

    /** The coordinator checked the report (and may correct its kind, agency, service or confidentiality). */
    View verify(TenantId tenant, UUID id, String kind, UUID agencyId, Boolean confidential, String note, GeraiUser actor) {
        requireCoordinator(tenant, actor);
        ComplaintKind k = kind == null || kind.isBlank() ? null : ComplaintKind.parse(kind);
        if (kind != null && !kind.isBlank() && k == null) {
            throw InvalidInput.of("kind", "complaint.error.kind");
        }
        requireAgency(tenant, agencyId, false);
        return step(tenant, id, actor, "VERIFIED", Set.of(ComplaintStatus.RECEIVED), c -> {
            Complaint v = new Complaint(c.tenant(), c.id(), c.trackingNo(), k == null ? c.kind() : k, c.title(), c.body(),
                    c.incidentDate(), c.location(), c.serviceId(), c.applicationTracking(), c.servicePointId(),
                    agencyId == null ? c.agencyId() : agencyId, confidential == null ? c.confidential() : confidential,
                    c.anonymous(), c.reporterId(), c.reporterName(), c.reporterNik(), c.reporterEmail(), c.reporterPhone(),
                    c.lang(), c.channel(), c.laporId(), ComplaintStatus.VERIFIED, null, c.filedAt(), now(), c.forwardedAt(),
                    c.answeredAt(), c.closedAt(), c.dueAt(), c.escalatedAt(), c.rating(), c.satisfied(), c.closedBy(),
                    c.lockVersion(), c.anonymisedAt());
            return v;
        }, note, Role.PENGELOLA_MPP, null);
    }

    /** The coordinator hands the complaint to the agency in charge: the follow-up clock starts. */
    View forward(TenantId tenant, UUID id, UUID agencyId, String note, GeraiUser actor) {
        requireCoordinator(tenant, actor);
        requireAgency(tenant, agencyId, true);
        return step(tenant, id, actor, "FORWARDED", Set.of(ComplaintStatus.RECEIVED, ComplaintStatus.VERIFIED), c -> {
            Instant now = now();
            return new Complaint(c.tenant(), c.id(), c.trackingNo(), c.kind(), c.title(), c.body(), c.incidentDate(),
                    c.location(), c.serviceId(), c.applicationTracking(), c.servicePointId(), agencyId, c.confidential(),
                    c.anonymous(), c.reporterId(), c.reporterName(), c.reporterNik(), c.reporterEmail(), c.reporterPhone(),
                    c.lang(), c.channel(), c.laporId(), ComplaintStatus.FORWARDED, null, c.filedAt(),
                    c.verifiedAt() == null ? now : c.verifiedAt(), now, c.answeredAt(), c.closedAt(),
                    calendar.deadline(tenant, now, settings.followUpDays()), null, c.rating(), c.satisfied(), c.closedBy(),
                    c.lockVersion(), c.anonymisedAt());
        }, note, Role.PENGELOLA_MPP, "FORWARDED");
    }

    /** Waits for more from the reporter (the reason says what): no clock until the reporter writes or it resumes. */
    View postpone(TenantId tenant, UUID id, String reason, GeraiUser actor) {
        requireCoordinator(tenant, actor);
        String r = requireReason(reason);
        return step(tenant, id, actor, "POSTPONED", Set.of(ComplaintStatus.RECEIVED, ComplaintStatus.VERIFIED),
                c -> with(c, ComplaintStatus.POSTPONED, r, null), r, Role.PENGELOLA_MPP, "POSTPONED");
    }

    /** A postponed complaint goes back to verification with a new limit. */
    View resume(TenantId tenant, UUID id, GeraiUser actor) {
        requireCoordinator(tenant, actor);
        return step(tenant, id, actor, "RESUMED", Set.of(ComplaintStatus.POSTPONED),
                c -> with(c, ComplaintStatus.RECEIVED, null, calendar.deadline(tenant, now(), settings.verifyDays())),
                null, Role.PENGELOLA_MPP, "RESUMED");
    }

    /** Archived (not handled further: a duplicate, no substance); the reason is told to the reporter. */
    View archive(TenantId tenant, UUID id, String reason, GeraiUser actor) {
        requireCoordinator(tenant, actor);
        String r = requireReason(reason);
        return step(tenant, id, actor, "ARCHIVED", Set.of(ComplaintStatus.RECEIVED, ComplaintStatus.VERIFIED, ComplaintStatus.POSTPONED),
                c -> ended(c, ComplaintStatus.ARCHIVED, r), r, Role.PENGELOLA_MPP, "ARCHIVED");
    }

    /** Not the region's authority (a central agency, another region); the reason says where to turn. */
    View notAuthority(TenantId tenant, UUID id, String reason, GeraiUser actor) {
        requireCoordinator(tenant, actor);
        String r = requireReason(reason);
        return step(tenant, id, actor, "NOT_OUR_AUTHORITY", Set.of(ComplaintStatus.RECEIVED, ComplaintStatus.VERIFIED, ComplaintStatus.POSTPONED),
                c -> ended(c, ComplaintStatus.NOT_OUR_AUTHORITY, r), r, Role.PENGELOLA_MPP, "NOT_OUR_AUTHORITY");
    }

    /** The agency posts its follow-up (tindak lanjut): the reporter is told; the automatic closing clock starts. */
    View followUp(TenantId tenant, UUID id, String body, List<Upload> files, GeraiUser actor) {
        String text = clean(body);
        if (text == null) {
            throw InvalidInput.of("body", "complaint.error.follow-up-required");
        }
        if (text.length() < 10 || text.length() > 8000) {
            throw InvalidInput.of("body", "complaint.error.follow-up-length");
        }
        if (files.size() > MAX_FILES) {
            throw InvalidInput.of("files", "complaint.error.too-many-files");
        }
        List<StoredBlob> stored = store(files);
        Tenant t = tenancy.byId(tenant).orElseThrow(() -> GeraiException.notFound("tenant-not-found"));
        return write(tenant, () -> {
            Complaint c = locked(tenant, id);
            Perspective p = perspective(c, actor);
            if (p != Perspective.AGENCY) {
                throw p == null ? GeraiException.notFound("complaint-not-found") : GeraiException.forbidden("complaint-forbidden");
            }
            if (c.status() != ComplaintStatus.FORWARDED) {
                throw GeraiException.conflict("complaint-step-not-allowed");
            }
            Instant now = now();
            boolean onTime = c.dueAt() == null || !now.isAfter(c.dueAt());
            ComplaintMessage m = new ComplaintMessage(UUID.randomUUID(), "AGENCY", c.agencyId(), text, now);
            repo.messageBy(tenant, c.id(), m, actor.accountId());
            int i = 0;
            for (StoredBlob b : stored) {
                repo.attachment(tenant, c.id(), new ComplaintAttachment(0, m.id(), "AGENCY", b.sha256(), b.size(),
                        b.contentType(), fileName(files.get(i++).fileName()), now));
            }
            Complaint after = new Complaint(c.tenant(), c.id(), c.trackingNo(), c.kind(), c.title(), c.body(), c.incidentDate(),
                    c.location(), c.serviceId(), c.applicationTracking(), c.servicePointId(), c.agencyId(), c.confidential(),
                    c.anonymous(), c.reporterId(), c.reporterName(), c.reporterNik(), c.reporterEmail(), c.reporterPhone(),
                    c.lang(), c.channel(), c.laporId(), ComplaintStatus.ANSWERED, null, c.filedAt(), c.verifiedAt(),
                    c.forwardedAt(), now, c.closedAt(), calendar.deadline(tenant, now, settings.autoCloseDays()), null,
                    c.rating(), c.satisfied(), c.closedBy(), c.lockVersion(), c.anonymisedAt());
            repo.update(after);
            repo.history(tenant, c.id(), now, "ANSWERED", actor.accountId(), agencyRole(tenant, actor), after.status(),
                    c.agencyId(), Map.of("onTime", onTime, "due", String.valueOf(c.dueAt()), "closesAt", after.dueAt().toString()));
            audit.record(AuditEvent.of(tenant, "complaint.answered", "complaint", c.id(), Map.of("status", c.status().name()),
                    Map.of("status", "ANSWERED", "onTime", onTime, "files", stored.size())).byActor(actor.auditActorId()));
            events.publishEvent(new ComplaintAnswered(tenant, c.id(), c.agencyId(), c.serviceId(), c.servicePointId(),
                    c.filedAt(), now, onTime));
            notifier.reporter(after, "ANSWERED", null, text, t);
            return view(after, Perspective.AGENCY);
        });
    }

    /** The complaint as staff see it; "not found" for a complaint the actor may not see. */
    View staffView(TenantId tenant, UUID id, GeraiUser actor) {
        return inTenant(tenant, () -> {
            Complaint c = repo.find(tenant, id).orElseThrow(() -> GeraiException.notFound("complaint-not-found"));
            Perspective p = perspective(c, actor);
            if (p == null || p == Perspective.REPORTER) {
                throw GeraiException.notFound("complaint-not-found");
            }
            return view(c, p);
        });
    }

    /** The inbox of the coordinator (every complaint of the tenant) or of agency staff (their agency's). */
    Inbox inbox(TenantId tenant, Filter filter, UUID agencyFilter, GeraiUser actor, int limit) {
        boolean coordinator = isCoordinator(tenant, actor);
        Scope scope = agencyScope(tenant, actor);
        if (!coordinator && scope == null) {
            throw GeraiException.forbidden("complaint-forbidden");
        }
        return inTenant(tenant, () -> {
            List<Complaint> all = coordinator ? repo.list(tenant, agencyFilter, List.of(), 5000)
                    : repo.list(tenant, null, List.of(), 5000).stream()
                    .filter(c -> c.forwardedAt() != null && scope.covers(c.agencyId()))
                    .filter(c -> agencyFilter == null || agencyFilter.equals(c.agencyId())).toList();
            Instant now = Instant.now();
            Instant soon = now.plus(settings.dueSoon());
            Map<UUID, String> agencies = agencyNames(tenant);
            int open = 0, received = 0, postponed = 0, forwarded = 0, answered = 0, dueSoon = 0, overdue = 0, finished = 0;
            List<Item> items = new ArrayList<>();
            for (Complaint c : all) {
                boolean od = c.overdueAt(now);
                boolean ds = !od && c.status().staffClock() && c.dueAt() != null && c.dueAt().isBefore(soon);
                boolean fin = c.status().finished();
                open += fin ? 0 : 1;
                received += c.status() == ComplaintStatus.RECEIVED || c.status() == ComplaintStatus.VERIFIED ? 1 : 0;
                postponed += c.status() == ComplaintStatus.POSTPONED ? 1 : 0;
                forwarded += c.status() == ComplaintStatus.FORWARDED ? 1 : 0;
                answered += c.status() == ComplaintStatus.ANSWERED ? 1 : 0;
                dueSoon += ds ? 1 : 0;
                overdue += od ? 1 : 0;
                finished += fin ? 1 : 0;
                boolean match = switch (filter) {
                    case OPEN -> !fin;
                    case NEW -> c.status() == ComplaintStatus.RECEIVED || c.status() == ComplaintStatus.VERIFIED;
                    case DUE_SOON -> ds;
                    case OVERDUE -> od;
                    case POSTPONED -> c.status() == ComplaintStatus.POSTPONED;
                    case FORWARDED -> c.status() == ComplaintStatus.FORWARDED;
                    case ANSWERED -> c.status() == ComplaintStatus.ANSWERED;
                    case FINISHED -> fin;
                    case ALL -> true;
                };
                if (match && items.size() < limit) {
                    Complaint shown = coordinator || !c.anonymous() ? c : c.withoutReporter();
                    items.add(new Item(shown, agencies.get(c.agencyId()), od, ds));
                }
            }
            return new Inbox(items, new Counts(open, received, postponed, forwarded, answered, dueSoon, overdue, finished),
                    coordinator);
        });
    }

    /** The public list of a tenant: verified, not confidential, never the reporter. */
    List<PublicItem> publicList(TenantId tenant, int limit, int offset) {
        return inTenant(tenant, () -> {
            List<Complaint> list = repo.publicList(tenant, limit, offset);
            Map<UUID, List<ComplaintMessage>> answers = repo.followUps(tenant, list.stream().map(Complaint::id).toList());
            Map<UUID, String> agencies = agencyNames(tenant);
            return list.stream().map(c -> new PublicItem(c.withoutReporter(), agencies.get(c.agencyId()),
                    answers.getOrDefault(c.id(), List.of()))).toList();
        });
    }

    int publicCount(TenantId tenant) {
        return inTenant(tenant, () -> repo.publicCount(tenant));
    }

    /** A file of a complaint for someone who may see the complaint (the view decides). */
    Optional<InputStream> open(View v, int seq) {
        return v.attachments().stream().filter(a -> a.seq() == seq).findFirst().flatMap(a -> blobs.open(a.sha256()));
    }

    // =====================================================================================================
    // used by the watch and the LAPOR! exchange
    // =====================================================================================================

    /** The escalation of an overdue staff step: marked, written to the history, audited and e-mailed, once. */
    boolean escalate(Complaint found, Tenant t) {
        Complaint c = locked(found.tenant(), found.id());
        if (!c.overdueAt(Instant.now()) || c.escalatedAt() != null) {
            return false;
        }
        Instant now = now();
        Complaint after = new Complaint(c.tenant(), c.id(), c.trackingNo(), c.kind(), c.title(), c.body(), c.incidentDate(),
                c.location(), c.serviceId(), c.applicationTracking(), c.servicePointId(), c.agencyId(), c.confidential(),
                c.anonymous(), c.reporterId(), c.reporterName(), c.reporterNik(), c.reporterEmail(), c.reporterPhone(), c.lang(),
                c.channel(), c.laporId(), c.status(), c.statusReason(), c.filedAt(), c.verifiedAt(), c.forwardedAt(),
                c.answeredAt(), c.closedAt(), c.dueAt(), now, c.rating(), c.satisfied(), c.closedBy(), c.lockVersion(), c.anonymisedAt());
        repo.update(after);
        repo.history(c.tenant(), c.id(), now, "ESCALATED", null, null, c.status(), c.agencyId(), Map.of("due", c.dueAt().toString()));
        audit.record(AuditEvent.of(c.tenant(), "complaint.escalated", "complaint", c.id(), null,
                Map.of("status", c.status().name(), "due", c.dueAt().toString())).byActor("system"));
        if (c.status() == ComplaintStatus.FORWARDED) {
            notifier.escalation(after, true, t);
        } else {
            notifier.escalation(after, false, t);
        }
        return true;
    }

    /** Closes an answered complaint whose reporter did not reply in time. */
    boolean autoClose(Complaint found, Tenant t) {
        Complaint c = locked(found.tenant(), found.id());
        if (c.status() != ComplaintStatus.ANSWERED || c.dueAt() == null || !c.dueAt().isBefore(Instant.now())) {
            return false;
        }
        Instant now = now();
        Complaint after = new Complaint(c.tenant(), c.id(), c.trackingNo(), c.kind(), c.title(), c.body(), c.incidentDate(),
                c.location(), c.serviceId(), c.applicationTracking(), c.servicePointId(), c.agencyId(), c.confidential(),
                c.anonymous(), c.reporterId(), c.reporterName(), c.reporterNik(), c.reporterEmail(), c.reporterPhone(), c.lang(),
                c.channel(), c.laporId(), ComplaintStatus.CLOSED, null, c.filedAt(), c.verifiedAt(), c.forwardedAt(),
                c.answeredAt(), now, null, c.escalatedAt(), c.rating(), c.satisfied(), "SYSTEM", c.lockVersion(), c.anonymisedAt());
        repo.update(after);
        repo.history(c.tenant(), c.id(), now, "AUTO_CLOSED", null, null, ComplaintStatus.CLOSED, c.agencyId(),
                Map.of("due", c.dueAt().toString()));
        audit.record(AuditEvent.of(c.tenant(), "complaint.auto-closed", "complaint", c.id(), Map.of("status", "ANSWERED"),
                Map.of("status", "CLOSED")).byActor("system"));
        notifier.reporter(after, "AUTO_CLOSED", null, null, t);
        return true;
    }

    // =====================================================================================================
    // permissions and views
    // =====================================================================================================

    /** The agencies an agency staff member works for; {@code null} when they hold no agency role in the tenant. */
    record Scope(boolean all, Set<UUID> agencies) {
        boolean covers(UUID agency) {
            return all || agency != null && agencies.contains(agency);
        }
    }

    static Scope agencyScope(TenantId tenant, GeraiUser actor) {
        if (actor == null) {
            return null;
        }
        boolean any = false;
        boolean all = false;
        Set<UUID> agencies = new HashSet<>();
        for (Membership m : actor.memberships()) {
            if (m.tenant().equals(tenant) && (m.role() == Role.ADMIN_INSTANSI || m.role() == Role.PETUGAS_INSTANSI)) {
                any = true;
                if (m.agencyId() == null) {
                    all = true;
                } else {
                    agencies.add(m.agencyId());
                }
            }
        }
        return any ? new Scope(all, agencies) : null;
    }

    static boolean isCoordinator(TenantId tenant, GeraiUser actor) {
        return actor != null && actor.memberships().stream()
                .anyMatch(m -> m.tenant().equals(tenant) && m.role() == Role.PENGELOLA_MPP);
    }

    static Perspective perspective(Complaint c, GeraiUser actor) {
        if (isCoordinator(c.tenant(), actor)) {
            return Perspective.COORDINATOR;
        }
        Scope scope = agencyScope(c.tenant(), actor);
        if (scope != null && c.forwardedAt() != null && scope.covers(c.agencyId())) {
            return Perspective.AGENCY;
        }
        if (actor != null && actor.accountId().equals(c.reporterId())) {
            return Perspective.REPORTER;
        }
        return null;
    }

    private static void requireCoordinator(TenantId tenant, GeraiUser actor) {
        if (!isCoordinator(tenant, actor)) {
            throw GeraiException.forbidden("complaint-forbidden");
        }
    }

    private void requireAgency(TenantId tenant, UUID agencyId, boolean required) {
        if (agencyId == null) {
            if (required) {
                throw InvalidInput.of("agencyId", "complaint.error.agency-required");
            }
            return;
        }
        boolean known = TenantContext.call(tenant, () -> tenancy.agencies(tenant).stream().anyMatch(a -> a.id().equals(agencyId)));
        if (!known) {
            throw InvalidInput.of("agencyId", "complaint.error.agency");
        }
    }

    private static String requireReason(String reason) {
        String r = clean(reason);
        if (r == null) {
            throw InvalidInput.of("reason", "complaint.error.reason-required");
        }
        if (r.length() > 2000) {
            throw InvalidInput.of("reason", "complaint.error.reason-length");
        }
        return r;
    }

    private static String agencyRole(TenantId tenant, GeraiUser actor) {
        return actor.memberships().stream().filter(m -> m.tenant().equals(tenant) && m.role() == Role.ADMIN_INSTANSI)
                .findFirst().map(m -> Role.ADMIN_INSTANSI.name()).orElse(Role.PETUGAS_INSTANSI.name());
    }

    /** One coordinator step: lock, check the state, write, history, audit, notify. */
    private View step(TenantId tenant, UUID id, GeraiUser actor, String action, Set<ComplaintStatus> from,
                      java.util.function.UnaryOperator<Complaint> change, String note, Role role, String reporterEvent) {
        Tenant t = tenancy.byId(tenant).orElseThrow(() -> GeraiException.notFound("tenant-not-found"));
        return write(tenant, () -> {
            Complaint c = locked(tenant, id);
            if (!from.contains(c.status())) {
                throw GeraiException.conflict("complaint-step-not-allowed");
            }
            Instant now = now();
            Complaint after = change.apply(c);
            repo.update(after);
            if (note != null && !note.isBlank() && !"VERIFIED".equals(action) && !"FORWARDED".equals(action)) {
                repo.messageBy(tenant, c.id(), new ComplaintMessage(UUID.randomUUID(), "COORDINATOR", null, note, now),
                        actor.accountId());
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            if (after.dueAt() != null) {
                detail.put("due", after.dueAt().toString());
            }
            if (note != null && !note.isBlank()) {
                detail.put("note", note);
            }
            repo.history(tenant, c.id(), now, action, actor.accountId(), role.name(), after.status(), after.agencyId(), detail);
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("status", c.status().name());
            before.put("agency", c.agencyId());
            Map<String, Object> afterAudit = new LinkedHashMap<>();
            afterAudit.put("status", after.status().name());
            afterAudit.put("agency", after.agencyId());
            afterAudit.put("due", after.dueAt());
            audit.record(AuditEvent.of(tenant, "complaint." + action.toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    "complaint", c.id(), before, afterAudit).byActor(actor.auditActorId()));
            if (reporterEvent != null) {
                notifier.reporter(after, reporterEvent, null, "FORWARDED".equals(reporterEvent) ? null : note, t);
            }
            if ("FORWARDED".equals(action)) {
                notifier.agency(after, "forwarded", t);
            }
            return view(after, Perspective.COORDINATOR);
        });
    }

    private static Complaint with(Complaint c, ComplaintStatus status, String reason, Instant due) {
        return new Complaint(c.tenant(), c.id(), c.trackingNo(), c.kind(), c.title(), c.body(), c.incidentDate(), c.location(),
                c.serviceId(), c.applicationTracking(), c.servicePointId(), c.agencyId(), c.confidential(), c.anonymous(),
                c.reporterId(), c.reporterName(), c.reporterNik(), c.reporterEmail(), c.reporterPhone(), c.lang(), c.channel(),
                c.laporId(), status, reason, c.filedAt(), c.verifiedAt(), c.forwardedAt(), c.answeredAt(), c.closedAt(), due,
                null, c.rating(), c.satisfied(), c.closedBy(), c.lockVersion(), c.anonymisedAt());
    }

    private static Complaint ended(Complaint c, ComplaintStatus status, String reason) {
        return new Complaint(c.tenant(), c.id(), c.trackingNo(), c.kind(), c.title(), c.body(), c.incidentDate(), c.location(),
                c.serviceId(), c.applicationTracking(), c.servicePointId(), c.agencyId(), c.confidential(), c.anonymous(),
                c.reporterId(), c.reporterName(), c.reporterNik(), c.reporterEmail(), c.reporterPhone(), c.lang(), c.channel(),
                c.laporId(), status, reason, c.filedAt(), c.verifiedAt() == null ? now() : c.verifiedAt(), c.forwardedAt(),
                c.answeredAt(), now(), null, c.escalatedAt(), c.rating(), c.satisfied(), "COORDINATOR", c.lockVersion(), c.anonymisedAt());
    }

    /** Reads everything the view needs; must run in the tenant's scope. */
    View view(Complaint c, Perspective p) {
        return TenantContext.call(c.tenant(), () -> tx.execute(s -> {
            Tenant t = tenancy.byId(c.tenant()).orElseThrow();
            Map<UUID, String> agencies = agencyNames(c.tenant());
            String service = c.serviceId() == null ? null
                    : catalog.service(c.tenant(), c.serviceId()).map(ServiceSummary::name).orElse(null);
            String point = c.servicePointId() == null ? null : tenancy.servicePoints(c.tenant()).stream()
                    .filter(x -> x.id().equals(c.servicePointId())).map(ServicePoint::name).findFirst().orElse(null);
            Instant now = Instant.now();
            boolean overdue = c.overdueAt(now);
            boolean dueSoon = !overdue && c.status().staffClock() && c.dueAt() != null
                    && c.dueAt().isBefore(now.plus(settings.dueSoon()));
            ComplaintStatus s0 = c.status();
            Actions actions = switch (p) {
                case COORDINATOR -> new Actions(s0 == ComplaintStatus.RECEIVED,
                        s0 == ComplaintStatus.RECEIVED || s0 == ComplaintStatus.VERIFIED,
                        s0 == ComplaintStatus.RECEIVED || s0 == ComplaintStatus.VERIFIED, s0 == ComplaintStatus.POSTPONED,
                        s0.atCoordinator(), s0.atCoordinator(), false, false, false, false);
                case AGENCY -> new Actions(false, false, false, false, false, false, s0 == ComplaintStatus.FORWARDED,
                        false, false, false);
                case REPORTER -> new Actions(false, false, false, false, false, false, false, !s0.finished(),
                        s0 == ComplaintStatus.ANSWERED, s0 == ComplaintStatus.ANSWERED);
            };
            Complaint shown = p == Perspective.AGENCY && c.anonymous() ? c.withoutReporter() : c;
            List<ComplaintHistoryEntry> history = repo.history(c.tenant(), c.id());
            return new View(shown, t.slug(), t.name(), agencies.get(c.agencyId()), service, point,
                    repo.messages(c.tenant(), c.id()), repo.attachments(c.tenant(), c.id()), history, p, overdue, dueSoon,
                    actions, calendar.zone(c.tenant()).getId());
        }));
    }

    Map<UUID, String> agencyNames(TenantId tenant) {
        Map<UUID, String> names = new HashMap<>();
        TenantContext.run(tenant, () -> tenancy.agencies(tenant).forEach(a -> names.put(a.id(), a.name())));
        return names;
    }

    java.time.ZoneId zone(TenantId tenant) {
        return calendar.zone(tenant);
    }

    List<Agency> agencies(TenantId tenant) {
        return TenantContext.call(tenant, () -> tenancy.agencies(tenant));
    }

    // =====================================================================================================
    // plumbing
    // =====================================================================================================

    Complaint locked(TenantId tenant, UUID id) {
        return repo.lock(tenant, id).orElseThrow(() -> GeraiException.notFound("complaint-not-found"));
    }

    <T> T write(TenantId tenant, Supplier<T> work) {
        return TenantContext.call(tenant, () -> tx.execute(s -> work.get()));
    }

    private <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return TenantContext.call(tenant, () -> tx.execute(s -> work.get()));
    }

    /** The time of a step at the database's precision (microseconds). */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static String accessCode() {
        return String.format("%08d", RANDOM.nextInt(100_000_000));
    }

    static String hash(String trackingNo, String code) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest((trackingNo + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    static String fileName(String name) {
        if (name == null || name.isBlank()) {
            return "lampiran";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty()) {
            return "lampiran";
        }
        return base.length() > 120 ? base.substring(base.length() - 120) : base;
    }
}
