package id.gerai.application;

import id.gerai.platform.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * Published in the transaction that completes an application (its final stage approved). Listeners that must
 * not miss it (issuing the document) use Spring Modulith's persistent event publication, so it is recorded
 * with the completion and retried until handled.
 */
public record ApplicationCompleted(TenantId tenant, UUID applicationId, String trackingNo, UUID serviceId,
                                   int serviceVersion, UUID agencyId, UUID decidedBy, Instant completedAt) {
}
