package id.gerai.catalog;

import id.gerai.platform.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * One service of a tenant as lists show it.
 *
 * @param slug           names the service in URLs, unique in the tenant, fixed when the service is created
 * @param currentVersion the published version citizens see; {@code null} when none is published
 * @param draftVersion   the version being edited; {@code null} when there is no draft
 * @param latestVersion  the highest version number
 * @param name           from the current version, else from the latest one
 * @param origin         where the service was copied from; {@code null} when it was made here
 */
public record ServiceSummary(TenantId tenant, UUID id, String slug, String kindCode, UUID agencyId, String agencyCode,
                             String agencyName, ServiceStatus status, Integer currentVersion, Integer draftVersion,
                             int latestVersion, String name, String nameEn, String category, Origin origin,
                             Instant createdAt) {
}
