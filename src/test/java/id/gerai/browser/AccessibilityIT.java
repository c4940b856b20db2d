package id.gerai.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Page;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.CatalogSamples;
import id.gerai.catalog.ServiceVersion;
import id.gerai.identity.Role;
import id.gerai.support.Browser;
import id.gerai.support.BrowserTest;
import id.gerai.support.Fixtures;
import id.gerai.tenancy.Tenant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages pass axe-core's WCAG 2.1 A/AA rules and start with a working skip link, on a small phone. */
class AccessibilityIT extends BrowserTest {

    @Autowired CatalogApi catalog;

    @Test
    void publicPagesPassInBothLanguages() {
        Tenant tenant = fixtures.newTenant();
        fixtures.newAgency(tenant, "DUKCAPIL");
        try (BrowserContext context = browser.auditingPhone(baseUrl())) {
            Page page = context.newPage();
            for (String lang : List.of("id", "en")) {
                for (String path : List.of("/", "/register", "/login", "/forgot-password", "/regions", "/regions?q=tangerang",
                        "/regions/36.71", "/t/" + tenant.slug(), "/services", "/services?q=akta+lahr", "/t/" + tenant.slug() + "/services")) {
                    page.navigate(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                    assertThat(Browser.accessibilityViolations(page)).as(path + " in " + lang).isEmpty();
                }
            }
            page.navigate("/register?lang=id");
            page.locator("button[type=submit]").click();
            assertThat(Browser.accessibilityViolations(page)).as("register with errors").isEmpty();
        }
    }

    @Test
    void staffPagesPass() {
        Tenant tenant = fixtures.newTenant();
        fixtures.newAgency(tenant, "DUKCAPIL");
        String manager = fixtures.staffWithRole(tenant, Role.PENGELOLA_MPP);
        try (BrowserContext context = browser.auditingPhone(baseUrl())) {
            Page page = context.newPage();
            page.navigate("/login");
            page.locator("#login").fill(manager);
            page.locator("#password").fill(Fixtures.PASSWORD);
            page.locator("button[type=submit]").click();
            for (String path : List.of("/account", "/account/data", "/account/profile", "/account/close", "/manage/" + tenant.slug(), "/manage/" + tenant.slug() + "/audit",
                    "/manage/" + tenant.slug() + "/calendar", "/manage/" + tenant.slug() + "/services", "/manage/" + tenant.slug() + "/designs")) {
                page.navigate(path);
                assertThat(Browser.accessibilityViolations(page)).as(path).isEmpty();
            }
            page.navigate("/account/profile");
            page.locator("#phone").fill("12");
            page.locator("#email").fill("bukan-email");
            page.locator("#profile-form button[type=submit]").click();
            assertThat(page.locator("#profile-form [aria-invalid=true]").count()).isEqualTo(2);
            assertThat(Browser.accessibilityViolations(page)).as("profile page with errors").isEmpty();
            page.navigate("/manage/" + tenant.slug());
            page.locator("#agency-code").fill("bukan kode!");
            page.locator("#agency-code").press("Enter");
            assertThat(Browser.accessibilityViolations(page)).as("manage page with errors").isEmpty();
        }
    }

    @Test
    void aCitizensProfilePagePassesInBothLanguagesAndAfterSaving() {
        String citizen = fixtures.citizen();
        try (BrowserContext context = browser.auditingPhone(baseUrl())) {
            Page page = context.newPage();
            login(page, citizen);
            for (String lang : List.of("id", "en")) {
                page.navigate("/account/profile?lang=" + lang);
                assertThat(page.locator("#profile-nik").count()).as("the masked NIK").isEqualTo(1);
                assertThat(Browser.accessibilityViolations(page)).as("/account/profile in " + lang).isEmpty();
            }
            page.locator("#fullName").fill("Warga Uji Aksesibel");
            page.locator("#profile-form button[type=submit]").click();
            assertThat(page.locator("#profile-saved").count()).isEqualTo(1);
            assertThat(Browser.accessibilityViolations(page)).as("profile page after saving").isEmpty();
        }
    }

    @Test
    void aCitizensCloseAccountPagePassesWithErrorsAndTheConfirmationAfterClosing() {
        String citizen = fixtures.citizen();
        try (BrowserContext context = browser.auditingPhone(baseUrl())) {
            Page page = context.newPage();
            login(page, citizen);
            for (String lang : List.of("id", "en")) {
                page.navigate("/account/close?lang=" + lang);
                assertThat(Browser.accessibilityViolations(page)).as("/account/close in " + lang).isEmpty();
            }
            page.locator("#close-form button[type=submit]").click();
            assertThat(page.locator("#close-form [aria-invalid=true]").count()).isEqualTo(2);
            assertThat(Browser.accessibilityViolations(page)).as("close page with errors").isEmpty();
            page.locator("#currentPassword").fill(Fixtures.PASSWORD);
            page.locator("#confirm").check();
            page.locator("#close-form button[type=submit]").click();
            assertThat(page.locator("#account-closed").count()).isEqualTo(1);
            assertThat(Browser.accessibilityViolations(page)).as("account closed").isEmpty();
        }
    }

    @Test
    void theServiceEditorPasses() {
        Tenant tenant = fixtures.newTenant();
        UUID agency = fixtures.newAgency(tenant, "DUKCAPIL");
        String manager = fixtures.staffWithRole(tenant, Role.PENGELOLA_MPP);
        // a published service with a new draft (fields, documents, steps, output, versions) and an empty draft (its problems listed)
        ServiceVersion v1 = catalog.create(tenant.id(), new CatalogApi.NewService(agency, CatalogSamples.valid(), "awal"));
        catalog.publish(tenant.id(), v1.serviceId(), v1.version());
        catalog.newDraft(tenant.id(), v1.serviceId());
        String full = "/manage/" + tenant.slug() + "/services/" + v1.serviceId();
        try (BrowserContext context = browser.auditingPhone(baseUrl())) {
            Page page = context.newPage();
            login(page, manager);
            page.navigate(full);
            assertThat(page.locator("#field-form").count()).as("the draft's editor").isEqualTo(1);
            for (String lang : List.of("id", "en")) {
                for (String path : List.of(full, full + "/preview")) {
                    page.navigate(path + "?lang=" + lang);
                    assertThat(page.url()).as("not sent elsewhere").contains(path);
                    assertThat(Browser.accessibilityViolations(page)).as(path + " in " + lang).isEmpty();
                }
            }
            page.navigate("/manage/" + tenant.slug() + "/services?lang=id");
            page.locator("#new-name").fill("Surat Keterangan Pindah");
            page.locator("#new-kindCode").fill("SURAT_PINDAH");
            page.locator("#new-name").press("Enter");
            page.waitForURL(url -> url.matches(".*/services/[0-9a-f-]{36}$"));
            assertThat(page.locator("#problems").count()).isEqualTo(1);
            assertThat(Browser.accessibilityViolations(page)).as("an empty draft with its problems").isEmpty();
            // a field refused: the form comes back with its message
            page.locator("#field-labelId").fill("x");
            page.locator("#field-name").fill("Nama Salah");
            page.locator("#field-name").press("Enter");
            // the answer replaces the form: wait for it rather than count the old form's fields (a race on a busy machine)
            page.locator("#field-form [aria-invalid=true]").first().waitFor();
            assertThat(page.locator("#field-form [aria-invalid=true]").count()).isGreaterThan(0);
            assertThat(Browser.accessibilityViolations(page)).as("the editor with a field refused").isEmpty();
        }
    }

    @Test
    void theFirstTabReachesTheSkipLinkWhichMovesFocusToTheMainContent() {
        try (BrowserContext context = browser.phone(baseUrl())) {
            Page page = context.newPage();
            page.navigate("/");
            Keyboard keyboard = page.keyboard();
            keyboard.press("Tab");
            assertThat(page.evaluate("document.activeElement.className")).isEqualTo("skip-link");
            keyboard.press("Enter");
            assertThat(page.evaluate("document.activeElement.id")).isEqualTo("main");
        }
    }
}
