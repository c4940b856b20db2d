package id.gerai.notification;

import id.gerai.platform.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A message in the outbox as queued, with how far its delivery got.
 *
 * @param tenant        the tenant it was sent for; {@code null} for installation-wide mail
 * @param channel       how it goes out; {@code EMAIL} for now
 * @param attempts      failed delivery attempts so far
 * @param nextAttemptAt when the dispatcher will next try it (meaningful while {@code PENDING})
 * @param lastError     the kind of the last failure (an exception class name), never its text
 * @param sentAt        when it was handed to the mail server; {@code null} unless {@code SENT}
 */
public record OutboxMessage(UUID id, TenantId tenant, String channel, String recipient, String subject, String body,
                            Status status, int attempts, Instant createdAt, Instant nextAttemptAt, String lastError,
                            Instant sentAt) {

    /** Where a message is on its way out. */
    public enum Status {
        /** Waiting to be sent, for the first time or again after a failure. */
        PENDING,
        /** Accepted by the mail server. */
        SENT,
        /** Given up after too many failed attempts, or not deliverable at all. */
        FAILED
    }
}
