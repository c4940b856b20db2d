package id.gerai.performance;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.gerai.application.Applications;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceSummary;
import id.gerai.identity.CitizenAccounts;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.support.Browser;
import id.gerai.support.BrowserTest;
import id.gerai.support.Fixtures;
import id.gerai.survey.SurveyAnswered;
import id.gerai.tenancy.Tenant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmarking to the best practice, in Chromium: the monitor opens the benchmark for a kind of service, sees the
 * tenants ranked, opens the best tenant's service design; an agency admin of a third tenant follows the benchmark
 * into the catalogue's replication and copies that design into their own agency.
 */
class BenchmarkBrowserIT extends BrowserTest {

    @Autowired CatalogApi catalog;
    @Autowired CitizenAccounts citizens;
    @Autowired Applications applications;
    @Autowired StaffAccounts staff;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired ApplicationEventPublisher events;
    @Autowired PerformanceFigures figures;


    private void survey(PerformanceSamples.Setup s, int score, int n) {
        TenantId t = s.tenant().id();
        TenantContext.run(t, () -> tx.executeWithoutResult(x -> {
            for (int i = 0; i < n; i++) {
                events.publishEvent(new SurveyAnswered(t, UUID.randomUUID(), s.service().serviceId(), s.agency(), null,
                        LocalDate.now(ZoneId.of("Asia/Jakarta")), Collections.nCopies(9, score)));
            }
        }));
    }

    @Test
    void theMonitorFindsTheBestPracticeAndAnAdminCopiesItsDesign() {
        String kind = "AKTA_BR_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replaceAll("[^A-Z]", "X");
        PerformanceSamples apps = new PerformanceSamples(applications, jdbc);
        PerformanceSamples.Setup best = PerformanceSamples.setup(fixtures, catalog, citizens, kind, "Akta Teladan");
        PerformanceSamples.Setup weaker = PerformanceSamples.setup(fixtures, catalog, citizens, kind, "Akta Biasa");
        apps.completed(best);
        apps.completed(weaker);
        survey(best, 4, 3);
        survey(weaker, 2, 3);
        figures.fold();

        Tenant mine = fixtures.newTenant();
        UUID myAgency = fixtures.newAgency(mine, "DUKCAPIL");
        String admin = fixtures.staffWithRole(mine, Role.ADMIN_INSTANSI, myAgency, null);
        String monitor = "pemantau." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        staff.grantPlatformRole(staff.createStaff(new StaffAccounts.NewStaff(monitor, "Pemantau", null, Fixtures.PASSWORD)),
                Role.PEMANTAU);

        try (BrowserContext context = browser.auditingPhone(baseUrl())) {
            Page page = context.newPage();
            login(page, monitor);
            page.navigate("/monitor/benchmark");
            page.getByLabel("Jenis layanan").selectOption(kind);
            page.getByLabel("Indikator").selectOption("ikm");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Urutkan")).click();
            page.waitForURL(url -> url.contains("kind=" + kind));
            Locator rows = page.locator("#ranking tbody tr");
            assertThat(rows.count()).isEqualTo(2);
            assertThat(rows.nth(0).textContent()).contains(best.tenant().name());
            assertThat(rows.nth(1).textContent()).contains(weaker.tenant().name());
            assertThat(page.locator("#best").textContent()).contains(best.tenant().name());
            assertThat(page.locator("canvas").count()).isPositive(); // the chart drawn from the table
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
            page.locator("#best-design").click();
            page.waitForURL(url -> url.contains("/t/" + best.tenant().slug() + "/services/"));
            assertThat(page.locator("h1").textContent()).contains("Akta Teladan");
        }

        try (BrowserContext context = browser.phone(baseUrl())) {
            Page page = context.newPage();
            login(page, admin);
            page.navigate("/manage/" + mine.slug() + "/benchmark?indicator=ikm&kind=" + kind);
            assertThat(page.locator("#best").textContent()).contains(best.tenant().name());
            page.locator("#copy-design").click();
            page.waitForURL(url -> url.contains("/manage/" + mine.slug() + "/designs"));
            page.locator("li.card").filter(new Locator.FilterOptions().setHasText(best.tenant().name()))
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Tiru ke instansi saya")).click();
            page.waitForURL(url -> url.contains("/manage/" + mine.slug() + "/services/"));
            assertThat(page.content()).contains("Desain ditiru ke instansi Anda");
        }
        List<ServiceSummary> copies = catalog.services(mine.id());
        assertThat(copies).hasSize(1);
        assertThat(copies.getFirst().origin().tenant()).isEqualTo(best.tenant().id());
        assertThat(copies.getFirst().agencyId()).isEqualTo(myAgency);
    }
}
