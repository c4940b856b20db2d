package id.gerai.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.gerai.catalog.StandardComponent;
import id.gerai.identity.Role;
import id.gerai.support.Browser;
import id.gerai.support.BrowserTest;
import id.gerai.support.Fixtures;
import id.gerai.tenancy.Tenant;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin builds a new service in the no-code editor (three fields, two required documents, a two-step
 * procedure), publishes it, and a citizen finds it with a misspelt search — in Chromium, on a phone.
 */
class CatalogEditorBrowserIT extends BrowserTest {

    @Test
    void adminBuildsAndPublishesAServiceThatACitizenFindsDespiteATypo() {
        Tenant tenant = fixtures.newTenant();
        fixtures.newAgency(tenant, "DISNAKER");
        String admin = fixtures.staffWithRole(tenant, Role.PENGELOLA_MPP);
        try (BrowserContext context = browser.auditingPhone(baseUrl())) {
            Page page = context.newPage();
            page.navigate("/login");
            page.getByLabel("E-mail atau NIK").fill(admin);
            page.getByLabel("Kata sandi").fill(Fixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Masuk")).click();

            page.navigate("/manage/" + tenant.slug() + "/services");
            page.locator("#new-name").fill("Kartu Pencari Kerja");
            page.locator("#new-kindCode").fill("KARTU_KUNING");
            page.locator("#new-category").selectOption("KETENAGAKERJAAN");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buat draf")).click();
            assertThat(page.locator("h1")).hasText("Desain layanan: Kartu Pencari Kerja");
            assertThat(page.locator("#problems")).isVisible();

            page.locator("#g-summary").fill("Kartu AK/1 bagi pencari kerja untuk melamar pekerjaan.");
            page.locator("#g-timeLimitDays").fill("3");
            page.locator("#le-PEKERJAAN").check();
            page.locator("#g-general-submit, #general + form button[type=submit]").first().click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Informasi umum tersimpan");

            for (StandardComponent c : StandardComponent.values()) {
                page.locator("#std-" + c.name()).fill("Uraian " + c.name().toLowerCase().replace('_', ' '));
            }
            page.locator("#standard + form button[type=submit]").click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Standar pelayanan tersimpan");

            addField(page, "Nama lengkap", "namaLengkap", "TEXT", null);
            addField(page, "NIK", "nik", "NIK", null);
            addField(page, "Pendidikan terakhir", "pendidikan", "SELECT", "SMA|SMA/SMK|High school\nS1|Sarjana|Bachelor");
            assertThat(page.locator("#field-list tbody tr")).hasCount(3);

            addDocument(page, "KTP", "KTP-el");
            addDocument(page, "IJAZAH", "Ijazah terakhir");
            assertThat(page.locator("#document-list tbody tr")).hasCount(2);

            addStep(page, "VERIFIKASI", "Verifikasi berkas", "PETUGAS_INSTANSI", "1", false);
            addStep(page, "PENERBITAN", "Penerbitan kartu", "ADMIN_INSTANSI", "2", true);
            assertThat(page.locator("#step-list tbody tr")).hasCount(2);

            page.locator("#output-title").fill("Kartu Tanda Bukti Pendaftaran Pencari Kerja (AK/1)");
            page.locator("#output-template").fill("Nama: {{namaLengkap}}, NIK: {{nik}}, pendidikan: {{pendidikan}}.");
            page.locator("#output + form button[type=submit]").click();

            page.navigate(page.url().replaceAll("#.*$", "") + "/preview");
            assertThat(page.getByLabel("Pendidikan terakhir *")).isVisible();
            assertThat(Browser.accessibilityViolations(page)).as("preview").isEmpty();
            page.goBack();

            assertThat(page.getByText("Desain ini lengkap dan siap diterbitkan.")).isVisible();
            assertThat(Browser.accessibilityViolations(page)).as("editor").isEmpty();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Terbitkan")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Layanan diterbitkan");
        }

        try (BrowserContext citizen = browser.phone(baseUrl())) {
            Page page = citizen.newPage();
            page.navigate("/services?q=" + java.net.URLEncoder.encode("kartu pencri kerja", java.nio.charset.StandardCharsets.UTF_8));
            Locator result = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kartu Pencari Kerja")).first();
            assertThat(result).isVisible();
            result.click();
            assertThat(page.locator("h1")).containsText("Kartu Pencari Kerja");
            assertThat(page.locator("main")).containsText("Ijazah terakhir");
            assertThat(page.locator("main")).containsText("Penerbitan kartu");
            assertThat(page.evaluate("document.documentElement.scrollWidth > window.innerWidth")).isEqualTo(false);
        }
    }

    private static void addField(Page page, String label, String name, String widget, String options) {
        page.locator("#field-labelId").fill(label);
        page.locator("#field-name").fill(name);
        page.locator("#field-widget").selectOption(widget);
        page.locator("#field-required").check();
        if (options != null) {
            page.locator("#field-options").fill(options);
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan isian")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Formulir tersimpan");
    }

    private static void addDocument(Page page, String code, String name) {
        page.locator("#doc-code").fill(code);
        page.locator("#doc-name").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan dokumen")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Dokumen persyaratan tersimpan");
    }

    private static void addStep(Page page, String code, String name, String role, String days, boolean decides) {
        page.locator("#step-code").fill(code);
        page.locator("#step-name").fill(name);
        page.locator("#step-role").selectOption(role);
        page.locator("#step-days").fill(days);
        if (decides) {
            page.locator("#step-final").check();
        } else {
            page.locator("#step-final").uncheck();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan langkah")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Prosedur tersimpan");
    }
}
