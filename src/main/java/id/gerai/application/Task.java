package id.gerai.application;

import id.gerai.platform.TenantId;
import java.time.Instant;
import java.util.UUID;

/** One step of one application, for a role of an agency. */
public record Task(TenantId tenant, UUID id, UUID applicationId, int stage, String stepCode, String role, UUID agencyId,
                   UUID serviceId, Channel channel, TaskStatus status, UUID claimedBy, Instant claimedAt,
                   Decision outcome, UUID decidedBy, Instant decidedAt, Instant createdAt, Instant dueAt,
                   Instant remindedAt, Instant escalatedAt) {

    public boolean overdueAt(Instant now) {
        return status.active() && dueAt.isBefore(now);
    }
}
