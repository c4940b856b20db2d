package id.gerai.complaint;

import id.gerai.platform.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * Published in the transaction that records the agency's follow-up (tindak lanjut) of a complaint.
 *
 * @param onTime whether the follow-up came within its working-day limit
 */
public record ComplaintAnswered(TenantId tenant, UUID complaintId, UUID agencyId, UUID serviceId, UUID servicePointId,
                                Instant filedAt, Instant answeredAt, boolean onTime) {
}
