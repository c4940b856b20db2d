package id.gerai.complaint;

import id.gerai.platform.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * Published in the transaction that receives a complaint, aspiration or information request.
 *
 * @param agencyId       the agency it is about, when known at filing
 * @param serviceId      the service it is about, when named
 * @param servicePointId the service point it is about, when named
 */
public record ComplaintFiled(TenantId tenant, UUID complaintId, UUID agencyId, UUID serviceId, UUID servicePointId,
                             Instant filedAt) {
}
