package id.gerai.privacy.internal;

import id.gerai.application.ApplicationStatus;
import id.gerai.application.Channel;
import id.gerai.application.Correction;
import id.gerai.complaint.ReporterData.ReportedComplaint;
import id.gerai.document.DocumentStatus;
import id.gerai.identity.AccountData;
import id.gerai.identity.Role;
import id.gerai.notification.OutboxMessage;
import id.gerai.queue.QueueBookings;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything Gerai holds about one account, as its holder downloads it: the page's JSON file and the API's answer are
 * this one record, so they cannot drift apart. Field names are English and stable; a change that removes a field or
 * changes its meaning raises {@link #SCHEMA_VERSION}.
 *
 * <p>Full values, the NIK included: this is the holder's own data, given to the holder. What is left out is what is
 * not theirs: staff accounts and internal notes on their applications, file contents (the SHA-256 identifies each
 * file; the files are downloaded from the application and complaint pages), token secrets (never stored), and the
 * content of queued messages (see {@link id.gerai.notification.RecipientMessages}).
 */
@Schema(name = "PersonalData", description = "A copy of everything Gerai holds about the signed-in account (UU 27/2022: access, copy, portability)")
record PersonalData(
        @Schema(description = "Version of this structure; raised when a field is removed or changes meaning", example = "1") int schemaVersion,
        @Schema(description = "When this copy was made") Instant generatedAt,
        @Schema(description = "The account: profile, roles") Account account,
        @Schema(description = "Applications whose applicant is this account, in every region, newest first") List<ApplicationRecord> applications,
        @Schema(description = "Documents issued for those applications, corrected and revoked ones included") List<IssuedDocumentRecord> issuedDocuments,
        @Schema(description = "Complaints, aspirations and information requests filed from this account (reports filed without an account are linked to nobody)")
        List<ReportedComplaint> complaints,
        @Schema(description = "Messages still in the outbox to the account's e-mail address or phone: when and how, not what they said")
        List<NotificationRecord> notifications,
        @Schema(description = "Personal API tokens, revoked ones included; never their secrets") List<AccountData.Token> apiTokens,
        @Schema(description = "Identities at OpenID Connect providers the account signs in with (issuer and the provider's subject)")
        List<AccountData.OidcLink> oidcLinks,
        @Schema(description = "Appointments booked at service points, in every region, newest day first (kiosk tickets are linked to nobody)")
        List<QueueBookings.Booking> appointments) {

    static final int SCHEMA_VERSION = 1;

    /**
     * @param nik the full NIK (citizens); {@code null} for staff
     * @param consentAt when the privacy notice was agreed to at registration
     * @param claimedAt when the account could first log in ({@code null}: a record made at a counter)
     */
    record Account(UUID id, String kind, String fullName, String nik, String email, String phone, boolean enabled,
                   Instant consentAt, Instant claimedAt, Instant createdAt, Instant updatedAt, List<String> platformRoles,
                   List<MembershipRecord> memberships) {
    }

    /** A role the account holds in a region (staff), optionally for one agency or service point. */
    record MembershipRecord(UUID tenantId, String tenantName, Role role, UUID agencyId, UUID servicePointId) {
    }

    /**
     * @param accessCode     the code printed on the receipt for the public status check
     * @param filedAtCounter filed by an officer at a counter or village office rather than online
     * @param formData       the form as filled in, under the form's own field names
     */
    record ApplicationRecord(UUID tenantId, String tenantName, String trackingNo, String accessCode, UUID serviceId,
                             String serviceName, String serviceNameEn, int serviceVersion, String agencyName,
                             ApplicationStatus status, Channel channel, boolean filedAtCounter, String applicantName,
                             String applicantNik, String applicantEmail, String applicantPhone, String language,
                             Map<String, Object> formData, Correction correction, String decisionReason, Instant createdAt,
                             Instant updatedAt, Instant submittedAt, Instant dueAt, Instant decidedAt,
                             List<AttachmentRecord> attachments, List<HistoryRecord> history) {
    }

    /** An uploaded document: what it is, never its bytes. */
    record AttachmentRecord(String code, String fileName, String contentType, long size, String sha256, Instant uploadedAt) {
    }

    /** One step of an application's history; who acted is given by role only, as on the application's page. */
    record HistoryRecord(Instant at, String action, String step, String actorRole, ApplicationStatus status,
                         Map<String, Object> detail) {
    }

    /** @param sha256 SHA-256 of the signed PDF as issued; {@code null} while it waits for its signature */
    record IssuedDocumentRecord(UUID tenantId, String applicationTrackingNo, String number, String title,
                                DocumentStatus status, String officialName, String officialPosition, Instant issuedAt,
                                String sha256, long size, String verifyPath, Instant revokedAt, String revokeReason,
                                Instant createdAt) {
    }

    /** @param tenantName the region it was sent for; {@code null} for account mail */
    record NotificationRecord(String tenantName, String channel, String recipient, OutboxMessage.Status status,
                              int attempts, Instant createdAt, Instant sentAt) {
    }

    /** How many records of each category this copy holds: what the audit record says, never the data itself. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("account", account == null ? 0 : 1);
        counts.put("applications", applications.size());
        counts.put("issuedDocuments", issuedDocuments.size());
        counts.put("complaints", complaints.size());
        counts.put("notifications", notifications.size());
        counts.put("apiTokens", apiTokens.size());
        counts.put("oidcLinks", oidcLinks.size());
        counts.put("appointments", appointments.size());
        return counts;
    }
}
