package id.gerai.replication;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.gerai.application.ApplicationSamples;
import id.gerai.calendar.WorkingCalendar;
import id.gerai.catalog.CatalogApi;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.support.Browser;
import id.gerai.support.BrowserTest;
import id.gerai.tenancy.Tenant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The main journey in Chromium on a phone screen: a region's MPP manager asks another region for a study visit and
 * picks one of its published designs, the host's manager accepts it for today, the visitor marks it held with what
 * they learned and turns it into an action plan with a first item. The request form and the plan pass axe-core.
 */
class StudyVisitBrowserIT extends BrowserTest {

    @Autowired CatalogApi catalog;
    @Autowired WorkingCalendar calendar;
    @Autowired StaffAccounts staff;

    @Test
    void aManagerAsksAHostAcceptsAndTheVisitBecomesAnActionPlan() {
        Tenant visitor = fixtures.newTenant();
        Tenant host = fixtures.newTenant();
        UUID hostAgency = fixtures.newAgency(host, "DUKCAPIL");
        String designName = ApplicationSamples.publish(catalog, host, hostAgency).design().name();
        fixtures.newAgency(visitor, "DUKCAPIL");
        String visitorManager = fixtures.staffWithRole(visitor, Role.PENGELOLA_MPP);
        String hostManager = fixtures.staffWithRole(host, Role.PENGELOLA_MPP);
        LocalDate today = LocalDate.now(calendar.zone(host.id()));
        String visitUrl;

        try (BrowserContext context = browser.auditingPhone(baseUrl())) {
            Page page = context.newPage();
            login(page, visitorManager);
            page.navigate("/manage/" + visitor.slug() + "/study-visits");
            page.locator("#new-visit").click();
            page.locator("#host-pick").selectOption(host.slug());
            // htmx brings the form in; without JavaScript the button does
            page.locator("#visit-form").waitFor();
            page.getByLabel(designName).check();
            page.locator("#topic").fill("Akta kelahiran dari kantor desa");
            page.locator("#proposedFrom").fill(today.plusDays(10).toString());
            page.locator("#proposedTo").fill(today.plusDays(11).toString());
            page.locator("#participants").fill("7");
            page.locator("#contactName").fill("Dewi Narahubung");
            page.locator("#contactEmail").fill("dewi@contoh.go.id");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
            page.locator("#send-request").click();
            page.waitForURL(url -> url.matches(".*/study-visits/[0-9a-f-]{36}$"));
            visitUrl = page.url().substring(page.url().indexOf("/study-visits/"));
            assertThat(page.locator("#visit-status").textContent()).isEqualTo("Diajukan");
            assertThat(page.locator("[role=status]").textContent()).contains("Permintaan studi tiru terkirim");
        }

        try (BrowserContext context = browser.phone(baseUrl())) {
            Page page = context.newPage();
            login(page, hostManager);
            page.navigate("/manage/" + host.slug() + "/study-visits");
            page.locator("#incoming").getByRole(AriaRole.LINK,
                    new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Akta kelahiran dari kantor desa")).click();
            page.locator("#confirmedDate").fill(today.toString());
            page.locator("#accept").click();
            page.waitForURL(url -> url.endsWith(visitUrl));
            assertThat(page.locator("#visit-status").textContent()).isEqualTo("Diterima");
        }

        try (BrowserContext context = browser.auditingPhone(baseUrl())) {
            Page page = context.newPage();
            login(page, visitorManager);
            page.navigate("/manage/" + visitor.slug() + visitUrl);
            page.locator("#learnings-input").fill("Petugas desa memindai berkas dan Dukcapil memverifikasi dari jauh.");
            page.locator("#mark-held").click();
            page.waitForURL(url -> url.endsWith(visitUrl));
            assertThat(page.locator("#visit-status").textContent()).isEqualTo("Terlaksana");
            page.locator("#make-plan").click();
            page.locator("#title").fill("Adminduk di kelurahan");
            page.locator("#create-plan").click();
            page.waitForURL(url -> url.matches(".*/action-plans/[0-9a-f-]{36}$"));
            assertThat(page.locator("#source-label").textContent()).contains(host.name()).contains("Akta kelahiran dari kantor desa");
            page.locator("#item-what").fill("Pemindaian berkas di 5 kelurahan");
            page.locator("#item-agencyId").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
            page.locator("#item-responsible").fill("Kepala Bidang Pelayanan");
            page.locator("#item-targetDate").fill(today.plusDays(30).toString());
            page.locator("#add-item").click();
            page.waitForURL(url -> url.matches(".*/action-plans/[0-9a-f-]{36}$"));
            assertThat(page.locator("article.card h3").textContent()).isEqualTo("Pemindaian berkas di 5 kelurahan");
            assertThat(page.locator("#plan-progress").textContent()).contains("0 dari 1");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
        }

        // the monitor finds the visit held, with no person named, on a page that passes axe-core too
        String monitor = "pemantau." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        staff.grantPlatformRole(staff.createStaff(new StaffAccounts.NewStaff(monitor, "Pemantau", null,
                id.gerai.support.Fixtures.PASSWORD)), Role.PEMANTAU);
        try (BrowserContext context = browser.auditingPhone(baseUrl())) {
            Page page = context.newPage();
            login(page, monitor);
            page.navigate("/monitor/replication");
            assertThat(page.locator("#monitor-held").textContent()).contains(visitor.name(), host.name(),
                    "Akta kelahiran dari kantor desa");
            assertThat(page.content()).doesNotContain("Dewi Narahubung", "Kepala Bidang Pelayanan");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
        }
    }
}
