package id.gerai.notification;

/**
 * The notification outbox: e-mail over SMTP and text messages (SMS/WhatsApp) through an HTTP gateway.
 * Queuing writes to the outbox in the caller's transaction, so a message is
 * sent if and only if the change that caused it commits; a dispatcher delivers it afterwards and retries.
 */
public interface Notifications {

    /**
     * Queues an e-mail as a pending outbox row, joining the caller's transaction (without one, the row
     * is committed at once). Delivery happens later, at least once: after a crash between sending and
     * recording it, a message may be sent again.
     *
     * <p>The row is written under row-level security: an e-mail for a tenant must be queued inside that
     * tenant's scope ({@code TenantContext.call(tenant, ...)}, entered before the transaction starts) or
     * a cross-tenant one; installation-wide mail ({@code tenant == null}) may be queued from any scope.
     *
     * @throws IllegalArgumentException when the recipient is blank or not roughly an e-mail address, or
     *                                  the subject or body is missing
     */
    void queue(Email email);

    /**
     * Queues a text message (SMS/WhatsApp) for the HTTP gateway, exactly like {@link #queue(Email)}: a
     * pending outbox row in the caller's transaction, the same tenant-scope rules, delivered at least once.
     * The number is normalised to E.164 digits ({@code 0812...} and {@code +62812...} both become
     * {@code 62812...}). Without a configured gateway the message stays pending.
     *
     * @throws IllegalArgumentException when the number is not an Indonesian mobile number, or the body is
     *                                  blank or longer than {@value #TEXT_MAX} characters; nothing is written
     *                                  then and the caller's transaction may still commit
     */
    void queue(TextMessage message);

    /**
     * Queues what tells one person of one event, the e-mail and the text message, in one statement; either may be
     * {@code null}. Each is checked as {@link #queue(Email)} and {@link #queue(TextMessage)} check it, but one that
     * is refused (no usable number, a malformed address) is left out and logged instead of thrown, so an unusable
     * phone number never costs the e-mail and the caller's transaction goes on.
     *
     * @return how many messages were queued (0, 1 or 2)
     */
    int queue(Email email, TextMessage text);

    /** The longest text body accepted: WhatsApp's limit; an SMS gateway splits it into several messages. */
    int TEXT_MAX = 4096;
}
