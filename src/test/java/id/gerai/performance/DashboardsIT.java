package id.gerai.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.gerai.application.Application;
import id.gerai.application.Applications;
import id.gerai.catalog.CatalogApi;
import id.gerai.identity.CitizenAccounts;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Who sees which dashboard: the MPP manager their tenant, an agency admin only their agency, the monitor every tenant. */
@GeraiIntegrationTest
class DashboardsIT {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CatalogApi catalog;
    @Autowired CitizenAccounts citizens;
    @Autowired Applications applications;
    @Autowired StaffAccounts staff;
    @Autowired JdbcClient jdbc;
    @Autowired PerformanceFigures figures;

    private Cookie login(String email) throws Exception {
        var result = mvc.perform(post("/login").with(csrf()).param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn();
        return result.getResponse().getCookie("GERAI_SESSION");
    }

    private String page(String url, Cookie session, int expected) throws Exception {
        return mvc.perform(get(url).cookie(session)).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void eachRoleSeesWhatItMayAndNoPersonalData() throws Exception {
        Tenant t = fixtures.newTenant();
        UUID dukcapil = fixtures.newAgency(t, "DUKCAPIL");
        UUID dinkes = fixtures.newAgency(t, "DINKES");
        PerformanceSamples.Setup a = PerformanceSamples.setup(fixtures, catalog, citizens, t, dukcapil, "AKTA_DASH", "Akta Dasbor");
        PerformanceSamples.Setup b = PerformanceSamples.setup(fixtures, catalog, citizens, t, dinkes, "IZIN_DASH", "Izin Praktik Dasbor");
        PerformanceSamples apps = new PerformanceSamples(applications, jdbc);
        Application done = apps.completed(a);
        apps.submitted(a);
        apps.completed(b);
        figures.fold();
        String base = "/manage/" + t.slug() + "/performance";

        Cookie manager = login(fixtures.staffWithRole(t, Role.PENGELOLA_MPP));
        String all = page(base, manager, 200);
        assertThat(all).contains("Akta Dasbor", "Izin Praktik Dasbor", "data-chart=\"line\"", "<caption");
        assertThat(page(base + "?agency=" + dinkes + "&days=90", manager, 200)).contains("Izin Praktik Dasbor").doesNotContain("Akta Dasbor");
        // an address edited by hand is answered with a friendly page, not a server error
        assertThat(page(base + "?agency=bukan-uuid", manager, 400)).contains("Permintaan tidak dapat diproses");


        Cookie agencyAdmin = login(fixtures.staffWithRole(t, Role.ADMIN_INSTANSI, dukcapil, null));
        String own = page(base, agencyAdmin, 200);
        assertThat(own).contains("Akta Dasbor").doesNotContain("Izin Praktik Dasbor");
        page(base + "?agency=" + dinkes, agencyAdmin, 403);

        Tenant other = fixtures.newTenant();
        Cookie otherManager = login(fixtures.staffWithRole(other, Role.PENGELOLA_MPP));
        page(base, otherManager, 403);
        Cookie officer = login(fixtures.staffWithRole(t, Role.PETUGAS_INSTANSI, dukcapil, null));
        page(base, officer, 403);

        String email = "pemantau." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        UUID id = staff.createStaff(new StaffAccounts.NewStaff(email, "Pemantau Uji", null, Fixtures.PASSWORD));
        staff.grantPlatformRole(id, Role.PEMANTAU);
        Cookie monitor = login(email);
        assertThat(page("/monitor/benchmark?months=banyak", monitor, 400)).contains("Permintaan tidak dapat diproses");
        // the monitor finds the pages from their account page; a manager finds theirs from the tenant's page
        assertThat(page("/account", monitor, 200)).contains("href=\"/monitor/performance\"", "href=\"/monitor/benchmark\"", "Pemantau");
        assertThat(page("/manage/" + t.slug(), manager, 200)).contains("href=\"" + base + "\"")
                .doesNotContain("href=\"/monitor/performance\"");
        String monitorPage = page("/monitor/performance", monitor, 200);
        assertThat(monitorPage).contains(t.name());
        String ranking = page("/monitor/benchmark?kind=AKTA_DASH&indicator=median", monitor, 200);
        assertThat(ranking).contains(t.name(), "id=\"best\"", "/t/" + t.slug() + "/services/");
        for (String body : new String[] {monitorPage, ranking, all, own}) {
            assertThat(body).doesNotContain(done.applicantNik(), done.applicantName(), a.citizen().email());
        }
        // the monitor pages are the monitor's: a tenant's manager is refused
        page("/monitor/performance", manager, 403);
        // staff of any tenant reach the benchmark through their own tenant, with the copy link into their designs
        assertThat(page("/manage/" + other.slug() + "/benchmark?kind=AKTA_DASH", otherManager, 200))
                .contains("/manage/" + other.slug() + "/designs?kind=AKTA_DASH");
        page("/manage/" + t.slug() + "/benchmark", otherManager, 403);
    }
}
