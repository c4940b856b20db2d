package id.gerai.complaint.internal;

import id.gerai.application.TrackingNumber;
import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.complaint.ComplaintFiled;
import id.gerai.identity.GeraiUser;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.TenantContext;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SP4N-LAPOR! adapter boundary: a region's complaints out, complaints from LAPOR! in, in the JSON format of
 * {@code docs/lapor-format.md} ({@value #FORMAT}). Gerai does not clone LAPOR!; it hands over what it received and
 * takes in what citizens reported there, so one coordinator works both in one inbox.
 *
 * <p>Export: every complaint of the tenant, oldest first. Anonymous complaints carry no reporter at all;
 * confidential ones carry {@code confidential: true} (LAPOR! keeps them off its public pages); the NIK is never
 * exported. Import: one transaction per complaint; a {@code laporId} seen before in the tenant is skipped (so the
 * same file imported twice changes nothing), a complaint that breaks a rule is refused with its field and
 * message, the others are imported as RECEIVED with a verification limit from the time of import.
 */
@Component
class LaporExchange {

    static final String FORMAT = "gerai-lapor/1";
    static final int MAX_IMPORT = 1000;

    /** The exchange document. */
    record LaporDocument(String format, String tenantCode, String tenantName, Instant exportedAt,
                         List<LaporComplaint> complaints) {
    }

    /**
     * One complaint. {@code category}: ASPIRASI, PENGADUAN, INFORMASI; {@code agencyCode}: the agency's code in the
     * region (e.g. DUKCAPIL); {@code reporter} absent for an anonymous complaint.
     */
    record LaporComplaint(String laporId, String trackingNo, String category, String title, String content,
                          LocalDate incidentDate, String location, Boolean confidential, Boolean anonymous,
                          LaporReporter reporter, String agencyCode, String status, Instant createdAt,
                          Instant forwardedAt, Instant answeredAt, Instant closedAt, List<LaporFollowUp> followUps,
                          Integer rating, Boolean satisfied) {
    }

    record LaporReporter(String name, String email, String phone) {
    }

    record LaporFollowUp(Instant at, String author, String agencyCode, String content) {
    }

    record ImportResult(int imported, int skipped, List<ImportError> errors, List<String> trackingNos) {
    }

    record ImportError(int index, String laporId, String field, String message) {
    }

    private final ComplaintRepository repo;
    private final ComplaintService service;
    private final WorkingCalendar calendar;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ComplaintSettings settings;
    private final MessageSource messages;

    LaporExchange(ComplaintRepository repo, ComplaintService service, WorkingCalendar calendar, AuditLog audit,
                  ApplicationEventPublisher events, TransactionTemplate tx, ComplaintSettings settings,
                  MessageSource messages) {
        this.repo = repo;
        this.service = service;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.settings = settings;
        this.messages = messages;
    }

    LaporDocument export(Tenant tenant, GeraiUser actor) {
        requireCoordinator(tenant, actor);
        Map<UUID, String> codes = new HashMap<>();
        service.agencies(tenant.id()).forEach(a -> codes.put(a.id(), a.code()));
        List<LaporComplaint> out = TenantContext.call(tenant.id(), () -> tx.execute(s -> {
            List<LaporComplaint> list = new ArrayList<>();
            for (Complaint c : repo.all(tenant.id())) {
                List<LaporFollowUp> messagesOut = repo.messages(tenant.id(), c.id()).stream()
                        .map(m -> new LaporFollowUp(m.createdAt(), m.author(), m.agencyId() == null ? null : codes.get(m.agencyId()),
                                m.body()))
                        .toList();
                LaporReporter reporter = c.anonymous() ? null
                        : new LaporReporter(c.reporterName(), c.reporterEmail(), c.reporterPhone());
                list.add(new LaporComplaint(c.laporId(), c.trackingNo(), c.kind().name(), c.title(), c.body(), c.incidentDate(),
                        c.location(), c.confidential(), c.anonymous(), reporter, c.agencyId() == null ? null : codes.get(c.agencyId()),
                        c.status().name(), c.filedAt(), c.forwardedAt(), c.answeredAt(), c.closedAt(), messagesOut, c.rating(),
                        c.satisfied()));
            }
            return list;
        }));
        audit.record(AuditEvent.of(tenant.id(), "complaint.lapor.exported", "tenant", tenant.id(), null,
                Map.of("complaints", out.size())).byActor(actor.auditActorId()));
        return new LaporDocument(FORMAT, tenant.regionCode(), tenant.name(), Instant.now(), out);
    }

    ImportResult importDocument(Tenant tenant, LaporDocument doc, GeraiUser actor) {
        requireCoordinator(tenant, actor);
        if (doc == null || doc.complaints() == null) {
            throw InvalidInput.of("complaints", "complaint.error.lapor-empty");
        }
        if (doc.format() != null && !FORMAT.equals(doc.format())) {
            throw InvalidInput.of("format", "complaint.error.lapor-format");
        }
        if (doc.complaints().size() > MAX_IMPORT) {
            throw InvalidInput.of("complaints", "complaint.error.lapor-too-many");
        }
        Map<String, UUID> agencies = new HashMap<>();
        for (Agency a : service.agencies(tenant.id())) {
            agencies.put(a.code().toUpperCase(Locale.ROOT), a.id());
        }
        int imported = 0;
        int skipped = 0;
        List<ImportError> errors = new ArrayList<>();
        List<String> tracking = new ArrayList<>();
        Locale locale = LocaleContextHolder.getLocale();
        for (int i = 0; i < doc.complaints().size(); i++) {
            LaporComplaint in = doc.complaints().get(i);
            try {
                Optional<String> made = importOne(tenant, in, agencies, actor);
                if (made.isPresent()) {
                    imported++;
                    tracking.add(made.get());
                } else {
                    skipped++;
                }
            } catch (InvalidInput e) {
                var f = e.fields().entrySet().iterator().next();
                errors.add(new ImportError(i, in == null ? null : in.laporId(), f.getKey(),
                        messages.getMessage(f.getValue(), null, f.getValue(), locale)));
            }
        }
        return new ImportResult(imported, skipped, errors, tracking);
    }

    /** Imports one complaint; empty when its LAPOR! id was imported before. */
    private Optional<String> importOne(Tenant tenant, LaporComplaint in, Map<String, UUID> agencies, GeraiUser actor) {
        if (in == null) {
            throw InvalidInput.of("laporId", "complaint.error.lapor-id");
        }
        String laporId = ComplaintService.clean(in.laporId());
        if (laporId == null || laporId.length() > 100) {
            throw InvalidInput.of("laporId", "complaint.error.lapor-id");
        }
        ComplaintKind kind = ComplaintKind.parse(in.category());
        if (kind == null) {
            throw InvalidInput.of("category", "complaint.error.kind");
        }
        String title = ComplaintService.clean(in.title());
        if (title == null || title.length() > 200) {
            throw InvalidInput.of("title", "complaint.error.title-length");
        }
        String body = ComplaintService.clean(in.content());
        if (body == null || body.length() > 8000) {
            throw InvalidInput.of("content", "complaint.error.body-length");
        }
        UUID agency = null;
        if (ComplaintService.clean(in.agencyCode()) != null) {
            agency = agencies.get(in.agencyCode().strip().toUpperCase(Locale.ROOT));
            if (agency == null) {
                throw InvalidInput.of("agencyCode", "complaint.error.agency");
            }
        }
        boolean anonymous = Boolean.TRUE.equals(in.anonymous());
        LaporReporter r = in.reporter();
        String name = r == null ? null : ComplaintService.clean(r.name());
        String email = r == null ? null : ComplaintService.clean(r.email());
        String phone = r == null ? null : ComplaintService.clean(r.phone());
        if (email != null && (email.length() > 200 || !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"))) {
            throw InvalidInput.of("reporter.email", "complaint.error.email");
        }
        UUID agencyId = agency;
        for (int attempt = 1; ; attempt++) {
            try {
                return service.write(tenant.id(), () -> {
                    if (repo.byLaporId(tenant.id(), laporId).isPresent()) {
                        return Optional.<String>empty();
                    }
                    Instant now = ComplaintService.now();
                    Instant filed = in.createdAt() != null && in.createdAt().isBefore(now) ? in.createdAt() : now;
                    Complaint c = new Complaint(tenant.id(), UUID.randomUUID(), TrackingNumber.generate(), kind, title, body,
                            in.incidentDate(), ComplaintService.clean(in.location()), null, null, null, agencyId,
                            Boolean.TRUE.equals(in.confidential()), anonymous, null, name, null, email, phone, "id", "LAPOR",
                            laporId, ComplaintStatus.RECEIVED, null, filed, null, null, null, null,
                            calendar.deadline(tenant.id(), now, settings.verifyDays()), null, null, null, null, 0, null);
                    // the reporter follows it on LAPOR!; the access code is never handed out
                    repo.insert(c, ComplaintService.hash(c.trackingNo(), UUID.randomUUID().toString()));
                    repo.history(tenant.id(), c.id(), now, "IMPORTED", actor.accountId(), "PENGELOLA_MPP", c.status(),
                            c.agencyId(), Map.of("laporId", laporId, "due", c.dueAt().toString()));
                    Map<String, Object> after = new LinkedHashMap<>();
                    after.put("laporId", laporId);
                    after.put("trackingNo", c.trackingNo());
                    after.put("kind", kind.name());
                    after.put("confidential", c.confidential());
                    after.put("anonymous", c.anonymous());
                    after.put("agency", c.agencyId());
                    audit.record(AuditEvent.of(tenant.id(), "complaint.imported", "complaint", c.id(), null, after)
                            .byActor(actor.auditActorId()));
                    events.publishEvent(new ComplaintFiled(tenant.id(), c.id(), c.agencyId(), null, null, filed));
                    return Optional.of(c.trackingNo());
                });
            } catch (DuplicateKeyException e) {
                if (attempt >= 3) {
                    throw e;
                }
                // the same LAPOR! id imported at the same moment (next round skips it), or a tracking number taken
            }
        }
    }

    private static void requireCoordinator(Tenant tenant, GeraiUser actor) {
        if (!ComplaintService.isCoordinator(tenant.id(), actor)) {
            throw GeraiException.forbidden("complaint-forbidden");
        }
    }
}
