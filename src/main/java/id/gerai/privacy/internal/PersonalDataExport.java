package id.gerai.privacy.internal;

import id.gerai.application.ApplicantData;
import id.gerai.application.Application;
import id.gerai.application.Applications.ApplicationDetail;
import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.complaint.ReporterData;
import id.gerai.document.IssuedDocuments;
import id.gerai.identity.AccountData;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.notification.RecipientMessages;
import id.gerai.queue.QueueBookings;
import id.gerai.platform.TenantId;
import id.gerai.privacy.internal.PersonalData.Account;
import id.gerai.privacy.internal.PersonalData.ApplicationRecord;
import id.gerai.privacy.internal.PersonalData.AttachmentRecord;
import id.gerai.privacy.internal.PersonalData.HistoryRecord;
import id.gerai.privacy.internal.PersonalData.IssuedDocumentRecord;
import id.gerai.privacy.internal.PersonalData.MembershipRecord;
import id.gerai.privacy.internal.PersonalData.NotificationRecord;
import id.gerai.tenancy.Tenant;
import id.gerai.tenancy.TenancyApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Gathers what Gerai holds about the signed-in account from each module's public API, always by that account's own
 * id: its applications are those it is the applicant of, its complaints those it filed, so an officer gets their
 * account and tokens and nothing of the applications they worked on.
 *
 * <p>{@link #export} is the copy a person takes away and is audited ({@code identity.personal-data.exported}, with
 * the count of each category, never the data); {@link #read} is what the page shows and records nothing, like any
 * other page a person reads their own data on.
 */
@Service
class PersonalDataExport {

    static final String AUDIT_ACTION = "identity.personal-data.exported";

    private final AccountData accounts;
    private final ApplicantData applications;
    private final IssuedDocuments documents;
    private final ReporterData complaints;
    private final RecipientMessages messages;
    private final QueueBookings bookings;
    private final TenancyApi tenancy;
    private final AuditLog audit;

    PersonalDataExport(AccountData accounts, ApplicantData applications, IssuedDocuments documents, ReporterData complaints,
                       RecipientMessages messages, QueueBookings bookings, TenancyApi tenancy, AuditLog audit) {
        this.accounts = accounts;
        this.applications = applications;
        this.documents = documents;
        this.complaints = complaints;
        this.messages = messages;
        this.bookings = bookings;
        this.tenancy = tenancy;
        this.audit = audit;
    }

    /** How the copy left Gerai, for the audit record. */
    enum Channel { PAGE, API }

    /** The copy for {@code user}, audited as taken through {@code channel}. */
    PersonalData export(GeraiUser user, Channel channel) {
        PersonalData data = read(user);
        Map<String, Object> after = new LinkedHashMap<>(data.counts());
        after.put("channel", channel.name());
        audit.record(AuditEvent.of(null, AUDIT_ACTION, "account", user.accountId(), null, after).byActor(user.auditActorId()));
        return data;
    }

    /** Everything held about {@code user}'s account, read now; not audited. */
    PersonalData read(GeraiUser user) {
        AccountData.Profile profile = accounts.profile(user.accountId())
                .orElseThrow(() -> new IllegalStateException("No account " + user.accountId() + " behind a signed-in person"));
        Map<TenantId, String> tenantNames = new HashMap<>();
        List<ApplicationRecord> apps = new ArrayList<>();
        List<IssuedDocumentRecord> issued = new ArrayList<>();
        for (ApplicationDetail d : applications.of(user)) {
            Application a = d.application();
            tenantNames.putIfAbsent(a.tenant(), d.tenantName());
            apps.add(application(d));
            documents.history(a.tenant(), a.id()).forEach(doc -> issued.add(new IssuedDocumentRecord(doc.tenant().value(),
                    doc.trackingNo(), doc.number(), doc.title(), doc.status(), doc.officialName(), doc.officialPosition(),
                    doc.issuedAt(), doc.sha256(), doc.size(), doc.verifyPath(), doc.revokedAt(), doc.revokeReason(),
                    doc.createdAt())));
        }
        List<MembershipRecord> memberships = user.memberships().stream()
                .map(m -> membership(m, tenantName(m.tenant(), tenantNames))).toList();
        Account account = new Account(profile.accountId(), profile.kind(), profile.fullName(), profile.nik(), profile.email(),
                profile.phone(), profile.enabled(), profile.consentAt(), profile.claimedAt(), profile.createdAt(),
                profile.updatedAt(), profile.platformRoles(), memberships);
        List<NotificationRecord> notifications = messages.to(profile.email(), profile.phone()).stream()
                .map(m -> new NotificationRecord(m.tenant() == null ? null : tenantName(m.tenant(), tenantNames), m.channel(),
                        m.recipient(), m.status(), m.attempts(), m.createdAt(), m.sentAt()))
                .toList();
        return new PersonalData(PersonalData.SCHEMA_VERSION, Instant.now(), account, List.copyOf(apps), List.copyOf(issued),
                complaints.of(user.accountId()), notifications, accounts.tokens(user.accountId()),
                accounts.oidcLinks(user.accountId()), bookings.of(user.accountId()));
    }

    /** How long each kind of record keeps the person's data, as this installation is configured. */
    record Retentions(Duration messages, ApplicantData.Retention applications, Duration complaints) {
    }

    Retentions retentions() {
        return new Retentions(messages.retention(), applications.retention(), complaints.retention());
    }

    private static ApplicationRecord application(ApplicationDetail d) {
        Application a = d.application();
        return new ApplicationRecord(a.tenant().value(), d.tenantName(), a.trackingNo(), a.accessCode(), a.serviceId(),
                d.serviceName(), d.serviceNameEn(), a.serviceVersion(), d.agencyName(), a.status(), a.channel(),
                a.filedBy() != null, a.applicantName(), a.applicantNik(), a.applicantEmail(), a.applicantPhone(), a.lang(),
                a.data(), a.correction(), a.decisionReason(), a.createdAt(), a.updatedAt(), a.submittedAt(), a.dueAt(),
                a.decidedAt(),
                d.documents().stream().map(x -> new AttachmentRecord(x.code(), x.fileName(), x.contentType(), x.size(),
                        x.sha256(), x.uploadedAt())).toList(),
                // as on the application's page: the role that acted, not the officer's account
                d.history().stream().map(h -> new HistoryRecord(h.at(), h.action(), h.stepCode(), h.actorRole(),
                        h.statusAfter(), h.detail())).toList());
    }

    private static MembershipRecord membership(Membership m, String tenantName) {
        return new MembershipRecord(m.tenant().value(), tenantName, m.role(), m.agencyId(), m.servicePointId());
    }

    private String tenantName(TenantId tenant, Map<TenantId, String> known) {
        return known.computeIfAbsent(tenant, t -> tenancy.byId(t).map(Tenant::name).orElse(null));
    }
}
