package id.gerai.catalog;

import id.gerai.platform.TenantId;
import java.util.UUID;

/** A service version was published and is now the one citizens see. Published inside the publishing transaction. */
public record ServicePublished(TenantId tenant, UUID serviceId, int version) {
}
