package id.gerai.complaint;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Every complaint a person filed from their account, for their own access and copy of what Gerai holds about them
 * (UU 27/2022). A report filed without an account is linked to nobody and is never included: only its tracking number
 * and access code lead to it.
 */
public interface ReporterData {

    /** The complaints {@code accountId} filed, in every tenant, newest first, as their reporter sees them. */
    List<ReportedComplaint> of(UUID accountId);

    /** How long after it was closed a finished complaint keeps its reporter's personal data before it is anonymised. */
    Duration retention();

    /**
     * One complaint as filed and handled. Who acted in its history is given by role only, as the reporter's own page
     * shows it; the agency's internal details of a step are not the reporter's and are left out there too.
     *
     * @param kind      {@code ASPIRASI}, {@code PENGADUAN} or {@code INFORMASI}
     * @param anonymous hidden from the agency's staff (the coordinator still sees the reporter)
     * @param reporterNik the full NIK given with the report, if any
     */
    record ReportedComplaint(UUID tenantId, String tenantName, String trackingNo, String kind, String title, String body,
                             LocalDate incidentDate, String location, String serviceName, String applicationTrackingNo,
                             String agencyName, String servicePointName, boolean confidential, boolean anonymous,
                             String reporterName, String reporterNik, String reporterEmail, String reporterPhone,
                             String language, String channel, String status, String statusReason, Instant filedAt,
                             Instant verifiedAt, Instant forwardedAt, Instant answeredAt, Instant closedAt, Integer rating,
                             Boolean satisfied, List<Message> messages, List<Attachment> attachments,
                             List<Step> history) {
    }

    /** A follow-up of the agency, a reply of the reporter or a note of the coordinator to the reporter. */
    record Message(String author, String agencyName, String body, Instant at) {
    }

    /** A file attached to the complaint: what it is, never its bytes. */
    record Attachment(int seq, String author, String fileName, String contentType, long size, String sha256, Instant at) {
    }

    record Step(Instant at, String action, String actorRole, String statusAfter) {
    }
}
