package id.gerai.notification;

/**
 * The notification outbox. Queuing writes to the outbox in the caller's transaction, so a message is
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
}
