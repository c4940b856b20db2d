package id.gerai.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.identity.Role;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.Tenant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo complaints of a tenant: every state, some overdue, closed automatically by the watch. */
@GeraiIntegrationTest
class DemoComplaintsIT {

    @Autowired Fixtures fixtures;
    @Autowired DemoComplaints demo;
    @Autowired ComplaintWatch watch;
    @Autowired JdbcClient jdbc;

    @Test
    void everyStateIsThereAndSomeAreOverdue() {
        Tenant t = fixtures.newTenant();
        UUID agency = fixtures.newAgency(t, "DUKCAPIL");
        fixtures.staffWithRole(t, Role.PENGELOLA_MPP);
        fixtures.staffWithRole(t, Role.PETUGAS_INSTANSI, agency, null);
        assertThat(demo.load(t)).isEqualTo(12);
        watch.runNow();
        List<String> statuses = TenantContext.call(t.id(), () -> jdbc.sql(
                "select distinct status from complaint where tenant_id = ?").param(t.id().value()).query(String.class).list());
        assertThat(statuses).contains("RECEIVED", "VERIFIED", "POSTPONED", "FORWARDED", "ANSWERED", "CLOSED",
                "NOT_OUR_AUTHORITY", "ARCHIVED");
        int escalated = TenantContext.call(t.id(), () -> jdbc.sql(
                "select count(*) from complaint where tenant_id = ? and escalated_at is not null").param(t.id().value())
                .query(Integer.class).single());
        assertThat(escalated).as("overdue verification and follow-up").isGreaterThanOrEqualTo(2);
        int autoClosed = TenantContext.call(t.id(), () -> jdbc.sql(
                "select count(*) from complaint where tenant_id = ? and closed_by = 'SYSTEM'").param(t.id().value())
                .query(Integer.class).single());
        assertThat(autoClosed).isEqualTo(1);
    }
}
