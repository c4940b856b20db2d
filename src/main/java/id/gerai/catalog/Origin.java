package id.gerai.catalog;

import id.gerai.platform.TenantId;
import java.util.UUID;

/** The published design a service was copied from (amati, tiru, modifikasi): another tenant's service version. */
public record Origin(TenantId tenant, UUID serviceId, int version) {
}
