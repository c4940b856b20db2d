package id.gerai.catalog;

import id.gerai.platform.TenantId;
import java.util.UUID;

/** A service's published version was retired without a successor: citizens no longer see the service. */
public record ServiceRetired(TenantId tenant, UUID serviceId, int version) {
}
