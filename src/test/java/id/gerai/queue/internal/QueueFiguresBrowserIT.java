package id.gerai.queue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.Membership;
import id.gerai.identity.Role;
import id.gerai.performance.PerformanceFigures;
import id.gerai.platform.TenantContext;
import id.gerai.support.Browser;
import id.gerai.support.BrowserTest;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The MPP manager reads the queue over time on a phone: tickets served at a counter appear in the dashboard's
 * "Antrean" section, with the median wait, the tables per service point and agency, and the trend chart drawn from
 * its table; the page passes the accessibility audit.
 */
class QueueFiguresBrowserIT extends BrowserTest {

    @Autowired QueueService queue;
    @Autowired TenancyApi tenancy;
    @Autowired PerformanceFigures figures;
    @Autowired JdbcClient jdbc;

    @Test
    void theManagerSeesTheQueueOverTimeOnTheDashboard() {
        Tenant t = fixtures.newTenant();
        UUID agency = fixtures.newAgency(t, "DUKCAPIL");
        UUID point = tenancy.createServicePoint(t.id(), new TenancyApi.NewServicePoint("MPP", "MPP Peramban",
                ServicePointKind.MPP, "Jl. Uji 4", null, 10));
        GeraiUser manager = new GeraiUser(UUID.randomUUID(), "pengelola@uji.local", "Pengelola", false, Set.of(),
                List.of(new Membership(t.id(), Role.PENGELOLA_MPP, null, null)), true, null);
        Counter counter = queue.createCounter(t.id(), point, new QueueService.CounterInput("A1", "Loket A1", List.of(agency),
                List.of(), true), manager);
        for (int wait : new int[] {3, 6, 11}) {
            Ticket k = queue.issue(t.id(), point, agency, null, "kiosk");
            TenantContext.run(t.id(), () -> jdbc.sql("update queue_ticket set issued_at = ? where tenant_id = ? and id = ?")
                    .params(Timestamp.from(Instant.now().minusSeconds(wait * 60L + 20)), t.id().value(), k.id()).update());
            queue.callNext(t.id(), counter.id(), manager);
            queue.act(t.id(), counter.id(), QueueService.Step.FINISH, manager);
        }
        figures.fold();
        String login = fixtures.staffWithRole(t, Role.PENGELOLA_MPP);

        try (BrowserContext context = browser.auditingPhone(baseUrl())) {
            Page page = context.newPage();
            login(page, login);
            page.navigate("/manage/" + t.slug() + "/performance");
            page.getByLabel("Periode").selectOption("7");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tampilkan")).click();
            page.waitForURL(url -> url.contains("days=7"));
            assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Antrean")).isVisible()).isTrue();
            assertThat(page.locator("#queue-figures").textContent()).contains("Dilayani", "3", "6 menit");
            assertThat(page.locator("#queue-points tbody tr").first().textContent()).contains("MPP Peramban");
            assertThat(page.locator("#queue-agencies tbody tr").first().textContent()).contains("Dinas DUKCAPIL");
            assertThat(page.locator("#queue-trend tbody tr").count()).isEqualTo(1);
            // the trend's chart is drawn above its table
            assertThat(page.locator("#queue .chart-box canvas").count()).isEqualTo(1);
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
        }
    }
}
