package id.gerai.audit;

import id.gerai.platform.TenantId;

/**
 * Reads the audit log for pages and APIs of other modules.
 *
 * <p>What is visible is decided by the caller's {@link id.gerai.platform.TenantContext} scope, which
 * row-level security enforces: in a tenant's scope only that tenant's records; across tenants all
 * records, including installation-wide ones. Enter the scope before calling (and before any transaction).
 */
public interface AuditQueries {

    int MAX_PAGE_SIZE = 200;

    /**
     * The newest records first.
     *
     * @param tenantOrNull       only this tenant's records; {@code null} for every record the scope sees
     * @param actionPrefixOrNull only actions starting with this text (e.g. {@code identity.account.})
     * @param page               the page number, from 0
     * @param size               records per page, 1 to {@value #MAX_PAGE_SIZE}
     */
    AuditPage list(TenantId tenantOrNull, String actionPrefixOrNull, int page, int size);
}
