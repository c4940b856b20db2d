package id.gerai.tenancy.internal;

import id.gerai.platform.TenantId;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.AgencyKind;
import id.gerai.tenancy.ServicePoint;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.Tenant;
import id.gerai.tenancy.TenantKind;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tenant rows name tenant_id in every statement; RLS (second wall) is applied by the connection's scope. */
@Repository
class TenancyRepository {

    private final JdbcClient jdbc;

    TenancyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Tenant> tenants() {
        return jdbc.sql("select id, region_code, slug, name, kind from tenant order by name").query(this::tenant).list();
    }

    Optional<Tenant> tenantBySlug(String slug) {
        return jdbc.sql("select id, region_code, slug, name, kind from tenant where slug = :s").param("s", slug).query(this::tenant).optional();
    }

    Optional<Tenant> tenantById(TenantId id) {
        return jdbc.sql("select id, region_code, slug, name, kind from tenant where id = :id").param("id", id.value()).query(this::tenant).optional();
    }

    boolean regionTaken(String regionCode) {
        return jdbc.sql("select exists(select 1 from tenant where region_code = :c)").param("c", regionCode).query(Boolean.class).single();
    }

    boolean slugTaken(String slug) {
        return jdbc.sql("select exists(select 1 from tenant where slug = :s)").param("s", slug).query(Boolean.class).single();
    }

    void insertTenant(Tenant t) {
        jdbc.sql("insert into tenant (id, region_code, slug, name, kind) values (:id, :code, :slug, :name, :kind)")
                .param("id", t.id().value()).param("code", t.regionCode()).param("slug", t.slug())
                .param("name", t.name()).param("kind", t.kind().name()).update();
    }

    List<Agency> agencies(TenantId tenant) {
        return jdbc.sql("select tenant_id, id, code, name, kind, description from agency where tenant_id = :t order by kind, name")
                .param("t", tenant.value())
                .query((rs, n) -> new Agency(new TenantId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), AgencyKind.valueOf(rs.getString(5)), rs.getString(6)))
                .list();
    }

    boolean agencyCodeTaken(TenantId tenant, String code) {
        return jdbc.sql("select exists(select 1 from agency where tenant_id = :t and code = :c)")
                .param("t", tenant.value()).param("c", code).query(Boolean.class).single();
    }

    void insertAgency(Agency a) {
        jdbc.sql("insert into agency (tenant_id, id, code, name, kind, description) values (:t, :id, :code, :name, :kind, :d)")
                .param("t", a.tenant().value()).param("id", a.id()).param("code", a.code()).param("name", a.name())
                .param("kind", a.kind().name()).param("d", a.description()).update();
    }

    List<ServicePoint> servicePoints(TenantId tenant) {
        return jdbc.sql("""
                        select tenant_id, id, code, name, kind, address, village_code, counters
                        from service_point where tenant_id = :t order by kind, name
                        """)
                .param("t", tenant.value())
                .query((rs, n) -> new ServicePoint(new TenantId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), ServicePointKind.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getString(7), rs.getInt(8)))
                .list();
    }

    boolean servicePointCodeTaken(TenantId tenant, String code) {
        return jdbc.sql("select exists(select 1 from service_point where tenant_id = :t and code = :c)")
                .param("t", tenant.value()).param("c", code).query(Boolean.class).single();
    }

    void insertServicePoint(ServicePoint p) {
        jdbc.sql("""
                insert into service_point (tenant_id, id, code, name, kind, address, village_code, counters)
                values (:t, :id, :code, :name, :kind, :address, :village, :counters)
                """)
                .param("t", p.tenant().value()).param("id", p.id()).param("code", p.code()).param("name", p.name())
                .param("kind", p.kind().name()).param("address", p.address()).param("village", p.villageCode())
                .param("counters", p.counters()).update();
    }

    private Tenant tenant(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Tenant(new TenantId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3), rs.getString(4),
                TenantKind.valueOf(rs.getString(5)));
    }
}
