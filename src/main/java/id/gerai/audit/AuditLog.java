package id.gerai.audit;

/**
 * The append-only, hash-chained record of every change. {@link #record} writes in the caller's
 * transaction, so the audit row commits or rolls back together with the change it describes.
 *
 * <p>Recording is a single insert: it takes no lock and reads no chain head, so any number of
 * transactions, even in one tenant, record concurrently without waiting for each other. The row is linked
 * into its tenant's hash chain (or the installation-wide chain when the event has no tenant) by a
 * background sealer, in blocks, about a second after the transaction commits (see the package
 * documentation).
 *
 * <p>Hazards: until it is sealed, a row is protected only by the database privileges and the append-only
 * trigger, not by the chain; and a writing transaction that stays open holds back the sealing of every
 * row that committed after its first write. Keep transactions short. The caller's tenant scope must allow the event's
 * tenant (row-level security refuses a row of another tenant); installation-wide events may be recorded
 * from any scope.
 */
public interface AuditLog {

    /**
     * Records {@code event} in the current transaction (or on its own when there is none).
     *
     * @throws IllegalArgumentException when the event has no action or entity type
     */
    void record(AuditEvent event);

    /**
     * Records {@code events} in the current transaction with one statement, in their order.
     *
     * @throws IllegalArgumentException when an event has no action or entity type (then none is recorded)
     */
    void recordAll(java.util.List<AuditEvent> events);
}
