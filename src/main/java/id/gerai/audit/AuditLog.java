package id.gerai.audit;

/**
 * The append-only, hash-chained record of every change. {@link #record} writes in the caller's
 * transaction, so the audit row commits or rolls back together with the change it describes.
 */
public interface AuditLog {

    void record(AuditEvent event);
}
