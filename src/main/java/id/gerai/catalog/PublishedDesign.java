package id.gerai.catalog;

import id.gerai.platform.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A published design of any tenant, for other tenants to study and copy (amati, tiru, modifikasi).
 * Designs hold no personal data.
 *
 * @param copies how many other tenants copied this service
 */
public record PublishedDesign(TenantId tenant, String tenantSlug, String tenantName, UUID serviceId, String slug,
                              int version, String kindCode, String name, String nameEn, String summary, String category,
                              String agencyName, BigDecimal fee, int timeLimitDays, Instant publishedAt, Origin origin,
                              int copies) {
}
