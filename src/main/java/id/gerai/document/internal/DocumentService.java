package id.gerai.document.internal;

import id.gerai.application.Application;
import id.gerai.application.ApplicationRecords;
import id.gerai.application.ApplicationStatus;
import id.gerai.application.Applications;
import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.FormProblem;
import id.gerai.catalog.FormValidator;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceVersion;
import id.gerai.document.DocumentStatus;
import id.gerai.document.IssuedDocument;
import id.gerai.document.IssuedDocuments;
import id.gerai.document.Signer;
import id.gerai.document.Verification;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.notification.Email;
import id.gerai.notification.Notifications;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.platform.blob.BlobStore;
import id.gerai.platform.blob.StoredBlob;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues, delivers, revokes and corrects documents; verification is {@link DocumentVerifier}'s.
 *
 * <p>Issuing runs in three steps so that no number is ever lost and no document issued twice, while the
 * counter row is locked only briefly: (1) one short transaction takes the agency's next number and inserts
 * the document as {@code PENDING} (the partial unique index on the application stops a second one); (2)
 * outside any transaction the PDF is rendered, signed and stored in the blob store; (3) one transaction marks
 * the row {@code ISSUED} only if it is still pending, records the certificate, the audit entry and the
 * applicant's e-mail. A crash or a signing failure between (1) and (3) leaves the row pending with its number;
 * the retry renders the same content again (the row holds the printed data) and finishes it. Two concurrent
 * attempts may both sign, but only the first to reach (3) is kept.
 */
@Service
class DocumentService implements IssuedDocuments {

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOKEN_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    /** Short codes: the tracking-number alphabet (no I, L, O, U, Z), read out and typed without confusion. */
    static final String CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXY";
    private static final int REASON_MAX = 500;

    private final DocumentRepository repo;
    private final ApplicationRecords applicationRecords;
    private final Applications applications;
    private final CatalogApi catalog;
    private final TenancyApi tenancy;
    private final StaffAccounts staff;
    private final WorkingCalendar calendar;
    private final DocumentComposer composer;
    private final PdfRenderer renderer;
    private final Signer signer;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final Notifications notifications;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final DocumentProperties properties;
    private final DocumentVerifier verifier;
    private final FormValidator validator;
    private final String baseUrl;

    DocumentService(DocumentRepository repo, ApplicationRecords applicationRecords, Applications applications,
                    CatalogApi catalog, TenancyApi tenancy, StaffAccounts staff, WorkingCalendar calendar,
                    DocumentComposer composer, PdfRenderer renderer, Signer signer, BlobStore blobs, AuditLog audit,
                    Notifications notifications, MessageSource messages, TransactionTemplate tx,
                    DocumentProperties properties, DocumentVerifier verifier, FormValidator validator,
                    @Value("${gerai.base-url}") String baseUrl) {
        this.repo = repo;
        this.applicationRecords = applicationRecords;
        this.applications = applications;
        this.catalog = catalog;
        this.tenancy = tenancy;
        this.staff = staff;
        this.calendar = calendar;
        this.composer = composer;
        this.renderer = renderer;
        this.signer = signer;
        this.blobs = blobs;
        this.audit = audit;
        this.notifications = notifications;
        this.messages = messages;
        this.tx = tx;
        this.properties = properties;
        this.verifier = verifier;
        this.validator = validator;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    // =====================================================================================================
    // issuing
    // =====================================================================================================

    @Override
    public IssuedDocument issue(TenantId tenant, UUID applicationId, UUID officialId) {
        DocumentRepository.Row row = inTenant(tenant, () -> repo.original(tenant, applicationId)).orElse(null);
        if (row == null) {
            row = reserve(tenant, applicationId, officialId);
        }
        if (row.status() != DocumentStatus.PENDING || row.awaitingSignature()) {
            return row.view();
        }
        return complete(row, null, "system");
    }

    /** Step (1): the number and the pending row, in one short transaction; the existing row when there is one. */
    private DocumentRepository.Row reserve(TenantId tenant, UUID applicationId, UUID officialId) {
        Application app = applicationRecords.find(tenant, applicationId)
                .orElseThrow(() -> GeraiException.notFound("document-application-not-found"));
        if (app.status() != ApplicationStatus.COMPLETED) {
            throw GeraiException.conflict("document-application-not-completed");
        }
        ServiceDesign design = design(tenant, app.serviceId(), app.serviceVersion());
        Agency agency = agency(tenant, app.agencyId());
        ZoneId zone = calendar.zone(tenant);
        Instant decidedAt = app.decidedAt() != null ? app.decidedAt() : Instant.now();
        Official official = official(tenant, agency, officialId);
        String title = design.output() != null && design.output().title() != null && !design.output().title().isBlank()
                ? design.output().title() : design.name();
        try {
            return inTenant(tenant, () -> repo.original(tenant, applicationId).orElseGet(() -> {
                ZonedDateTime local = decidedAt.atZone(zone);
                String format = inTenant(tenant, () -> repo.settings(tenant, agency.id()))
                        .map(DocumentRepository.Settings::numberFormat).orElse(properties.numberFormat());
                int seq = repo.nextSeq(tenant, agency.id(), local.getYear());
                String number = DocumentNumbers.format(format, seq, agency.code(), local.getYear(), local.getMonthValue());
                DocumentRepository.Row row = new DocumentRepository.Row(tenant, UUID.randomUUID(), app.id(), app.trackingNo(),
                        agency.id(), app.serviceId(), app.serviceVersion(), number, local.getYear(), seq, token(), shortCode(),
                        title, DocumentStatus.PENDING, app.data() == null ? Map.of() : app.data(), app.applicantId(),
                        app.applicantName(), app.applicantNik(), officialId, official.name(), official.position(), decidedAt,
                        null, null, 0, null, null, false, signer.needsPassphrase(), 0, null, null, null, null, null, null,
                        null, null, Instant.now());
                repo.insert(row);
                if (row.awaitingSignature()) {
                    askForSignature(row, official);
                }
                return row;
            }));
        } catch (DuplicateKeyException e) {
            // a concurrent attempt reserved first; its row (and number) is the one
            return inTenant(tenant, () -> repo.original(tenant, applicationId)).orElseThrow(() -> e);
        }
    }

    /** Steps (2) and (3) for a pending row. */
    private IssuedDocument complete(DocumentRepository.Row row, char[] passphrase, String actor) {
        TenantId tenant = row.tenant();
        Context ctx = context(row);
        byte[] pdf = render(row, ctx);
        Signer.SignedPdf signed;
        try {
            signed = signer.sign(new Signer.SigningRequest(tenant, row.agencyId(), ctx.agency().name(), ctx.tenant().name(),
                    row.officialId(), row.officialName(), ctx.officialNik(), passphrase,
                    row.title() + " " + row.number(), ctx.tenant().name(), pdf));
        } catch (Signer.SigningFailed e) {
            log.warn("Document {} ({}) not signed: {} [{}]", row.number(), row.id(), e.getMessage(), e.code());
            inTenant(tenant, () -> {
                repo.failed(tenant, row.id(), e.code() + ": " + e.getMessage());
                return null;
            });
            if (e.code().equals("signer-passphrase-refused") && passphrase != null) {
                throw GeraiException.invalid("document-passphrase-refused");
            }
            throw new GeraiException(HttpStatus.BAD_GATEWAY, "document-signing-failed");
        }
        StoredBlob blob = blobs.store(new ByteArrayInputStream(signed.pdf()), properties.maxFileBytes(), Set.of("application/pdf"));
        String fingerprint = fingerprint(signed.certificate());
        Instant now = Instant.now();
        return inTenant(tenant, () -> {
            repo.trust(tenant, row.agencyId(), "remote".equals(signer.kind()) ? row.officialId() : null, signer.kind(),
                    signed.certificate(), fingerprint);
            boolean won = repo.issued(tenant, row.id(), blob.sha256(), blob.size(), signer.kind(), fingerprint,
                    signed.timestamped(), now);
            DocumentRepository.Row issued = repo.find(tenant, row.id()).orElseThrow();
            if (!won) {
                return issued.view(); // another attempt finished first; its file is the document
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("number", issued.number());
            after.put("application", issued.trackingNo());
            after.put("sha256", blob.sha256());
            after.put("signer", signer.kind());
            after.put("certificate", fingerprint);
            after.put("timestamped", signed.timestamped());
            if (row.replacesId() != null) {
                repo.replaced(tenant, row.replacesId(), row.id(), now, row.reissuedBy(), row.reissueReason());
                after.put("replaces", row.replacesId().toString());
            }
            audit.record(AuditEvent.of(tenant, row.replacesId() == null ? "document.issued" : "document.reissued",
                    "document", row.id(), null, after).byActor(actor));
            notifyApplicant(issued, ctx);
            return issued.view();
        });
    }

    /** Renders the row's content; the same row always gives the same words. */
    byte[] render(DocumentRepository.Row row, Context ctx) {
        String replaces = row.replacesId() == null ? null
                : inTenant(row.tenant(), () -> repo.find(row.tenant(), row.replacesId())).map(DocumentRepository.Row::number).orElse(null);
        DocumentContent content = composer.compose(new DocumentComposer.Input(row, ctx.design(), ctx.tenant(), ctx.agency(),
                ctx.settings(), ctx.zone(), verifyUrl(row), replaces, row.createdAt()));
        return renderer.render(content);
    }

    /** What rendering and signing a row needs besides the row. */
    record Context(ServiceDesign design, Tenant tenant, Agency agency, DocumentRepository.Settings settings, ZoneId zone,
                   String officialNik) {
    }

    private Context context(DocumentRepository.Row row) {
        TenantId tenant = row.tenant();
        Tenant t = tenancy.byId(tenant).orElseThrow(() -> GeraiException.notFound("tenant-not-found"));
        Agency agency = agency(tenant, row.agencyId());
        DocumentRepository.Settings settings = inTenant(tenant, () -> repo.settings(tenant, row.agencyId())).orElse(null);
        String nik = row.officialId() == null ? null
                : inTenant(tenant, () -> repo.signatory(tenant, row.officialId())).map(DocumentRepository.Signatory::nik).orElse(null);
        return new Context(design(tenant, row.serviceId(), row.serviceVersion()), t, agency, settings, calendar.zone(tenant), nik);
    }

    /** Finishes pending documents the listener or a correction left behind (called by {@link DocumentRetry}). */
    void retry(DocumentRepository.Row row) {
        DocumentRepository.Row current = inTenant(row.tenant(), () -> repo.find(row.tenant(), row.id())).orElse(null);
        if (current != null && current.status() == DocumentStatus.PENDING && !current.awaitingSignature()) {
            complete(current, null, "system");
        }
    }

    // =====================================================================================================
    // reading and delivery
    // =====================================================================================================

    @Override
    public Optional<IssuedDocument> byApplication(TenantId tenant, UUID applicationId) {
        return history(tenant, applicationId).stream().findFirst();
    }

    @Override
    public List<IssuedDocument> history(TenantId tenant, UUID applicationId) {
        return inTenant(tenant, () -> repo.history(tenant, applicationId)).stream().map(DocumentRepository.Row::view).toList();
    }

    @Override
    public Optional<DocumentFile> file(String trackingNo, GeraiUser actor) {
        if (actor == null) {
            return Optional.empty();
        }
        Optional<Applications.ApplicationDetail> detail = applications.detail(trackingNo, actor);
        if (detail.isEmpty()) {
            return Optional.empty();
        }
        Application app = detail.get().application();
        TenantId tenant = app.tenant();
        Optional<DocumentRepository.Row> issued = inTenant(tenant, () -> repo.history(tenant, app.id())).stream()
                .filter(r -> r.status() == DocumentStatus.ISSUED).findFirst();
        if (issued.isEmpty()) {
            return Optional.empty();
        }
        DocumentRepository.Row row = issued.get();
        InputStream content = blobs.open(row.sha256()).orElseThrow(() -> GeraiException.notFound("document-not-found"));
        if (!actor.accountId().equals(app.applicantId())) {
            // staff and counter officers reading a citizen's document leave a trace
            inTenant(tenant, () -> {
                audit.record(AuditEvent.of(tenant, "document.accessed", "document", row.id(), null,
                        Map.of("number", row.number(), "application", row.trackingNo())).byActor(actor.auditActorId()));
                return null;
            });
        }
        return Optional.of(new DocumentFile(row.view(), row.size(), content));
    }

    @Override
    public List<IssuedDocument> list(TenantId tenant, Filter filter, GeraiUser actor) {
        Set<UUID> agencies = readableAgencies(tenant, actor);
        int limit = filter == null ? 100 : Math.max(1, Math.min(500, filter.limit()));
        return inTenant(tenant, () -> repo.list(tenant, agencies, filter == null ? null : filter.query(),
                filter == null ? null : filter.status(), limit)).stream().map(DocumentRepository.Row::view).toList();
    }

    @Override
    public Optional<IssuedDocument> find(TenantId tenant, UUID documentId, GeraiUser actor) {
        Set<UUID> agencies = readableAgencies(tenant, actor);
        return inTenant(tenant, () -> repo.find(tenant, documentId))
                .filter(r -> agencies == null || agencies.contains(r.agencyId()))
                .map(DocumentRepository.Row::view);
    }

    /** The document's file for the agency's staff (a correction's preview, a reprint). */
    Optional<DocumentFile> staffFile(TenantId tenant, UUID documentId, GeraiUser actor) {
        Set<UUID> agencies = readableAgencies(tenant, actor);
        Optional<DocumentRepository.Row> row = inTenant(tenant, () -> repo.find(tenant, documentId))
                .filter(r -> agencies == null || agencies.contains(r.agencyId()))
                .filter(r -> r.sha256() != null);
        return row.flatMap(r -> blobs.open(r.sha256()).map(in -> {
            inTenant(tenant, () -> {
                audit.record(AuditEvent.of(tenant, "document.accessed", "document", r.id(), null,
                        Map.of("number", r.number(), "application", r.trackingNo())).byActor(actor.auditActorId()));
                return null;
            });
            return new DocumentFile(r.view(), r.size(), in);
        }));
    }

    /** A printed field on the correction form: simple fields are typed again; addresses, groups and regions are not. */
    record CorrectionField(String name, String label, String widget, String value, List<ServiceDesign.Option> options,
                           boolean editable) {
    }

    private static final Set<String> EDITABLE = Set.of("TEXT", "TEXTAREA", "NUMBER", "DATE", "SELECT", "YESNO", "NIK", "PHONE", "EMAIL");

    /** The document's printed fields with their values, for the agency admin's correction form. */
    List<CorrectionField> correctionFields(TenantId tenant, UUID documentId, GeraiUser actor) {
        DocumentRepository.Row row = inTenant(tenant, () -> repo.find(tenant, documentId))
                .orElseThrow(() -> GeraiException.notFound("document-not-found"));
        requireManage(tenant, row.agencyId(), actor);
        ServiceDesign design = design(tenant, row.serviceId(), row.serviceVersion());
        java.util.List<CorrectionField> out = new java.util.ArrayList<>();
        java.util.List<String> order = new java.util.ArrayList<>(design.form().order());
        Set<String> printed = printedFields(design);
        for (String name : order) {
            if (!printed.contains(name)) {
                continue;
            }
            ServiceDesign.FieldUi ui = design.form().ui().get(name);
            String widget = ui == null || ui.widget() == null ? "TEXT" : ui.widget().name();
            out.add(new CorrectionField(name, ui == null ? name : ui.label("id"), widget,
                    id.gerai.application.FormData.text(row.data(), name), ui == null ? List.of() : ui.options(),
                    EDITABLE.contains(widget)));
        }
        return out;
    }

    // =====================================================================================================
    // verification
    // =====================================================================================================

    @Override
    public Verification verifyToken(String token) {
        return verifier.byToken(token);
    }

    @Override
    public Verification verifyNumber(String number, String shortCode) {
        return verifier.byNumber(number, shortCode);
    }

    @Override
    public Verification verifyFile(byte[] pdf) {
        return verifier.file(pdf);
    }

    // =====================================================================================================
    // revocation, correction, interactive signing
    // =====================================================================================================

    @Override
    public IssuedDocument revoke(TenantId tenant, UUID documentId, String reason, GeraiUser actor) {
        String why = reason(reason);
        return inTenant(tenant, () -> {
            DocumentRepository.Row row = repo.lock(tenant, documentId).orElseThrow(() -> GeraiException.notFound("document-not-found"));
            requireManage(tenant, row.agencyId(), actor);
            if (row.status() == DocumentStatus.REVOKED) {
                throw GeraiException.conflict("document-revoked");
            }
            if (row.status() != DocumentStatus.ISSUED) {
                throw GeraiException.conflict("document-not-issued");
            }
            repo.revoke(tenant, documentId, Instant.now(), actor.auditActorId(), why);
            audit.record(AuditEvent.of(tenant, "document.revoked", "document", documentId, Map.of("status", "ISSUED"),
                    Map.of("status", "REVOKED", "number", row.number(), "reason", why)).byActor(actor.auditActorId()));
            return repo.find(tenant, documentId).orElseThrow().view();
        });
    }

    @Override
    public IssuedDocument reissue(TenantId tenant, UUID documentId, String reason, Map<String, Object> corrections,
                                  GeraiUser actor) {
        String why = reason(reason);
        DocumentRepository.Row original = inTenant(tenant, () -> repo.find(tenant, documentId))
                .orElseThrow(() -> GeraiException.notFound("document-not-found"));
        requireManage(tenant, original.agencyId(), actor);
        DocumentRepository.Row replacement = inTenant(tenant, () -> repo.replacementOf(tenant, documentId)).orElse(null);
        if (replacement == null) {
            if (original.replacedById() != null) {
                throw GeraiException.conflict("document-already-replaced");
            }
            if (original.status() == DocumentStatus.PENDING) {
                throw GeraiException.conflict("document-not-issued");
            }
            ServiceDesign design = design(tenant, original.serviceId(), original.serviceVersion());
            Map<String, Object> data = corrected(original.data(), corrections, design);
            replacement = reserveReplacement(tenant, original, data, why, actor);
        } else if (replacement.status() != DocumentStatus.PENDING) {
            throw GeraiException.conflict("document-already-replaced");
        }
        if (replacement.awaitingSignature()) {
            return replacement.view();
        }
        return complete(replacement, null, actor.auditActorId());
    }

    private DocumentRepository.Row reserveReplacement(TenantId tenant, DocumentRepository.Row original,
                                                      Map<String, Object> data, String reason, GeraiUser actor) {
        Agency agency = agency(tenant, original.agencyId());
        ZoneId zone = calendar.zone(tenant);
        Official official = signer.needsPassphrase() ? official(tenant, agency, original.officialId()) : null;
        try {
            return inTenant(tenant, () -> repo.replacementOf(tenant, original.id()).orElseGet(() -> {
                ZonedDateTime local = Instant.now().atZone(zone);
                String format = repo.settings(tenant, agency.id()).map(DocumentRepository.Settings::numberFormat)
                        .orElse(properties.numberFormat());
                int seq = repo.nextSeq(tenant, agency.id(), local.getYear());
                String number = DocumentNumbers.format(format, seq, agency.code(), local.getYear(), local.getMonthValue());
                DocumentRepository.Row row = new DocumentRepository.Row(tenant, UUID.randomUUID(), original.applicationId(),
                        original.trackingNo(), agency.id(), original.serviceId(), original.serviceVersion(), number,
                        local.getYear(), seq, token(), shortCode(), original.title(), DocumentStatus.PENDING, data,
                        original.applicantId(), original.applicantName(), original.applicantNik(), original.officialId(),
                        original.officialName(), original.officialPosition(), original.decidedAt(), null, null, 0, null,
                        null, false, signer.needsPassphrase(), 0, null, original.id(), reason, actor.auditActorId(), null,
                        null, null, null, Instant.now());
                repo.insert(row);
                if (official != null) {
                    askForSignature(row, official);
                }
                audit.record(AuditEvent.of(tenant, "document.correction.requested", "document", original.id(), null,
                        Map.of("replacement", row.id().toString(), "number", number, "reason", reason,
                                "corrected", data.equals(original.data()) ? List.of() : changedKeys(original.data(), data)))
                        .byActor(actor.auditActorId()));
                return row;
            }));
        } catch (DuplicateKeyException e) {
            return inTenant(tenant, () -> repo.replacementOf(tenant, original.id())).orElseThrow(() -> e);
        }
    }

    /**
     * The original data with the corrections of printed fields applied, checked against the service's form
     * schema like a submission; a correction of a field the document does not print is refused.
     */
    Map<String, Object> corrected(Map<String, Object> original, Map<String, Object> corrections, ServiceDesign design) {
        Map<String, Object> data = new LinkedHashMap<>(original);
        if (corrections == null || corrections.isEmpty()) {
            return data;
        }
        Set<String> printed = printedFields(design);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object[]> arguments = new LinkedHashMap<>();
        for (Map.Entry<String, Object> c : corrections.entrySet()) {
            if (!printed.contains(c.getKey())) {
                errors.put("corrections." + c.getKey(), "document.error.not-printed");
                continue;
            }
            Object value = c.getValue();
            if (value instanceof String s) {
                if (s.isBlank()) {
                    errors.put("corrections." + c.getKey(), "document.error.blank");
                    continue;
                }
                value = typed(s.strip(), design.form().ui().get(c.getKey()));
            }
            data.put(c.getKey(), value);
        }
        if (errors.isEmpty()) {
            for (FormProblem problem : validator.validate(design.form(), data).problems()) {
                String top = problem.path().split("[.\\[]", 2)[0];
                if (corrections.containsKey(top)) {
                    errors.putIfAbsent("corrections." + top, problem.getCodes()[0]);
                    arguments.putIfAbsent("corrections." + top, problem.getArguments());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors, arguments);
        }
        return data;
    }

    /** A corrected value as the form stores it: numbers as numbers, yes/no as booleans, the rest as text. */
    private static Object typed(String value, ServiceDesign.FieldUi ui) {
        if (ui == null || ui.widget() == null) {
            return value;
        }
        return switch (ui.widget()) {
            case NUMBER -> {
                try {
                    yield new java.math.BigDecimal(value.replace(',', '.'));
                } catch (NumberFormatException e) {
                    yield value;
                }
            }
            case YESNO -> "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : value;
            case NIK -> value.replaceAll("\\s", "");
            default -> value;
        };
    }

    /** Form fields the document prints: its table and its template's placeholders. */
    static Set<String> printedFields(ServiceDesign design) {
        Set<String> fields = new HashSet<>();
        if (design.output() == null) {
            return fields;
        }
        fields.addAll(design.output().fields());
        if (design.output().template() != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{\\s*([a-zA-Z][a-zA-Z0-9_]*)\\s*}}")
                    .matcher(design.output().template());
            while (m.find()) {
                fields.add(m.group(1));
            }
        }
        fields.retainAll(design.form().ui().keySet());
        return fields;
    }

    private static List<String> changedKeys(Map<String, Object> before, Map<String, Object> after) {
        return after.keySet().stream().filter(k -> !java.util.Objects.equals(before.get(k), after.get(k))).sorted().toList();
    }

    @Override
    public IssuedDocument sign(TenantId tenant, UUID documentId, char[] passphrase, GeraiUser actor) {
        DocumentRepository.Row row = inTenant(tenant, () -> repo.find(tenant, documentId))
                .orElseThrow(() -> GeraiException.notFound("document-not-found"));
        if (row.officialId() == null || !row.officialId().equals(actor.accountId())) {
            throw GeraiException.forbidden("document-forbidden");
        }
        if (row.status() != DocumentStatus.PENDING || !row.awaitingSignature()) {
            throw GeraiException.conflict("document-not-awaiting-signature");
        }
        if (passphrase == null || passphrase.length == 0) {
            throw InvalidInput.of("passphrase", "document.error.passphrase");
        }
        return complete(row, passphrase, actor.auditActorId());
    }

    @Override
    public List<IssuedDocument> awaitingSignature(TenantId tenant, GeraiUser actor) {
        return inTenant(tenant, () -> repo.awaiting(tenant, actor.accountId())).stream().map(DocumentRepository.Row::view).toList();
    }

    // =====================================================================================================
    // permissions
    // =====================================================================================================

    /** The agencies whose documents the actor may read: {@code null} for all of the tenant's. */
    Set<UUID> readableAgencies(TenantId tenant, GeraiUser actor) {
        if (actor == null) {
            throw GeraiException.forbidden("document-forbidden");
        }
        if (actor.hasPlatformRole(Role.ADMIN_PLATFORM)) {
            return null;
        }
        Set<UUID> agencies = new HashSet<>();
        boolean any = false;
        for (Membership m : actor.memberships()) {
            if (!m.tenant().equals(tenant)) {
                continue;
            }
            if (m.role() == Role.PENGELOLA_MPP || (m.role() == Role.ADMIN_INSTANSI && m.agencyId() == null)) {
                return null;
            }
            if (m.role() == Role.ADMIN_INSTANSI) {
                agencies.add(m.agencyId());
                any = true;
            }
        }
        if (!any) {
            throw GeraiException.forbidden("document-forbidden");
        }
        return agencies;
    }

    /** Revoking and correcting: the agency's admin (or a tenant-wide agency admin, or the platform admin). */
    static void requireManage(TenantId tenant, UUID agencyId, GeraiUser actor) {
        if (!mayManage(tenant, agencyId, actor)) {
            throw GeraiException.forbidden("document-forbidden");
        }
    }

    static boolean mayManage(TenantId tenant, UUID agencyId, GeraiUser actor) {
        if (actor == null) {
            return false;
        }
        if (actor.hasPlatformRole(Role.ADMIN_PLATFORM)) {
            return true;
        }
        return actor.memberships().stream().anyMatch(m -> m.tenant().equals(tenant) && m.role() == Role.ADMIN_INSTANSI
                && (m.agencyId() == null || m.agencyId().equals(agencyId)));
    }

    // =====================================================================================================
    // plumbing
    // =====================================================================================================

    private void notifyApplicant(DocumentRepository.Row row, Context ctx) {
        Application app = applicationRecords.find(row.tenant(), row.applicationId()).orElse(null);
        if (app == null || app.applicantEmail() == null || app.applicantEmail().isBlank()) {
            return;
        }
        Locale locale = Locale.forLanguageTag(app.lang() == null ? "id" : app.lang());
        Object[] args = {app.applicantName(), row.title(), row.number(), app.displayTracking(),
                baseUrl + "/applications/" + app.trackingNo() + "/document", verifyUrl(row), ctx.agency().name()};
        String kind = row.replacesId() == null ? "issued" : "reissued";
        try {
            notifications.queue(new Email(row.tenant(), app.applicantEmail(),
                    messages.getMessage("document.mail." + kind + ".subject", args, locale),
                    messages.getMessage("document.mail." + kind + ".body", args, locale)));
        } catch (IllegalArgumentException e) {
            log.info("No e-mail for document {}: the applicant's address is not usable", row.number());
        }
    }

    /** Interactive remote signing: tells the official a document waits for their passphrase (in the caller's transaction). */
    private void askForSignature(DocumentRepository.Row row, Official official) {
        if (official.email() == null || official.email().isBlank()) {
            return;
        }
        Tenant t = tenancy.byId(row.tenant()).orElse(null);
        String link = baseUrl + "/manage/" + (t == null ? "" : t.slug()) + "/documents";
        Object[] args = {row.number(), row.title(), link};
        try {
            notifications.queue(new Email(row.tenant(), official.email(),
                    messages.getMessage("document.mail.awaiting.subject", args, PdfRenderer.ID),
                    messages.getMessage("document.mail.awaiting.body", args, PdfRenderer.ID)));
        } catch (IllegalArgumentException e) {
            log.info("No e-mail to the official of document {}: the address is not usable", row.number());
        }
    }

    String verifyUrl(DocumentRepository.Row row) {
        return baseUrl + "/verify/" + row.token();
    }

    private ServiceDesign design(TenantId tenant, UUID serviceId, int version) {
        return catalog.version(tenant, serviceId, version).map(ServiceVersion::design)
                .orElseThrow(() -> GeraiException.notFound("catalog-version-not-found"));
    }

    private Agency agency(TenantId tenant, UUID agencyId) {
        return TenantContext.call(tenant, () -> tenancy.agencies(tenant)).stream().filter(a -> a.id().equals(agencyId))
                .findFirst().orElseThrow(() -> GeraiException.notFound("document-agency-not-found"));
    }

    record Official(String name, String position, String email) {
    }

    /** The signing official's name (their account) and position (theirs, else the agency's default, else a generic one). */
    private Official official(TenantId tenant, Agency agency, UUID officialId) {
        StaffAccounts.StaffMember member = officialId == null ? null : staff.staffOf(tenant).stream()
                .filter(s -> s.accountId().equals(officialId)).findFirst().orElse(null);
        String name = member == null ? null : member.fullName();
        if (name == null) {
            name = messages.getMessage("document.pdf.official-unknown", null, PdfRenderer.ID);
        }
        String position = officialId == null ? null
                : inTenant(tenant, () -> repo.signatory(tenant, officialId)).map(DocumentRepository.Signatory::position)
                .filter(p -> !p.isBlank()).orElse(null);
        if (position == null) {
            position = inTenant(tenant, () -> repo.settings(tenant, agency.id())).map(DocumentRepository.Settings::defaultPosition)
                    .filter(p -> p != null && !p.isBlank()).orElse(null);
        }
        if (position == null) {
            position = messages.getMessage("document.pdf.position-default", new Object[] {agency.name()}, PdfRenderer.ID);
        }
        return new Official(name, position, member == null ? null : member.email());
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw InvalidInput.of("reason", "document.error.reason");
        }
        if (why.length() > REASON_MAX) {
            throw InvalidInput.of("reason", "document.error.reason-long");
        }
        return why;
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return Pades.sha256Hex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String token() {
        StringBuilder b = new StringBuilder(26);
        for (int i = 0; i < 26; i++) {
            b.append(TOKEN_ALPHABET.charAt(RANDOM.nextInt(TOKEN_ALPHABET.length())));
        }
        return b.toString();
    }

    static String shortCode() {
        StringBuilder b = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            b.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return b.toString();
    }

    private <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return TenantContext.call(tenant, () -> tx.execute(s -> work.get()));
    }
}
