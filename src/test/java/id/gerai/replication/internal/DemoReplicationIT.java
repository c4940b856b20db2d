package id.gerai.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.application.ApplicationSamples;
import id.gerai.catalog.CatalogApi;
import id.gerai.identity.Role;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.Tenant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo's visits and plan, made on fresh tenants: a held visit weeks ago, pending requests, items in every state. */
@GeraiIntegrationTest
class DemoReplicationIT {

    @Autowired Fixtures fixtures;
    @Autowired DemoReplication demo;
    @Autowired CatalogApi catalog;
    @Autowired JdbcClient jdbc;

    @Test
    void aHeldVisitPendingRequestsAndAPlanInEveryState() {
        Tenant visitor = fixtures.newTenant();
        Tenant host = fixtures.newTenant();
        Tenant third = fixtures.newTenant();
        fixtures.newAgency(visitor, "DUKCAPIL");
        fixtures.newAgency(visitor, "DPMPTSP");
        ApplicationSamples.publish(catalog, host, fixtures.newAgency(host, "DUKCAPIL"));
        for (Tenant t : List.of(visitor, host, third)) {
            fixtures.staffWithRole(t, Role.PENGELOLA_MPP);
        }
        assertThat(demo.load(visitor, host, Optional.of(third))).isTrue();

        List<String> hosted = TenantContext.call(host.id(), () -> jdbc.sql(
                        "select status from study_visit where host_tenant_id = ? order by status")
                .params(host.id().value()).query(String.class).list());
        assertThat(hosted).containsExactly("HELD", "REQUESTED");
        LocalDate held = TenantContext.call(visitor.id(), () -> jdbc.sql(
                        "select confirmed_date from study_visit where tenant_id = ? and status = 'HELD'")
                .params(visitor.id().value()).query(LocalDate.class).single());
        assertThat(held).isBefore(LocalDate.now().minusDays(30));
        List<String> items = TenantContext.call(visitor.id(), () -> jdbc.sql(
                        "select status from action_plan_item where tenant_id = ?")
                .params(visitor.id().value()).query(String.class).list());
        assertThat(items).contains("DONE", "IN_PROGRESS", "PLANNED", "DROPPED");
        int overdue = TenantContext.call(visitor.id(), () -> jdbc.sql("""
                        select count(*) from action_plan_item where tenant_id = ? and status in ('PLANNED', 'IN_PROGRESS')
                        and target_date < current_date""").params(visitor.id().value()).query(Integer.class).single());
        assertThat(overdue).isEqualTo(1);
    }
}
