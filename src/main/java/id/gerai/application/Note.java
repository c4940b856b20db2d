package id.gerai.application;

import java.time.Instant;
import java.util.UUID;

/** An internal note between officers; never shown to the citizen. */
public record Note(UUID id, UUID authorId, String authorName, String body, Instant createdAt) {
}
