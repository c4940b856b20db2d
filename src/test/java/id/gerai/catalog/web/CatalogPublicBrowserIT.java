package id.gerai.catalog.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.gerai.support.Browser;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** A citizen on a 360-pixel phone finds a service despite a typo, with and without JavaScript. */
@GeraiIntegrationTest
@Import(CatalogTestData.class)
class CatalogPublicBrowserIT {

    static Browser browser;

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired CatalogTestData data;
    @Autowired TenancyApi tenancy;

    @BeforeAll
    static void start() {
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private Tenant regionWithServices() {
        Tenant tenant = fixtures.newTenant();
        UUID dukcapil = fixtures.newAgency(tenant, "DUKCAPIL");
        UUID dpmptsp = fixtures.newAgency(tenant, "DPMPTSP");
        tenancy.createServicePoint(tenant.id(), new TenancyApi.NewServicePoint("MPP", "Mal Pelayanan Publik " + tenant.name(),
                ServicePointKind.MPP, "Jl. Jenderal Sudirman No. 10, " + tenant.name(), null, 24));
        for (String kind : new String[]{"AKTA_KELAHIRAN", "AKTA_KEMATIAN", "KK_BARU", "KTP_EL_BARU", "SKCK"}) {
            data.publish(tenant, dukcapil, SampleServices.byKind(kind).slug(), SampleServices.byKind(kind).design());
        }
        data.publish(tenant, dpmptsp, "izin-reklame", SampleServices.byKind("IZIN_REKLAME").design());
        return tenant;
    }

    private static boolean scrollsSideways(Page page) {
        return (Boolean) page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
    }

    @Test
    void aCitizenSearchesWithATypoWhileTypingAndOpensTheService() {
        Tenant tenant = regionWithServices();
        try (BrowserContext context = browser.phone("http://localhost:" + port)) {
            Page page = context.newPage();
            page.navigate("/t/" + tenant.slug() + "/services");
            assertThat(page.locator("h1")).hasText("Layanan " + tenant.name());
            assertThat(scrollsSideways(page)).isFalse();

            // htmx updates the results while typing: no button pressed
            page.getByLabel("Cari layanan").pressSequentially("akta kelahran", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(20));
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("ditemukan");
            assertThat(page.locator("#catalog-results")).containsText("Menampilkan hasil untuk \u201cakta kelahiran\u201d");
            assertThat(page.locator("#catalog-results h3").first()).hasText("Akta Kelahiran");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*q=akta(\\+|%20)kelahran.*"));
            assertThat(scrollsSideways(page)).isFalse();

            page.locator("#catalog-results h3 a").first().click();
            assertThat(page.locator("h1")).hasText("Akta Kelahiran");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Persyaratan"))).isVisible();
            assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Dokumen yang perlu diunggah"))).isVisible();
            assertThat(page.locator("main")).containsText("Jl. Jenderal Sudirman No. 10");
            assertThat(page.locator("main")).containsText("Dengan ini, kami menyatakan sanggup");
            assertThat(scrollsSideways(page)).isFalse();
        }
    }

    @Test
    void theCatalogueWorksWithoutJavaScript() {
        Tenant tenant = regionWithServices();
        try (BrowserContext context = browser.phone("http://localhost:" + port)) {
            // htmx is the pages' only script: without it they must work as plain HTML forms and links
            context.route("**/webjars/**", route -> route.abort());
            Page page = context.newPage();
            page.navigate("/");
            page.getByLabel("Layanan apa yang Anda perlukan?").fill("izin rekalme");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cari layanan")).click();
            assertThat(page.locator("h1")).hasText("Katalog layanan publik");
            assertThat(scrollsSideways(page)).isFalse();

            page.getByLabel("Daerah", new Page.GetByLabelOptions().setExact(true)).selectOption(tenant.slug());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cari").setExact(true)).click();
            assertThat(page.locator("#catalog-results h3").first()).hasText("Izin Penyelenggaraan Reklame");
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("ditemukan");
            assertThat(scrollsSideways(page)).isFalse();

            page.locator("#catalog-results h3 a").first().click();
            assertThat(page.locator("h1")).hasText("Izin Penyelenggaraan Reklame");
            assertThat(scrollsSideways(page)).isFalse();
        }
    }
}
