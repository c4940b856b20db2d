package id.gerai.notification;

/**
 * The notification outbox. Queuing writes to the outbox in the caller's transaction, so a message is
 * sent if and only if the change that caused it commits; a dispatcher delivers it afterwards and retries.
 */
public interface Notifications {

    void queue(Email email);
}
