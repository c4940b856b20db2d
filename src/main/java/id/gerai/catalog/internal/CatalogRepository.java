package id.gerai.catalog.internal;

import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.Origin;
import id.gerai.catalog.VersionStatus;
import id.gerai.platform.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code service} and {@code service_version}. Every statement names {@code tenant_id}, except the
 * two replication reads, which run across tenants on purpose (published designs only; they hold no
 * personal data).
 */
@Repository
class CatalogRepository {

    /** A service with what lists need from its versions. */
    record ServiceRow(TenantId tenant, UUID id, UUID agencyId, String slug, String kindCode, Integer currentVersion,
                      Origin origin, Instant createdAt, int latestVersion, Integer draftVersion, boolean everPublished,
                      String name, String nameEn, String category) {
    }

    record VersionRow(TenantId tenant, UUID serviceId, int version, VersionStatus status, String design, String changeNote,
                      String createdBy, Instant createdAt, Instant publishedAt, Instant retiredAt) {
    }

    /** A published version of any tenant, with how many other tenants copied its service. */
    record PublishedRow(TenantId tenant, UUID serviceId, String slug, UUID agencyId, int version, String design,
                        Instant publishedAt, Origin origin, int copies) {
    }

    record CopyRow(TenantId tenant, UUID serviceId, String slug, int originVersion, Integer currentVersion,
                   boolean everPublished, String name, Instant createdAt) {
    }

    private static final String SERVICE_SELECT = """
            select s.tenant_id, s.id, s.agency_id, s.slug, s.kind_code, s.current_version, s.origin_tenant_id,
                   s.origin_service_id, s.origin_version, s.created_at,
                   (select max(v.version) from service_version v where v.tenant_id = s.tenant_id and v.service_id = s.id) as latest,
                   (select v.version from service_version v where v.tenant_id = s.tenant_id and v.service_id = s.id
                       and v.status = 'DRAFT') as draft,
                   exists (select 1 from service_version v where v.tenant_id = s.tenant_id and v.service_id = s.id
                       and v.status <> 'DRAFT') as ever_published,
                   d.design ->> 'name' as name, d.design ->> 'nameEn' as name_en, d.design ->> 'category' as category
            from service s
            left join lateral (select v.design from service_version v
                               where v.tenant_id = s.tenant_id and v.service_id = s.id
                               order by (v.version = s.current_version) desc nulls last, v.version desc limit 1) d on true
            """;

    private static final String VERSION_SELECT = """
            select tenant_id, service_id, version, status, design::text as design, change_note, created_by, created_at,
                   published_at, retired_at
            from service_version
            """;

    private final JdbcClient jdbc;

    CatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- services -----------------------------------------------------------------------------------------

    void insertService(TenantId tenant, UUID id, UUID agencyId, String slug, String kindCode, Origin origin) {
        jdbc.sql("""
                        insert into service (tenant_id, id, agency_id, slug, kind_code, origin_tenant_id, origin_service_id, origin_version)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), id, agencyId, slug, kindCode,
                        origin == null ? null : origin.tenant().value(),
                        origin == null ? null : origin.serviceId(),
                        origin == null ? null : origin.version())
                .update();
    }

    boolean slugTaken(TenantId tenant, String slug) {
        return jdbc.sql("select exists (select 1 from service where tenant_id = ? and slug = ?)")
                .params(tenant.value(), slug).query(Boolean.class).single();
    }

    List<ServiceRow> services(TenantId tenant, boolean publishedOnly) {
        return jdbc.sql(SERVICE_SELECT + " where s.tenant_id = ?" + (publishedOnly ? " and s.current_version is not null" : "")
                        + " order by lower(d.design ->> 'name'), s.slug")
                .param(tenant.value()).query(CatalogRepository::serviceRow).list();
    }

    Optional<ServiceRow> service(TenantId tenant, UUID id) {
        return jdbc.sql(SERVICE_SELECT + " where s.tenant_id = ? and s.id = ?")
                .params(tenant.value(), id).query(CatalogRepository::serviceRow).optional();
    }

    Optional<CatalogApi.CurrentVersion> currentVersion(TenantId tenant, UUID id) {
        return jdbc.sql("select agency_id, current_version from service where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query((rs, n) -> new CatalogApi.CurrentVersion(rs.getObject(1, UUID.class), (Integer) rs.getObject(2)))
                .optional();
    }

    Optional<ServiceRow> serviceBySlug(TenantId tenant, String slug) {
        return jdbc.sql(SERVICE_SELECT + " where s.tenant_id = ? and s.slug = ?")
                .params(tenant.value(), slug).query(CatalogRepository::serviceRow).optional();
    }

    /** Locks the service row for the rest of the transaction, so version changes of one service queue up. */
    boolean lock(TenantId tenant, UUID id) {
        return jdbc.sql("select id from service where tenant_id = ? and id = ? for update")
                .params(tenant.value(), id).query(UUID.class).optional().isPresent();
    }

    void setCurrent(TenantId tenant, UUID id, Integer version, String kindCode) {
        jdbc.sql("update service set current_version = ?, kind_code = coalesce(?, kind_code) where tenant_id = ? and id = ?")
                .params(version, kindCode, tenant.value(), id).update();
    }

    void deleteService(TenantId tenant, UUID id) {
        jdbc.sql("delete from service where tenant_id = ? and id = ?").params(tenant.value(), id).update();
    }

    // --- versions -----------------------------------------------------------------------------------------

    void insertVersion(TenantId tenant, UUID serviceId, int version, String design, String changeNote, String createdBy) {
        jdbc.sql("""
                        insert into service_version (tenant_id, service_id, version, status, design, change_note, created_by)
                        values (?, ?, ?, 'DRAFT', ?::jsonb, ?, ?)""")
                .params(tenant.value(), serviceId, version, design, changeNote, createdBy)
                .update();
    }

    List<VersionRow> versions(TenantId tenant, UUID serviceId) {
        return jdbc.sql(VERSION_SELECT + " where tenant_id = ? and service_id = ? order by version desc")
                .params(tenant.value(), serviceId).query(CatalogRepository::versionRow).list();
    }

    Optional<VersionRow> version(TenantId tenant, UUID serviceId, int version) {
        return jdbc.sql(VERSION_SELECT + " where tenant_id = ? and service_id = ? and version = ?")
                .params(tenant.value(), serviceId, version).query(CatalogRepository::versionRow).optional();
    }

    Optional<VersionRow> draft(TenantId tenant, UUID serviceId) {
        return jdbc.sql(VERSION_SELECT + " where tenant_id = ? and service_id = ? and status = 'DRAFT'")
                .params(tenant.value(), serviceId).query(CatalogRepository::versionRow).optional();
    }

    int nextVersion(TenantId tenant, UUID serviceId) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from service_version where tenant_id = ? and service_id = ?")
                .params(tenant.value(), serviceId).query(Integer.class).single();
    }

    void updateDraft(TenantId tenant, UUID serviceId, int version, String design, String changeNote) {
        jdbc.sql("""
                        update service_version set design = ?::jsonb, change_note = ?
                        where tenant_id = ? and service_id = ? and version = ? and status = 'DRAFT'""")
                .params(design, changeNote, tenant.value(), serviceId, version).update();
    }

    void deleteDraft(TenantId tenant, UUID serviceId, int version) {
        jdbc.sql("delete from service_version where tenant_id = ? and service_id = ? and version = ? and status = 'DRAFT'")
                .params(tenant.value(), serviceId, version).update();
    }

    /** Marks the published version retired; answers the version number it retired, if there was one. */
    Optional<Integer> retirePublished(TenantId tenant, UUID serviceId) {
        return jdbc.sql("""
                        update service_version set status = 'RETIRED', retired_at = now()
                        where tenant_id = ? and service_id = ? and status = 'PUBLISHED' returning version""")
                .params(tenant.value(), serviceId).query(Integer.class).optional();
    }

    void markPublished(TenantId tenant, UUID serviceId, int version) {
        jdbc.sql("""
                        update service_version set status = 'PUBLISHED', published_at = now()
                        where tenant_id = ? and service_id = ? and version = ? and status = 'DRAFT'""")
                .params(tenant.value(), serviceId, version).update();
    }

    // --- across tenants (replication) -----------------------------------------------------------------------

    /** Currently published versions of every tenant; run in the cross-tenant scope. */
    List<PublishedRow> published(String kindCode, String likePattern, int limit) {
        return jdbc.sql("""
                        select s.tenant_id, s.id, s.slug, s.agency_id, v.version, v.design::text as design, v.published_at,
                               s.origin_tenant_id, s.origin_service_id, s.origin_version,
                               (select count(distinct c.tenant_id) from service c
                                 where c.origin_tenant_id = s.tenant_id and c.origin_service_id = s.id
                                   and c.tenant_id <> s.tenant_id) as copies
                        from service s
                        join service_version v on v.tenant_id = s.tenant_id and v.service_id = s.id and v.version = s.current_version
                        where v.status = 'PUBLISHED'
                          and (cast(? as text) is null or s.kind_code = ?)
                          and (cast(? as text) is null or v.design ->> 'name' ilike ? or v.design ->> 'nameEn' ilike ?
                               or v.design ->> 'summary' ilike ? or s.kind_code ilike ?)
                        order by copies desc, v.published_at desc
                        limit ?""")
                .params(kindCode, kindCode, likePattern, likePattern, likePattern, likePattern, likePattern, limit)
                .query((rs, n) -> new PublishedRow(new TenantId(rs.getObject("tenant_id", UUID.class)),
                        rs.getObject("id", UUID.class), rs.getString("slug"), rs.getObject("agency_id", UUID.class),
                        rs.getInt("version"), rs.getString("design"), instant(rs, "published_at"), origin(rs),
                        rs.getInt("copies")))
                .list();
    }

    /** Services copied from the origin, in every tenant; run in the cross-tenant scope. */
    List<CopyRow> copiesOf(TenantId originTenant, UUID originService) {
        return jdbc.sql("""
                        select s.tenant_id, s.id, s.slug, s.origin_version, s.current_version, s.created_at,
                               exists (select 1 from service_version v where v.tenant_id = s.tenant_id and v.service_id = s.id
                                   and v.status <> 'DRAFT') as ever_published,
                               (select v.design ->> 'name' from service_version v where v.tenant_id = s.tenant_id
                                   and v.service_id = s.id order by (v.version = s.current_version) desc nulls last,
                                   v.version desc limit 1) as name
                        from service s
                        where s.origin_tenant_id = ? and s.origin_service_id = ?
                        order by s.created_at""")
                .params(originTenant.value(), originService)
                .query((rs, n) -> new CopyRow(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("id", UUID.class),
                        rs.getString("slug"), rs.getInt("origin_version"), (Integer) rs.getObject("current_version"),
                        rs.getBoolean("ever_published"), rs.getString("name"), instant(rs, "created_at")))
                .list();
    }

    // --- mapping ------------------------------------------------------------------------------------------

    private static ServiceRow serviceRow(ResultSet rs, int n) throws SQLException {
        return new ServiceRow(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("id", UUID.class),
                rs.getObject("agency_id", UUID.class), rs.getString("slug"), rs.getString("kind_code"),
                (Integer) rs.getObject("current_version"), origin(rs), instant(rs, "created_at"), rs.getInt("latest"),
                (Integer) rs.getObject("draft"), rs.getBoolean("ever_published"), rs.getString("name"), rs.getString("name_en"),
                rs.getString("category"));
    }

    private static VersionRow versionRow(ResultSet rs, int n) throws SQLException {
        return new VersionRow(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("service_id", UUID.class),
                rs.getInt("version"), VersionStatus.valueOf(rs.getString("status")), rs.getString("design"),
                rs.getString("change_note"), rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "published_at"), instant(rs, "retired_at"));
    }

    private static Origin origin(ResultSet rs) throws SQLException {
        UUID tenant = rs.getObject("origin_tenant_id", UUID.class);
        return tenant == null ? null
                : new Origin(new TenantId(tenant), rs.getObject("origin_service_id", UUID.class), rs.getInt("origin_version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
