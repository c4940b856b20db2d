package id.gerai.catalog.web;

import id.gerai.catalog.ServiceDesign;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads what the service page shows: only the current version, only when it is published, and the
 * versions that were ever published. A draft is never read here. Lineage (copied from, copied by) spans
 * tenants and is read in the across-tenants scope.
 */
@Repository
class PublishedServices {

    /** The published version citizens see now. */
    record Published(UUID id, String slug, UUID agencyId, int version, Instant publishedAt, ServiceDesign design,
                     TenantId originTenant, UUID originService) {
    }

    /** A version that was published at some time; {@code retiredAt} once it was replaced or withdrawn. */
    record Version(int number, String status, Instant publishedAt, Instant retiredAt, String changeNote) {
    }

    /** The service another tenant's copy came from; {@code slug} only while that service is published. */
    record Origin(TenantId tenant, String slug) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    PublishedServices(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    Optional<Published> find(TenantId tenant, String slug) {
        return TenantContext.call(tenant, () -> jdbc.sql("""
                        select s.id, s.slug, s.agency_id, v.version, v.published_at, v.design::text as design,
                               s.origin_tenant_id, s.origin_service_id
                        from service s
                        join service_version v on v.tenant_id = s.tenant_id and v.service_id = s.id and v.version = s.current_version
                        where s.tenant_id = :tenant and s.slug = :slug and v.status = 'PUBLISHED'
                        """)
                .param("tenant", tenant.value())
                .param("slug", slug)
                .query(PublishedServices::published)
                .optional());
    }

    /** Every version that was published, newest first. */
    List<Version> versions(TenantId tenant, UUID service) {
        return TenantContext.call(tenant, () -> jdbc.sql("""
                        select version, status, published_at, retired_at, change_note from service_version
                        where tenant_id = :tenant and service_id = :service and status <> 'DRAFT' and published_at is not null
                        order by version desc
                        """)
                .param("tenant", tenant.value())
                .param("service", service)
                .query((rs, i) -> new Version(rs.getInt("version"), rs.getString("status"), instant(rs, "published_at"),
                        instant(rs, "retired_at"), rs.getString("change_note")))
                .list());
    }

    /** Where a copied service came from: another tenant's row, so read across tenants. */
    Optional<Origin> origin(TenantId originTenant, UUID originService) {
        return TenantContext.callAcrossTenants(() -> readOnly.execute(s -> jdbc.sql("""
                        select s.slug, exists (select 1 from service_version v
                                               where v.tenant_id = s.tenant_id and v.service_id = s.id
                                                 and v.version = s.current_version and v.status = 'PUBLISHED') as published
                        from service s where s.tenant_id = :tenant and s.id = :service
                        """)
                .param("tenant", originTenant.value())
                .param("service", originService)
                .query((rs, i) -> new Origin(originTenant, rs.getBoolean("published") ? rs.getString("slug") : null))
                .optional()));
    }

    /** How many other tenants publish a copy of this service ("Ditiru oleh N daerah"). */
    int copiedBy(TenantId tenant, UUID service) {
        Integer n = TenantContext.callAcrossTenants(() -> readOnly.execute(s -> jdbc.sql("""
                        select count(distinct s.tenant_id) from service s
                        join service_version v on v.tenant_id = s.tenant_id and v.service_id = s.id
                             and v.version = s.current_version and v.status = 'PUBLISHED'
                        where s.origin_tenant_id = :tenant and s.origin_service_id = :service and s.tenant_id <> :tenant
                        """)
                .param("tenant", tenant.value())
                .param("service", service)
                .query(Integer.class)
                .single()));
        return n == null ? 0 : n;
    }

    private static Published published(ResultSet rs, int row) throws SQLException {
        UUID originTenant = rs.getObject("origin_tenant_id", UUID.class);
        return new Published(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getObject("agency_id", UUID.class),
                rs.getInt("version"), instant(rs, "published_at"), Designs.read(rs.getString("design")),
                originTenant == null ? null : new TenantId(originTenant), rs.getObject("origin_service_id", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
