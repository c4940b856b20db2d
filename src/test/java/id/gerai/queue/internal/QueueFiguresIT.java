package id.gerai.queue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.performance.PerformanceFigures;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The queue's figures over time: tickets served and marked no-shows through the queue service publish TicketEnded,
 * the performance module folds them into its queue rollups, and the dashboards and their API show the right median
 * and 90th-percentile wait for a known set of waits, per agency for an agency admin, to nobody of another tenant,
 * and the same again after a rebuild from the queue's own tickets.
 */
@GeraiIntegrationTest
class QueueFiguresIT {

    @Autowired QueueService queue;
    @Autowired TenancyApi tenancy;
    @Autowired Fixtures fixtures;
    @Autowired PerformanceFigures figures;
    @Autowired StaffAccounts staff;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    private static GeraiUser manager(Tenant t) {
        return new GeraiUser(UUID.randomUUID(), "pengelola@uji.local", "Pengelola", false, Set.of(),
                List.of(new Membership(t.id(), Role.PENGELOLA_MPP, null, null)), true, null);
    }

    /**
     * Takes a ticket of {@code agency}, makes it {@code waitMinutes} (and 20 s) old, calls it at {@code counter} and
     * ends it; an appointment's ticket gets a slot two minutes after it was taken, from which its wait counts.
     */
    private void ticket(Tenant t, UUID point, UUID agency, Counter counter, GeraiUser user, int waitMinutes, boolean noShow,
                        boolean appointment) {
        Ticket k = queue.issue(t.id(), point, agency, null, "kiosk");
        Instant slot = Instant.now().minusSeconds(waitMinutes * 60L + 20);
        Instant issued = appointment ? slot.minusSeconds(120) : slot;
        TenantContext.run(t.id(), () -> jdbc.sql("""
                        update queue_ticket set issued_at = ?, appointment_id = ?, slot_at = ? where tenant_id = ? and id = ?""")
                .params(Timestamp.from(issued), appointment ? UUID.randomUUID() : null, appointment ? Timestamp.from(slot) : null,
                        t.id().value(), k.id()).update());
        queue.callNext(t.id(), counter.id(), user);
        queue.act(t.id(), counter.id(), noShow ? QueueService.Step.NO_SHOW : QueueService.Step.FINISH, user);
    }

    private ResultActions api(String url, String login) throws Exception {
        return mvc.perform(get(url).with(httpBasic(login, Fixtures.PASSWORD)));
    }

    private Cookie login(String email) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("GERAI_SESSION");
    }

    private int rows(Tenant scope, String table, Tenant of) {
        return TenantContext.call(scope.id(), () -> jdbc.sql("select count(*) from " + table + " where tenant_id = ?")
                .param(of.id().value()).query(Integer.class).single());
    }

    /** Ended tickets counted so far, folded or not (the scheduled fold may run at any moment). */
    private int counted(Tenant t) {
        return TenantContext.call(t.id(), () -> jdbc.sql("""
                        select (select coalesce(sum(served + no_shows), 0) from perf_queue_delta where tenant_id = :t)
                             + (select coalesce(sum(served + no_shows), 0) from perf_queue_daily where tenant_id = :t)""")
                .param("t", t.id().value()).query(Integer.class).single());
    }

    @Test
    void servedAndNoShowTicketsBecomeFiguresWithTheRightPercentilesForWhoMaySeeThem() throws Exception {
        Tenant t = fixtures.newTenant();
        UUID dukcapil = fixtures.newAgency(t, "DUKCAPIL");
        UUID permits = fixtures.newAgency(t, "DPMPTSP");
        UUID point = tenancy.createServicePoint(t.id(), new TenancyApi.NewServicePoint("MPP", "MPP Angka Uji",
                ServicePointKind.MPP, "Jl. Uji 2", null, 10));
        GeraiUser manager = manager(t);
        Counter a1 = queue.createCounter(t.id(), point, new QueueService.CounterInput("A1", "Loket A1", List.of(dukcapil),
                List.of(), true), manager);
        Counter b1 = queue.createCounter(t.id(), point, new QueueService.CounterInput("B1", "Loket B1", List.of(permits),
                List.of(), true), manager);
        // Dukcapil: served after 2, 4, 7 (an appointment, counted from its slot), 9 and 15 minutes, a no-show after 30
        ticket(t, point, dukcapil, a1, manager, 2, false, false);
        ticket(t, point, dukcapil, a1, manager, 4, false, false);
        ticket(t, point, dukcapil, a1, manager, 7, false, true);
        ticket(t, point, dukcapil, a1, manager, 9, false, false);
        ticket(t, point, dukcapil, a1, manager, 15, false, false);
        ticket(t, point, dukcapil, a1, manager, 30, true, false);
        // permits: served after 40 minutes
        ticket(t, point, permits, b1, manager, 40, false, false);
        // a ticket still waiting has not ended: no figure
        queue.issue(t.id(), point, permits, null, "kiosk");

        // each end wrote its delta in its own transaction; the fold moves them into the rollups
        assertThat(counted(t)).isEqualTo(7);
        figures.fold();
        assertThat(rows(t, "perf_queue_delta", t)).isZero();
        assertThat(rows(t, "perf_queue_daily", t)).isEqualTo(2);

        String url = "/api/tenants/" + t.slug() + "/performance/queue";
        String managerLogin = fixtures.staffWithRole(t, Role.PENGELOLA_MPP);
        assertTenantFigures(api(url, managerLogin));
        api(url + "?days=30&agency=" + dukcapil, managerLogin).andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.served").value(5));
        api(url + "?days=12", managerLogin).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("performance-period-invalid"));

        // the agency admin sees their agency only, whatever the address asks
        String admin = fixtures.staffWithRole(t, Role.ADMIN_INSTANSI, dukcapil, null);
        api(url, admin).andExpect(status().isOk())
                .andExpect(jsonPath("$.agencyId").value(dukcapil.toString()))
                .andExpect(jsonPath("$.figures.served").value(5))
                .andExpect(jsonPath("$.figures.noShows").value(1))
                .andExpect(jsonPath("$.figures.fromAppointments").value(1))
                .andExpect(jsonPath("$.figures.medianWaitMinutes").value(7))
                .andExpect(jsonPath("$.figures.p90WaitMinutes").value(30))
                .andExpect(jsonPath("$.agencies.length()").value(1))
                .andExpect(jsonPath("$.agencies[0].name").value("Dinas DUKCAPIL"));
        api(url + "?agency=" + permits, admin).andExpect(status().isForbidden());
        api(url, fixtures.staffWithRole(t, Role.PETUGAS_LOKET)).andExpect(status().isForbidden());

        // another tenant: its manager is refused ours, its own figures hold none of ours, and its scope sees no row of ours
        Tenant other = fixtures.newTenant();
        String otherManager = fixtures.staffWithRole(other, Role.PENGELOLA_MPP);
        api(url, otherManager).andExpect(status().isForbidden());
        api("/api/tenants/" + other.slug() + "/performance/queue", otherManager).andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.served").value(0))
                .andExpect(jsonPath("$.figures.medianWaitMinutes").doesNotExist());
        assertThat(rows(other, "perf_queue_daily", t)).isZero();
        assertThat(rows(other, "perf_queue_monthly", t)).isZero();

        // the monitor: one line per region, counts and minutes only
        String monitor = "pemantau." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        staff.grantPlatformRole(staff.createStaff(new StaffAccounts.NewStaff(monitor, "Pemantau Uji", null, Fixtures.PASSWORD)),
                Role.PEMANTAU);
        String province = t.regionCode().substring(0, 2);
        api("/api/monitor/performance/queue?months=3&province=" + province, monitor).andExpect(status().isOk())
                .andExpect(jsonPath("$.regions[?(@.tenant == '" + t.slug() + "')].figures.served").value(6))
                .andExpect(jsonPath("$.regions[?(@.tenant == '" + t.slug() + "')].figures.p90WaitMinutes").value(40));
        api("/api/monitor/performance/queue", managerLogin).andExpect(status().isForbidden());
        String monitorPage = mvc.perform(get("/monitor/performance?months=3&province=" + province).cookie(login(monitor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(monitorPage).contains("id=\"queue-regions\"", t.name());

        // the dashboard page shows the section, its tables and the trend the chart is drawn from
        String page = mvc.perform(get("/manage/" + t.slug() + "/performance").cookie(login(managerLogin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"queue-heading\"", "Antrean", "id=\"queue-points\"", "MPP Angka Uji",
                "id=\"queue-agencies\"", "Dinas DPMPTSP", "id=\"queue-trend\"", "9 menit", "90% dipanggil dalam 40 menit");

        // both endpoints are in the OpenAPI document
        mvc.perform(get("/api/openapi")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenant}/performance/queue'].get.description")
                        .value(org.hamcrest.Matchers.containsString("performance-period-invalid")))
                .andExpect(jsonPath("$.paths['/api/monitor/performance/queue'].get.summary").exists());

        // rebuilt from the queue's own tickets: the same figures, and the rebuild audited
        figures.rebuild(t.id());
        assertTenantFigures(api(url, managerLogin));
        assertThat(TenantContext.call(t.id(), () -> jdbc.sql("""
                        select count(*) from audit_record where tenant_id = ? and action in ('queue.ticket.finished',
                            'queue.ticket.no-show', 'performance.rebuilt')""")
                .param(t.id().value()).query(Integer.class).single())).isEqualTo(8);

        // an end that rolls back takes its figure with it; the same end committed leaves one
        queue.callNext(t.id(), b1.id(), manager);
        TenantContext.run(t.id(), () -> tx.executeWithoutResult(status -> {
            queue.act(t.id(), b1.id(), QueueService.Step.FINISH, manager);
            status.setRollbackOnly();
        }));
        assertThat(counted(t)).isEqualTo(7);
        queue.act(t.id(), b1.id(), QueueService.Step.FINISH, manager);
        assertThat(counted(t)).isEqualTo(8);
    }

    /** The whole tenant: waits 2, 4, 7, 9, 15, 30 and 40 minutes: median (4th) 9, p90 (7th) 40. */
    private static void assertTenantFigures(ResultActions r) throws Exception {
        r.andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.served").value(6))
                .andExpect(jsonPath("$.figures.noShows").value(1))
                .andExpect(jsonPath("$.figures.fromAppointments").value(1))
                .andExpect(jsonPath("$.figures.medianWaitMinutes").value(9))
                .andExpect(jsonPath("$.figures.p90WaitMinutes").value(40))
                .andExpect(jsonPath("$.figures.noShowRate").value(100.0 / 7))
                .andExpect(jsonPath("$.servicePoints.length()").value(1))
                .andExpect(jsonPath("$.servicePoints[0].name").value("MPP Angka Uji"))
                .andExpect(jsonPath("$.agencies.length()").value(2))
                .andExpect(jsonPath("$.agencies[0].figures.served").value(5))
                .andExpect(jsonPath("$.trend.length()").value(1))
                .andExpect(jsonPath("$.trend[0].figures.served").value(6));
    }
}
