package id.gerai.notification;

import java.util.List;

/**
 * Reads the outbox, for the demo mailbox and for other modules' tests ("was the reset link mailed?",
 * "was the SMS sent?").
 *
 * <p>Hazard: messages carry personal data and secrets (reset links, one-time codes), and these queries read across all
 * tenants and installation-wide messages. Never expose their results to a person outside demo mode. They
 * run in their own read-only cross-tenant transaction, whatever the caller's tenant scope or
 * transaction, so they see committed messages only.
 */
public interface NotificationQueries {

    /**
     * The newest messages to one recipient, newest first: an e-mail address (compared case-insensitively),
     * or a phone number in any form {@link Notifications#queue(TextMessage)} accepts (compared as E.164 digits).
     *
     * @param limit at most this many, 1 to 500
     */
    List<OutboxMessage> recentTo(String recipient, int limit);

    /** The newest messages to anyone, newest first; {@code limit} is 1 to 500. */
    List<OutboxMessage> recent(int limit);
}
