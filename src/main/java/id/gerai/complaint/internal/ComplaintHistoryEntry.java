package id.gerai.complaint.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One step of a complaint's history; who acted is kept by role (the account id is never shown). */
public record ComplaintHistoryEntry(long id, Instant at, String action, UUID actorId, String actorRole, ComplaintStatus statusAfter,
                             UUID agencyId, Map<String, Object> detail) {
}
