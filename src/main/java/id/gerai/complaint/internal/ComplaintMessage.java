package id.gerai.complaint.internal;

import java.time.Instant;
import java.util.UUID;

/** A follow-up of the agency, a reply of the reporter or a note of the coordinator to the reporter. */
public record ComplaintMessage(UUID id, String author, UUID agencyId, String body, Instant createdAt) {
}
