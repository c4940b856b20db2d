package id.gerai.complaint.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A complaint as the API returns it. {@code reporter} is absent on the public list, and for agency staff when the
 * complaint is anonymous; {@code id} and {@code history} actors only for staff. Once its retention ended,
 * {@code anonymisedAt} is set, {@code reporter} is absent, the texts are the stored placeholder and
 * {@code personalDataNotice} says why in the request's language.
 */
record ComplaintJson(UUID id, String trackingNo, String trackingDisplay, String tenant, String tenantName, String kind,
                     String title, String body, LocalDate incidentDate, String location, String status, String statusReason,
                     boolean confidential, boolean anonymous, UUID agencyId, String agencyName, UUID serviceId,
                     String serviceName, UUID servicePointId, String servicePointName, String applicationTracking,
                     Reporter reporter, Instant filedAt, Instant verifiedAt, Instant forwardedAt, Instant answeredAt,
                     Instant closedAt, Instant dueAt, boolean overdue, Integer rating, Boolean satisfied,
                     List<MessageJson> messages, List<AttachmentJson> attachments, List<HistoryJson> history,
                     Instant anonymisedAt, String personalDataNotice) {

    record Reporter(String name, String email, String phone, String nik) {
    }

    record MessageJson(String author, String agencyName, String body, Instant at) {
    }

    record AttachmentJson(int seq, String author, String fileName, String contentType, long size, String sha256) {
    }

    record HistoryJson(Instant at, String action, String actorRole, String status, Map<String, Object> detail) {
    }

    /** {@code notice}: what an anonymised complaint's {@code personalDataNotice} says (null for any other). */
    static ComplaintJson of(ComplaintService.View v, Map<UUID, String> agencies, String notice) {
        Complaint c = v.complaint();
        boolean staff = v.perspective() != ComplaintService.Perspective.REPORTER;
        Reporter reporter = c.reporterName() == null && c.reporterEmail() == null && c.reporterPhone() == null
                && c.reporterNik() == null ? null
                : new Reporter(c.reporterName(), c.reporterEmail(), c.reporterPhone(), c.maskedNik());
        return new ComplaintJson(staff ? c.id() : null, c.trackingNo(), c.displayTracking(), v.tenantSlug(), v.tenantName(),
                c.kind().name(), c.title(), c.body(), c.incidentDate(), c.location(), c.status().name(), c.statusReason(),
                c.confidential(), c.anonymous(), c.agencyId(), v.agencyName(), c.serviceId(), v.serviceName(),
                c.servicePointId(), v.servicePointName(), c.displayApplication(), reporter, c.filedAt(), c.verifiedAt(),
                c.forwardedAt(), c.answeredAt(), c.closedAt(), c.dueAt(), v.overdue(), c.rating(), c.satisfied(),
                v.messages().stream().map(m -> new MessageJson(m.author(), m.agencyId() == null ? null : agencies.get(m.agencyId()),
                        m.body(), m.createdAt())).toList(),
                v.attachments().stream().map(a -> new AttachmentJson(a.seq(), a.author(), a.fileName(), a.contentType(),
                        a.size(), a.sha256())).toList(),
                v.history().stream().map(h -> new HistoryJson(h.at(), h.action(), h.actorRole(), h.statusAfter().name(),
                        staff ? h.detail() : Map.of())).toList(), c.anonymisedAt(), c.anonymised() ? notice : null);
    }

    /** A complaint on the public list: what it is about, its status and the agency's answers; never the reporter. */
    record PublicJson(String trackingDisplay, String kind, String title, String body, String status, String agencyName,
                      Instant filedAt, Instant answeredAt, Instant closedAt, List<MessageJson> answers) {

        static PublicJson of(ComplaintService.PublicItem p) {
            Complaint c = p.complaint();
            return new PublicJson(c.displayTracking(), c.kind().name(), c.title(), c.body(), c.status().name(), p.agencyName(),
                    c.filedAt(), c.answeredAt(), c.closedAt(),
                    p.followUps().stream().map(m -> new MessageJson(m.author(), p.agencyName(), m.body(), m.createdAt())).toList());
        }
    }
}
