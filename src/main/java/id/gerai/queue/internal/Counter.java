package id.gerai.queue.internal;

import id.gerai.platform.TenantId;
import java.util.List;
import java.util.UUID;

/**
 * A counter (loket) of a service point. It serves the tickets of {@code agencyIds} and of {@code serviceIds}; with
 * both empty it serves every ticket of its service point.
 */
public record Counter(TenantId tenant, UUID id, UUID servicePointId, String code, String name, List<UUID> agencyIds,
               List<UUID> serviceIds, boolean active) {

    public boolean servesAll() {
        return agencyIds.isEmpty() && serviceIds.isEmpty();
    }

    public boolean serves(UUID agencyId, UUID serviceId) {
        return servesAll() || agencyIds.contains(agencyId) || (serviceId != null && serviceIds.contains(serviceId));
    }
}
