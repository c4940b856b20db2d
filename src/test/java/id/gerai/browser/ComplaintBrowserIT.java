package id.gerai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.gerai.identity.Role;
import id.gerai.support.Browser;
import id.gerai.support.BrowserTest;
import id.gerai.support.Fixtures;
import id.gerai.support.TestMailServer;
import id.gerai.tenancy.Tenant;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue #6's complaint journey in Chromium at 360 px, through the pages only: a citizen without an account files a
 * confidential complaint (no JavaScript); the coordinator forwards it; the agency answers; the citizen tracks it
 * with number and access code and sees the answer; it never shows on the public list. Every page passes axe-core.
 */
class ComplaintBrowserIT extends BrowserTest {

    private static final byte[] EVIDENCE = "%PDF-1.4\n1 0 obj<<>>endobj\n% kuitansi\ntrailer<<>>\n%%EOF\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    @Test
    void aConfidentialComplaintIsForwardedAnsweredAndSeenByTheCitizen() throws Exception {
        Tenant tenant = fixtures.newTenant();
        UUID agency = fixtures.newAgency(tenant, "DUKCAPIL");
        String coordinator = fixtures.staffWithRole(tenant, Role.PENGELOLA_MPP);
        String officer = fixtures.staffWithRole(tenant, Role.PETUGAS_INSTANSI, agency, null);
        String reporterMail = "warga-" + UUID.randomUUID() + "@contoh.id";
        String tracking;
        String code;

        // --- the citizen files, without an account and without JavaScript ---------------------------------
        try (BrowserContext context = browser.phoneWithoutJavaScript(baseUrl())) {
            Page page = context.newPage();
            page.navigate("/complaints?tenant=" + tenant.slug());
            page.getByLabel("Pengaduan", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel("Judul").fill("Petugas meminta uang tambahan");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim pengaduan")).click();
            // field-level messages
            assertThat(page.locator("#c-body-error")).isVisible();
            assertThat(page.locator("#c-email-error")).isVisible();
            page.locator("#c-body").fill("Di loket KTP-el petugas meminta uang Rp50.000 agar berkas saya didahulukan.");
            page.locator("#c-agency").selectOption(agency.toString());
            page.locator("#c-confidential").check();
            page.locator("#c-email").fill(reporterMail);
            page.locator("#c-files").setInputFiles(new com.microsoft.playwright.options.FilePayload("bukti-pungli.pdf",
                    "application/pdf", EVIDENCE));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim pengaduan")).click();
            assertThat(page.locator("h1")).hasText("Tanda terima pengaduan");
            tracking = page.locator("#receipt-tracking").textContent().strip();
            code = page.locator("#receipt-code").textContent().strip();
        }
        assertThat(code).matches("\\d{8}");

        // --- the coordinator forwards it --------------------------------------------------------------------
        try (BrowserContext context = browser.auditingPhone(baseUrl())) {
            Page page = context.newPage();
            login(page, coordinator);
            page.navigate("/manage/" + tenant.slug() + "/complaints");
            assertThat(page.locator("#count-new")).hasText("1");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(tracking)).click();
            assertThat(page.locator("#complaint-reporter")).containsText(reporterMail);
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
            page.locator("#f-agency").selectOption(agency.toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Teruskan ke instansi")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("diteruskan");
            assertThat(page.locator("#complaint-status")).hasText("Diteruskan ke instansi");
        }

        // --- the agency answers ---------------------------------------------------------------------------
        try (BrowserContext context = browser.auditingPhone(baseUrl())) {
            Page page = context.newPage();
            login(page, officer);
            page.navigate("/manage/" + tenant.slug() + "/complaints");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(tracking)).click();
            page.getByLabel("Tindak lanjut untuk pelapor").fill("Petugas yang bersangkutan sudah diperiksa dan dibina; "
                    + "layanan KTP-el tidak dipungut biaya.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim tindak lanjut")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Tindak lanjut terkirim");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
        }

        // --- the citizen tracks it and sees the answer -----------------------------------------------------
        try (BrowserContext context = browser.auditingPhone(baseUrl())) {
            Page page = context.newPage();
            page.navigate("/complaints/track");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
            page.getByLabel("Nomor pengaduan").fill(tracking);
            page.getByLabel("Kode akses").fill(code);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lacak")).click();
            assertThat(page.locator("#complaint-status")).hasText("Sudah ditindaklanjuti");
            assertThat(page.locator("#complaint-messages")).containsText("tidak dipungut biaya");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
            // the attachment is a button that posts the number and code (never in the address) and downloads it
            com.microsoft.playwright.Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Unduh lampiran bukti-pungli.pdf")).click());
            org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("bukti-pungli.pdf");
            try (var in = download.createReadStream()) {
                org.assertj.core.api.Assertions.assertThat(in.readAllBytes()).isEqualTo(EVIDENCE);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            org.assertj.core.api.Assertions.assertThat(page.url()).doesNotContain(code);
            page.getByLabel("5 — sangat baik").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nilai dan tutup pengaduan")).click();
            assertThat(page.locator("#complaint-status")).hasText("Selesai");

            // confidential: not on the public list
            page.navigate("/t/" + tenant.slug() + "/complaints");
            assertThat(page.locator("main")).not().containsText("uang tambahan");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
            page.navigate("/complaints?tenant=" + tenant.slug());
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
        }

        List<String> subjects = TestMailServer.awaitReceived(reporterMail, 4, Duration.ofSeconds(30)).stream()
                .map(TestMailServer::subject).toList();
        assertThat(subjects).hasSizeGreaterThanOrEqualTo(4);
        assertThat(subjects).allMatch(s -> s.contains(tracking));
    }

}
