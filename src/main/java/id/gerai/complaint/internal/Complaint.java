package id.gerai.complaint.internal;

import id.gerai.application.TrackingNumber;
import id.gerai.platform.Masking;
import id.gerai.platform.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One complaint as stored (without its access code, kept only as a hash).
 *
 * @param applicationTracking the tracking number of the application it is about (canonical), if any
 * @param reporterId          the citizen account that filed it; {@code null} when filed without an account
 * @param dueAt               the end of the current step's limit (verification, follow-up) or, while
 *                            {@link ComplaintStatus#ANSWERED}, the automatic closing
 * @param anonymisedAt        when retention removed the reporter's identity, the texts and the attachments; the reporter
 *                            fields are null after it and the texts a placeholder
 */
public record Complaint(TenantId tenant, UUID id, String trackingNo, ComplaintKind kind, String title, String body,
                 LocalDate incidentDate, String location, UUID serviceId, String applicationTracking, UUID servicePointId,
                 UUID agencyId, boolean confidential, boolean anonymous, UUID reporterId, String reporterName,
                 String reporterNik, String reporterEmail, String reporterPhone, String lang, String channel, String laporId,
                 ComplaintStatus status, String statusReason, Instant filedAt, Instant verifiedAt, Instant forwardedAt,
                 Instant answeredAt, Instant closedAt, Instant dueAt, Instant escalatedAt, Integer rating, Boolean satisfied,
                 String closedBy, int lockVersion, Instant anonymisedAt) {

    public String displayTracking() {
        return TrackingNumber.display(trackingNo);
    }

    public String displayApplication() {
        return applicationTracking == null ? null : TrackingNumber.display(applicationTracking);
    }

    public String maskedNik() {
        return reporterNik == null ? null : Masking.nik(reporterNik);
    }

    /** Its personal data was removed when its retention ended: pages say so instead of showing the placeholders. */
    public boolean anonymised() {
        return anonymisedAt != null;
    }

    public boolean overdueAt(Instant now) {
        return status.staffClock() && dueAt != null && dueAt.isBefore(now);
    }

    /** The same complaint without anything that identifies the reporter (what agency staff see of an anonymous one). */
    Complaint withoutReporter() {
        return new Complaint(tenant, id, trackingNo, kind, title, body, incidentDate, location, serviceId, applicationTracking,
                servicePointId, agencyId, confidential, anonymous, null, null, null, null, null, lang, channel, laporId,
                status, statusReason, filedAt, verifiedAt, forwardedAt, answeredAt, closedAt, dueAt, escalatedAt, rating,
                satisfied, closedBy, lockVersion, anonymisedAt);
    }
}
