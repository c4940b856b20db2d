package id.gerai.complaint.internal;

import java.time.Instant;
import java.util.UUID;

/** A file attached to a complaint (by the reporter, or by the agency with a follow-up). */
public record ComplaintAttachment(int seq, UUID messageId, String author, String sha256, long size, String contentType,
                           String fileName, Instant createdAt) {
}
