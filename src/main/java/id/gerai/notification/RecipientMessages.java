package id.gerai.notification;

import id.gerai.platform.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The messages still in the outbox to one person's addresses, for their own access request (UU 27/2022): that a
 * message was queued, when, through which channel, and how far its delivery got.
 *
 * <p>Never the subject or the body. The outbox knows a message only by its address, and Gerai does not check that
 * an address given at registration (or typed by an officer for a walk-in citizen) belongs to the person who gives it;
 * a family shares a phone. The content of a message (names, tracking numbers, status, reset links) went to whoever
 * holds the address, and is handed to nobody else later because they claim that address now.
 */
public interface RecipientMessages {

    /**
     * Messages to {@code email} (compared case-insensitively) or {@code phone} (any form {@link Notifications#queue(TextMessage)}
     * accepts), in every tenant and installation-wide, newest first. A {@code null} or unusable address matches nothing.
     */
    List<QueuedMessage> to(String email, String phone);

    /** How long a sent or failed message stays in the outbox before it is deleted (pending ones stay until sent). */
    Duration retention();

    /**
     * @param tenant    the tenant it was sent for; {@code null} for installation-wide messages (account e-mails)
     * @param recipient the address as stored (a phone number as E.164 digits)
     */
    record QueuedMessage(UUID id, TenantId tenant, String channel, String recipient, OutboxMessage.Status status,
                         int attempts, Instant createdAt, Instant sentAt) {
    }
}
