package id.gerai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import id.gerai.application.ApplicationSamples;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceVersion;
import id.gerai.support.Browser;
import id.gerai.support.BrowserTest;
import id.gerai.support.Fixtures;
import id.gerai.tenancy.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A citizen files an application on a 360-pixel phone with JavaScript switched off: from the service page through the
 * login, the form (with a mistake first and an extra row), the document upload, the review and the submission, to the
 * receipt, the tracking page and the public status check. Every page on the way passes axe-core's WCAG 2.1 A/AA rules
 * (audited in a second context with the same session, since axe itself needs JavaScript) and fits the screen.
 */
class ApplicationCitizenBrowserIT extends BrowserTest {

    @Autowired CatalogApi catalog;

    @Test
    void aCitizenFilesAnApplicationOnAPhoneWithoutJavaScriptAndEveryPagePassesAxe() {
        Tenant tenant = fixtures.newTenant();
        UUID agency = fixtures.newAgency(tenant, "DUKCAPIL");
        ServiceVersion service = ApplicationSamples.publish(catalog, tenant, agency);
        String slug = catalog.service(tenant.id(), service.serviceId()).orElseThrow().slug();
        String email = fixtures.citizen();
        List<String> problems = new ArrayList<>();

        try (BrowserContext phone = browser.phoneWithoutJavaScript(baseUrl());
             BrowserContext auditing = browser.auditingPhone(baseUrl())) {
            Page page = phone.newPage();
            Page audit = auditing.newPage();
            // axe needs JavaScript: each page the phone reaches is opened again in a second context with the same session
            java.util.function.Consumer<String> audited = name -> {
                audit.navigate(page.url());
                check(audit, name, problems);
            };

            page.navigate("/t/" + tenant.slug() + "/services/" + slug);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ajukan permohonan")).click();

            // not signed in: the login page first, then straight back to the confirmation
            page.getByLabel("E-mail atau NIK").fill(email);
            page.getByLabel("Kata sandi").fill(Fixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Masuk")).click();
            assertThat(page.locator("h1")).hasText("Ajukan permohonan Akta Kelahiran");
            auditing.addCookies(phone.cookies());
            audited.accept("confirm");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mulai mengisi permohonan")).click();
            assertThat(page.locator("h2").first()).hasText("Isi formulir");

            // a mistake first: the errors are listed on top and next to each field, and what was typed stays
            page.locator("#f-namaAnak").fill("Putri Lestari");
            page.locator("#f-nikIbu").fill("1234");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan dan lanjut ke dokumen")).click();
            assertThat(page.locator("#error-summary")).isVisible();
            assertThat(page.locator("#f-nikIbu-error")).hasText("NIK harus terdiri dari 16 angka.");
            assertThat(page.locator("#f-namaAnak")).hasValue("Putri Lestari");
            audited.accept("form with errors");
            assertThat(audit.locator("#f-nikIbu-error")).isVisible();

            page.locator("#f-tanggalLahir").fill("2026-10-01");
            page.locator("#f-jenisKelamin").selectOption("P");
            page.locator("#f-nikIbu").fill(Fixtures.validNik());
            page.locator("#f-tempatLahir").fill("36.71.01.1001");
            page.locator("#f-kembar-no").check();
            page.locator("#f-saksi-0-nama").fill("Budi Santoso");
            page.locator("#f-saksi-0-nik").fill(Fixtures.validNik());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tambah baris Saksi")).click();
            assertThat(page.locator("#f-saksi-1-nama")).isVisible();
            assertThat(page.locator("#f-saksi-0-nama")).hasValue("Budi Santoso");
            assertThat(page.locator("#f-tempatLahir-note")).containsText("Terbaca:");
            audited.accept("form");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan dan lanjut ke dokumen")).click();

            // documents: a PNG that claims to be a PDF is refused, a real PDF is kept
            assertThat(page.locator("h2").first()).hasText("Unggah dokumen");
            page.locator("#file-SKL").setInputFiles(new FilePayload("surat-lahir.pdf", "application/pdf", ApplicationSamples.png()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unggah Surat keterangan lahir")).click();
            assertThat(page.locator("#doc-SKL-error")).containsText("bukan jenis yang diterima");
            audit.navigate(page.url());
            audit.locator("#file-SKL").setInputFiles(new FilePayload("foto.pdf", "application/pdf", ApplicationSamples.png()));
            audit.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unggah Surat keterangan lahir")).click();
            assertThat(audit.locator("#doc-SKL-error")).isVisible();
            check(audit, "documents with an error", problems);
            page.locator("#file-SKL").setInputFiles(new FilePayload("surat-lahir.pdf", "application/pdf", ApplicationSamples.pdf()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unggah Surat keterangan lahir")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Dokumen tersimpan");
            assertThat(page.locator("#doc-SKL")).containsText("surat-lahir.pdf");
            audited.accept("documents");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lanjut ke pemeriksaan")).click();
            assertThat(page.locator("main")).containsText("Perempuan");
            assertThat(page.locator("main")).containsText("Budi Santoso");
            audited.accept("review");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim permohonan")).click();

            // the receipt: the number in groups of three and the access code; the print button needs JavaScript
            assertThat(page.locator("h1")).hasText("Tanda terima permohonan");
            assertThat(page.locator(".tracking-big")).hasText(Pattern.compile("[0-9A-Z]{3}[0-9A-Z]{3}[0-9A-Z]{3}"));
            assertThat(page.locator(".access-code")).hasText(Pattern.compile("^\\d{6}$"));
            assertThat(page.locator("[data-print]")).isHidden();
            String display = page.locator(".tracking-big .visually-hidden").textContent();
            String accessCode = page.locator(".access-code").textContent();
            audited.accept("receipt");
            assertThat(audit.locator("[data-print]")).isVisible();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lihat status permohonan")).click();
            assertThat(page.locator(".timeline li").first()).containsText("Sedang dikerjakan");
            audited.accept("detail");
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Navigasi utama"))
                    .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Permohonan saya")).click();
            assertThat(page.locator("main")).containsText(display);
            audited.accept("my applications");

            // what Gerai holds about them, reached from the account page, with the copy to download
            page.navigate("/account");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Data pribadi saya").setExact(true)).click();
            assertThat(page.locator("#data-applications")).containsText(display);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Unduh salinan data (JSON)"))).isVisible();
            audited.accept("my personal data");

            // the public status check, from the footer, needs only the receipt
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cek status permohonan").setExact(true)).click();
            audited.accept("status form");
            page.getByLabel("Nomor permohonan").fill(display.replace("-", " ").toLowerCase());
            page.getByLabel("Kode akses").fill(accessCode);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cek status")).click();
            assertThat(page.locator("main")).containsText("Sedang diproses");
            assertThat(page.locator("main")).not().containsText("Putri");

            audit.navigate("/status");
            audit.getByLabel("Nomor permohonan").fill(display);
            audit.getByLabel("Kode akses").fill(accessCode);
            audit.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cek status")).click();
            assertThat(audit.locator("main")).containsText("Sedang diproses");
            check(audit, "status result", problems);
            audit.navigate("/status?lang=en");
            audit.getByLabel("Application number").fill(id.gerai.application.TrackingNumber.generate());
            audit.getByLabel("Access code").fill("000000");
            audit.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check status")).click();
            assertThat(audit.getByRole(AriaRole.ALERT)).isVisible();
            check(audit, "status error in English", problems);
            assertThat(problems).isEmpty();
        }
    }

    private static void check(Page page, String name, List<String> problems) {
        Browser.accessibilityViolations(page).forEach(v -> problems.add(name + ": " + v));
        if (Boolean.TRUE.equals(page.evaluate("document.documentElement.scrollWidth > window.innerWidth"))) {
            problems.add(name + ": wider than the screen");
        }
    }
}
