package id.gerai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import id.gerai.application.ApplicationSamples;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.CatalogSamples;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceDesign.RequiredDocument;
import id.gerai.catalog.ServiceVersion;
import id.gerai.identity.Role;
import id.gerai.support.BrowserTest;
import id.gerai.support.Fixtures;
import id.gerai.support.TestMailServer;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #4's journey in Chromium, through the pages only: a citizen files an application with two documents; the
 * verifier asks for a correction; the citizen corrects; two officers approve; the citizen sees it completed and was
 * e-mailed (over SMTP) at each step; a counter officer files one for a walk-in citizen.
 */
class ApplicationJourneyBrowserIT extends BrowserTest {

    @Autowired CatalogApi catalog;
    @Autowired TenancyApi tenancy;

    @Test
    void fromFilingThroughCorrectionAndTwoApprovalsToCompletionAndAWalkInAtTheCounter() throws Exception {
        Tenant tenant = fixtures.newTenant();
        UUID agency = fixtures.newAgency(tenant, "DUKCAPIL");
        ServiceDesign design = CatalogSamples.with(CatalogSamples.valid(), b -> {
            b.documents = List.of(
                    new RequiredDocument("SKL", "Surat keterangan lahir", "Birth letter", true, List.of("application/pdf", "image/jpeg"), 2048),
                    new RequiredDocument("KK", "Kartu keluarga", "Family card", true, List.of("application/pdf", "image/jpeg"), 2048));
            return b;
        });
        ServiceVersion service = ApplicationSamples.publish(catalog, tenant, agency, design);
        String slug = catalog.service(tenant.id(), service.serviceId()).orElseThrow().slug();
        String citizen = fixtures.citizen();
        String verifier = fixtures.staffWithRole(tenant, Role.PETUGAS_INSTANSI, agency, null);
        String signer = fixtures.staffWithRole(tenant, Role.PETUGAS_INSTANSI, agency, null);
        String display;

        // --- the citizen files with two documents ---------------------------------------------------------
        try (BrowserContext context = browser.phone(baseUrl())) {
            Page page = context.newPage();
            login(page, citizen);
            page.navigate("/t/" + tenant.slug() + "/services/" + slug);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ajukan permohonan")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mulai mengisi permohonan")).click();
            page.locator("#f-namaAnak").fill("Putri Lestari");
            page.locator("#f-tanggalLahir").fill("2026-10-01");
            page.locator("#f-jenisKelamin").selectOption("P");
            page.locator("#f-nikIbu").fill(Fixtures.validNik());
            page.locator("#f-tempatLahir").fill("36.71.01.1001");
            page.locator("#f-saksi-0-nama").fill("Budi Santoso");
            page.locator("#f-saksi-0-nik").fill(Fixtures.validNik());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan dan lanjut ke dokumen")).click();
            upload(page, "SKL", "Surat keterangan lahir", "skl.pdf", ApplicationSamples.pdf());
            upload(page, "KK", "Kartu keluarga", "kk.jpg", ApplicationSamples.jpeg());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lanjut ke pemeriksaan")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim permohonan")).click();
            assertThat(page.locator("h1")).hasText("Tanda terima permohonan");
            display = page.locator(".tracking-big .visually-hidden").textContent().strip();
        }

        // --- the verifier asks for a correction -----------------------------------------------------------
        try (BrowserContext context = browser.phone(baseUrl())) {
            Page page = context.newPage();
            login(page, verifier);
            page.navigate("/manage/" + tenant.slug() + "/tasks");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ambil tugas " + display)).click();
            Locator correction = page.locator("form:has(input[name=decision][value=CORRECTION])");
            correction.getByLabel("Nama anak").check();
            correction.getByLabel("Kartu keluarga").check();
            correction.getByLabel("Alasan").fill("Nama anak belum lengkap; kartu keluarga tidak terbaca.");
            correction.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Kembalikan untuk diperbaiki")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("dikembalikan kepada pemohon");
        }

        // --- the citizen corrects -------------------------------------------------------------------------
        try (BrowserContext context = browser.phone(baseUrl())) {
            Page page = context.newPage();
            login(page, citizen);
            page.navigate("/applications");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Perbaiki " + display)).click();
            if (page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Perbaiki permohonan")).count() > 0) {
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Perbaiki permohonan")).click();
            }
            assertThat(page.locator("main")).containsText("Nama anak belum lengkap");
            page.locator("#f-namaAnak").fill("Putri Lestari Wulandari");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan dan lanjut ke dokumen")).click();
            upload(page, "KK", "Kartu keluarga", "kk-baru.pdf", ApplicationSamples.pdf());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lanjut ke pemeriksaan")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim perbaikan")).click();
        }

        // --- two officers approve -------------------------------------------------------------------------
        for (String officer : List.of(verifier, signer)) {
            try (BrowserContext context = browser.phone(baseUrl())) {
                Page page = context.newPage();
                login(page, officer);
                page.navigate("/manage/" + tenant.slug() + "/tasks");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ambil tugas " + display)).click();
                assertThat(page.locator("[data-field=namaAnak] dd")).hasText("Putri Lestari Wulandari");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Setujui langkah ini")).click();
                assertThat(page.getByRole(AriaRole.STATUS)).containsText("disetujui");
            }
        }

        // --- the citizen sees it completed and was e-mailed at each step ---------------------------------
        try (BrowserContext context = browser.phone(baseUrl())) {
            Page page = context.newPage();
            login(page, citizen);
            page.navigate("/applications");
            assertThat(page.locator("main")).containsText(display);
            assertThat(page.locator("main")).containsText("Selesai");
        }
        List<String> received = TestMailServer.awaitReceived(citizen, 6, Duration.ofSeconds(30)).stream()
                .map(TestMailServer::subject).filter(s -> s.contains(display)).toList();
        // one per state change; besides them the survey invitation (and, once issued, the document's e-mail)
        List<String> subjects = received.stream().filter(s -> s.startsWith("[Gerai] Permohonan")).toList();
        assertThat(subjects).hasSize(5);
        assertThat(received).anyMatch(s -> s.startsWith("Bagaimana layanan kami?"));
        assertThat(subjects.getFirst()).contains("Sedang diproses");
        assertThat(subjects).anyMatch(s -> s.contains("Perlu perbaikan"));
        assertThat(subjects.getLast()).contains("Selesai");

        // --- a counter officer files for a walk-in citizen -----------------------------------------------
        UUID point = tenancy.createServicePoint(tenant.id(), new TenancyApi.NewServicePoint("MPP01", "MPP Kota",
                ServicePointKind.MPP, "Jl. Merdeka 1", null, 4));
        String counter = fixtures.staffWithRole(tenant, Role.PETUGAS_LOKET, null, point);
        try (BrowserContext context = browser.phone(baseUrl())) {
            Page page = context.newPage();
            login(page, counter);
            page.navigate("/manage/" + tenant.slug() + "/counter");
            Locator form = page.locator("form[method=post]:has(#w-nik)");
            form.getByLabel("NIK").fill(Fixtures.validNik());
            page.locator("#w-fullName").fill("Sumiati");
            page.locator("#w-serviceId").selectOption(service.serviceId().toString());
            form.getByRole(AriaRole.BUTTON).click();
            page.locator("#f-namaAnak").fill("Adi Nugroho");
            page.locator("#f-tanggalLahir").fill("2026-09-12");
            page.locator("#f-jenisKelamin").selectOption("L");
            page.locator("#f-nikIbu").fill(Fixtures.validNik());
            page.locator("#f-tempatLahir").fill("36.71.01.1001");
            page.locator("#f-saksi-0-nama").fill("Sumiati");
            page.locator("#f-saksi-0-nik").fill(Fixtures.validNik());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan dan lanjut ke dokumen")).click();
            upload(page, "SKL", "Surat keterangan lahir", "scan-skl.pdf", ApplicationSamples.pdf());
            upload(page, "KK", "Kartu keluarga", "scan-kk.pdf", ApplicationSamples.pdf());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lanjut ke pemeriksaan")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim permohonan")).click();
            assertThat(page.locator("h1")).hasText("Tanda terima permohonan");
            assertThat(page.locator("main")).containsText("Sumiati");
            assertThat(page.locator("main")).containsText("Loket MPP");
        }
    }

    private static void upload(Page page, String code, String name, String file, byte[] content) {
        page.locator("#file-" + code).setInputFiles(new FilePayload(file, "application/octet-stream", content));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unggah " + name)).click();
        assertThat(page.locator("#doc-" + code)).containsText(file);
    }

}
