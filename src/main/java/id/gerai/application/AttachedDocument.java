package id.gerai.application;

import java.time.Instant;
import java.util.UUID;

/** An uploaded document of an application; the file is in the blob store under {@code sha256}. */
public record AttachedDocument(String code, String sha256, long size, String contentType, String fileName,
                               UUID uploadedBy, Instant uploadedAt) {
}
