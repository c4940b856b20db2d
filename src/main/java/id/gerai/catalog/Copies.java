package id.gerai.catalog;

import id.gerai.platform.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who copied a service: for the origin's page ("replicated by 3 regions").
 *
 * @param tenants how many tenants other than the origin's own hold a copy
 */
public record Copies(int tenants, List<Copy> copies) {

    public Copies {
        copies = List.copyOf(copies);
    }

    /** One copy: the tenant and service that hold it and the origin version it was made from. */
    public record Copy(TenantId tenant, String tenantSlug, String tenantName, UUID serviceId, String slug, String name,
                       int originVersion, ServiceStatus status, Instant copiedAt) {
    }
}
