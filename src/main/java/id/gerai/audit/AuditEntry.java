package id.gerai.audit;

import id.gerai.platform.TenantId;
import java.time.Instant;

/**
 * One record of the audit log as pages and APIs show it.
 *
 * @param tenant the tenant whose data changed; {@code null} for installation-wide events
 * @param before the values before the change, as JSON text; {@code null} when nothing existed
 * @param after  the values after the change, as JSON text; {@code null} when the thing was removed
 * @param sealed whether the record is already linked into its hash chain (usually about a second after
 *               its transaction committed)
 */
public record AuditEntry(long id, Instant occurredAt, TenantId tenant, String actor, String action,
                         String entityType, String entityId, String before, String after, boolean sealed) {
}
