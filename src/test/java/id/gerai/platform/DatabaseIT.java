package id.gerai.platform;

import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.Tenant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database is durable and row-level security is a real second wall between tenants. */
@GeraiIntegrationTest
class DatabaseIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;

    @Test
    void embeddedServerIsDurable() {
        assertThat(show("fsync")).isEqualTo("on");
        assertThat(show("synchronous_commit")).isEqualTo("on");
        assertThat(show("full_page_writes")).isEqualTo("on");
    }

    @Test
    void applicationRoleIsBoundByRowLevelSecurity() {
        var role = jdbc.sql("select rolsuper, rolbypassrls from pg_roles where rolname = current_user")
                .query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2))).single();
        assertThat(role).containsExactly(false, false);
        assertThat(jdbc.sql("select relforcerowsecurity from pg_class where relname = 'agency'").query(Boolean.class).single()).isTrue();
    }

    @Test
    void aStatementThatForgetsItsTenantFilterSeesOnlyItsOwnTenant() {
        Tenant a = fixtures.newTenant();
        Tenant b = fixtures.newTenant();
        fixtures.newAgency(a, "DINAS-A");
        fixtures.newAgency(b, "DINAS-B");

        List<String> seenByA = TenantContext.call(a.id(), () -> jdbc.sql("select code from agency").query(String.class).list());
        assertThat(seenByA).containsExactly("DINAS-A");

        List<String> seenWithoutTenant = jdbc.sql("select code from agency").query(String.class).list();
        assertThat(seenWithoutTenant).isEmpty();

        int updatedAcross = TenantContext.call(a.id(), () -> jdbc.sql("update agency set name = 'dibajak' where code = 'DINAS-B'").update());
        assertThat(updatedAcross).isZero();
        List<String> bNames = TenantContext.call(b.id(), () -> jdbc.sql("select name from agency").query(String.class).list());
        assertThat(bNames).doesNotContain("dibajak");
    }

    @Test
    void aStatementCannotWriteIntoAnotherTenant() {
        Tenant a = fixtures.newTenant();
        Tenant b = fixtures.newTenant();
        assertThatThrownBy(() -> TenantContext.run(a.id(), () -> jdbc.sql(
                        "insert into agency (tenant_id, id, code, name, kind) values (:t, :id, 'SUSUP', 'Susupan', 'REGIONAL')")
                .param("t", b.id().value()).param("id", UUID.randomUUID()).update()))
                .rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void aPooledConnectionAlwaysCarriesTheScopeOfItsCurrentLoan() {
        Tenant a = fixtures.newTenant();
        Tenant b = fixtures.newTenant();
        // one thread takes the same pooled connection again and again: the scope it was lent under last must
        // never leak into the next loan, whether the scope changes or stays the same
        for (int i = 0; i < 3; i++) {
            assertThat(TenantContext.call(a.id(), () -> setting("gerai.tenant_id"))).isEqualTo(a.id().toString());
            assertThat(TenantContext.call(a.id(), () -> setting("gerai.tenant_id"))).isEqualTo(a.id().toString());
            assertThat(TenantContext.call(b.id(), () -> setting("gerai.tenant_id"))).isEqualTo(b.id().toString());
            assertThat(setting("gerai.tenant_id")).isEmpty();
            assertThat(setting("gerai.cross_tenant")).isEqualTo("off");
            assertThat(TenantContext.callAcrossTenants(() -> setting("gerai.cross_tenant"))).isEqualTo("on");
            assertThat(TenantContext.call(b.id(), () -> setting("gerai.cross_tenant"))).isEqualTo("off");
        }
    }

    private String setting(String name) {
        return jdbc.sql("select current_setting('" + name + "', true)").query(String.class).single();
    }

    private String show(String setting) {
        return jdbc.sql("show " + setting).query(String.class).single();
    }
}
