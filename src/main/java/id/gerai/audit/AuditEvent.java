package id.gerai.audit;

import id.gerai.platform.TenantId;
import java.util.Map;

/**
 * One change made by a person or the system. {@code before} and {@code after} hold the changed values
 * (never secrets such as password hashes); {@code actor} may be left {@code null}, then the signed-in
 * person is recorded, or {@code system} when nobody is.
 *
 * @param tenant     the tenant whose data changed; {@code null} for installation-wide data (accounts, tenants)
 * @param action     what happened, dotted and past tense, e.g. {@code tenancy.agency.created}
 * @param entityType the kind of thing changed, e.g. {@code agency}
 * @param entityId   its id
 */
public record AuditEvent(TenantId tenant, String actor, String action, String entityType, String entityId,
                         Map<String, ?> before, Map<String, ?> after) {

    public static AuditEvent of(TenantId tenant, String action, String entityType, Object entityId,
                                Map<String, ?> before, Map<String, ?> after) {
        return new AuditEvent(tenant, null, action, entityType, String.valueOf(entityId), before, after);
    }

    public AuditEvent byActor(String actor) {
        return new AuditEvent(tenant, actor, action, entityType, entityId, before, after);
    }
}
