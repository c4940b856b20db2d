package id.gerai.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import id.gerai.identity.Role;
import id.gerai.support.Browser;
import id.gerai.support.BrowserTest;
import id.gerai.support.Fixtures;
import id.gerai.tenancy.Tenant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** What a person does on the pages, in a real Chromium on a 360-pixel-wide screen. */
class FoundationBrowserIT extends BrowserTest {

    @Test
    void citizenRegistersLogsInSwitchesLanguageAndLogsOut() {
        try (BrowserContext context = browser.phone(baseUrl())) {
            Page page = context.newPage();
            page.navigate("/");
            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Daftar").setExact(true)).click();
            assertThat(page.locator("h1")).hasText("Daftar akun warga");

            // a mistake first: the page explains it next to the field and keeps what was typed
            String email = "siti." + UUID.randomUUID().toString().substring(0, 6) + "@contoh.id";
            page.getByLabel("Nama lengkap (sesuai KTP)").fill("Siti Aminah");
            page.getByLabel("NIK").fill("1234");
            page.getByLabel("Alamat e-mail").fill(email);
            page.getByLabel("Nomor ponsel").fill("081298765432");
            page.getByLabel("Kata sandi", new Page.GetByLabelOptions().setExact(true)).fill("KataSandiKuat1");
            page.getByLabel("Ulangi kata sandi").fill("KataSandiKuat1");
            page.getByLabel("Saya sudah membaca dan menyetujui pemberitahuan privasi.").check();
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buat akun")).click();
            assertThat(page.locator("#nik-error")).hasText("NIK harus terdiri dari 16 angka.");
            assertThat(page.getByLabel("Alamat e-mail")).hasValue(email);

            page.getByLabel("NIK").fill(Fixtures.validNik());
            page.getByLabel("Kata sandi", new Page.GetByLabelOptions().setExact(true)).fill("KataSandiKuat1");
            page.getByLabel("Ulangi kata sandi").fill("KataSandiKuat1");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buat akun")).click();
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("Akun Anda sudah dibuat");

            page.getByLabel("E-mail atau NIK").fill(email);
            page.getByLabel("Kata sandi").fill("KataSandiKuat1");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Masuk")).click();
            assertThat(page.locator("h1")).hasText("Akun saya");
            assertThat(page.locator("#account-name")).hasText("Siti Aminah");
            assertThat(page.locator("dd.code")).hasText(java.util.regex.Pattern.compile("^3671\\*{8}\\d{4}$"));

            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
            assertThat(page.locator("h1")).hasText("My account");
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            page.navigate("/");
            assertThat(page.locator("h1")).hasText("Digital Public Service Mall");

            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("You have logged out");
            page.navigate("/account");
            assertThat(page.locator("h1")).hasText("Log in");

            // no horizontal scrolling on a small phone
            Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).isEqualTo(false);
        }
    }

    @Test
    void staffSeesTheirTenantsAdminPageAndNotAnothers() {
        Tenant mine = fixtures.newTenant();
        Tenant other = fixtures.newTenant();
        fixtures.newAgency(mine, "DUKCAPIL");
        String manager = fixtures.staffWithRole(mine, Role.PENGELOLA_MPP);
        try (BrowserContext context = browser.phone(baseUrl())) {
            Page page = context.newPage();
            page.navigate("/login");
            page.getByLabel("E-mail atau NIK").fill(manager);
            page.getByLabel("Kata sandi").fill(Fixtures.PASSWORD);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Masuk")).click();
            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Kelola").setExact(true)).first().click();
            assertThat(page.locator("h1")).hasText("Kelola " + mine.name());
            assertThat(page.locator("main")).containsText("Dinas DUKCAPIL");

            page.locator("#agency-code").fill("DPMPTSP");
            page.locator("#agency-name").fill("Dinas Penanaman Modal dan PTSP");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tambah")).first().click();
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("tersimpan");
            assertThat(page.locator("main")).containsText("Dinas Penanaman Modal dan PTSP");

            var response = page.navigate("/manage/" + other.slug());
            assertThat(response.status()).isEqualTo(403);
            assertThat(page.locator("main")).not().containsText(other.name());
            assertThat(page.locator("main")).containsText("Anda tidak memiliki akses");
        }
    }
}
