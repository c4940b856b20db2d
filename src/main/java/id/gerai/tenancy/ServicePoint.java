package id.gerai.tenancy;

import id.gerai.platform.TenantId;
import java.util.UUID;

/** {@code villageCode} is set for a village office (its desa/kelurahan); {@code counters} for buildings. */
public record ServicePoint(TenantId tenant, UUID id, String code, String name, ServicePointKind kind, String address,
                           String villageCode, int counters) {
}
