package id.gerai.replication.internal;

import id.gerai.platform.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A study visit of {@code visitor} to {@code host}. The contact person is personal data: only the two tenants' MPP
 * managers see it.
 */
record StudyVisit(TenantId visitor, UUID id, TenantId host, String topic, String purpose, List<DesignRef> designs,
                  LocalDate proposedFrom, LocalDate proposedTo, int participants, String contactName,
                  String contactEmail, String contactPhone, VisitStatus status, LocalDate confirmedDate, String hostNote,
                  String declineReason, Side cancelledBy, String cancelReason, String learnings, UUID requestedBy,
                  Instant requestedAt, Instant decidedAt, Instant cancelledAt, Instant heldAt) {

    /** Which party a tenant is in a visit. */
    enum Side { VISITOR, HOST }

    /** One of the host's published service designs the visitor wants to study, named as it was when asked. */
    record DesignRef(UUID serviceId, String name) {
    }

    /** The side {@code tenant} takes in this visit, or {@code null} when it is neither. */
    Side sideOf(TenantId tenant) {
        if (visitor.equals(tenant)) {
            return Side.VISITOR;
        }
        return host.equals(tenant) ? Side.HOST : null;
    }
}
