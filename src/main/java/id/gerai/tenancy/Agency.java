package id.gerai.tenancy;

import id.gerai.platform.TenantId;
import java.util.UUID;

public record Agency(TenantId tenant, UUID id, String code, String name, AgencyKind kind, String description) {
}
