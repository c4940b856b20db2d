package id.gerai.catalog;

import id.gerai.platform.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * One version of a service with its whole design. Applications keep {@code (tenant, serviceId, version)}.
 *
 * @param createdBy the account id of whoever made the version, or {@code system}
 */
public record ServiceVersion(TenantId tenant, UUID serviceId, int version, VersionStatus status, ServiceDesign design,
                             String changeNote, String createdBy, Instant createdAt, Instant publishedAt,
                             Instant retiredAt) {
}
