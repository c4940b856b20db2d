package id.gerai.notification;

import id.gerai.platform.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A message in the outbox as queued, with how far its delivery got.
 *
 * @param tenant        the tenant it was sent for; {@code null} for installation-wide messages
 * @param channel       how it goes out: {@value #EMAIL} or {@value #GATEWAY} (SMS/WhatsApp)
 * @param recipient     an e-mail address, or for {@code GATEWAY} a phone number as E.164 digits ({@code 628...})
 * @param subject       the e-mail's subject; {@code null} for a text message
 * @param attempts      failed delivery attempts so far
 * @param nextAttemptAt when the dispatcher will next try it (meaningful while {@code PENDING})
 * @param lastError     the kind of the last failure (an exception class name, or {@code HTTP 503} from the
 *                      gateway), never its text
 * @param sentAt        when the mail server or the gateway accepted it; {@code null} unless {@code SENT}
 */
public record OutboxMessage(UUID id, TenantId tenant, String channel, String recipient, String subject, String body,
                            Status status, int attempts, Instant createdAt, Instant nextAttemptAt, String lastError,
                            Instant sentAt) {

    /** E-mail over SMTP. */
    public static final String EMAIL = "EMAIL";
    /** A text message (SMS/WhatsApp) through the HTTP gateway. */
    public static final String GATEWAY = "GATEWAY";

    /** Where a message is on its way out. */
    public enum Status {
        /** Waiting to be sent, for the first time or again after a failure. */
        PENDING,
        /** Accepted by the mail server or the gateway. */
        SENT,
        /** Given up after too many failed attempts, or not deliverable at all. */
        FAILED
    }
}
