package id.gerai.application.staff;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.gerai.application.ApplicationSamples;
import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceVersion;
import id.gerai.identity.Role;
import id.gerai.platform.TenantContext;
import id.gerai.support.Browser;
import id.gerai.support.BrowserTest;
import id.gerai.support.Fixtures;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An officer works an application on a 360 px phone in Chromium: the inbox, claiming, a correction refused for
 * want of a reason and then sent, and after the citizen's resubmission the approval; the manager's overdue view and
 * the counter officer's page too. axe-core finds no WCAG 2.1 A/AA violation on any of them.
 */
class ApplicationStaffBrowserIT extends BrowserTest {

    @Autowired MockMvc mvc;
    @Autowired CatalogApi catalog;
    @Autowired TenancyApi tenancy;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;

    @Test
    void anOfficerClaimsAsksForACorrectionAndApprovesOnAPhone() throws Exception {
        Tenant tenant = fixtures.newTenant();
        UUID agency = fixtures.newAgency(tenant, "DUKCAPIL");
        ServiceVersion service = ApplicationSamples.publish(catalog, tenant, agency);
        String citizen = fixtures.citizen();
        String verifier = fixtures.staffWithRole(tenant, Role.PETUGAS_INSTANSI, agency, null);
        JsonNode filed = file(tenant, service, citizen);
        String tracking = filed.get("trackingNo").asString();
        String display = filed.get("trackingDisplay").asString();
        String inbox = "/manage/" + tenant.slug() + "/tasks";

        try (BrowserContext context = browser.auditingPhone(baseUrl())) {
            Page page = context.newPage();
            login(page, verifier);
            page.navigate(inbox);
            assertThat(page.locator("h1")).hasText("Kotak tugas");
            assertThat(page.locator("#count-total")).hasText("1");
            assertThat(page.locator("#count-free")).hasText("1");
            noViolations(page, "inbox");

            // the filter form works as a plain GET
            page.getByText("Saring tugas").click();
            page.locator("#f-channel").selectOption("MPP_COUNTER");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tampilkan")).click();
            assertThat(page.getByText("Tidak ada tugas yang cocok dengan saringan ini.")).isVisible();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hapus saringan")).click();
            assertThat(page.locator("#inbox")).containsText(display);

            // claim: on to the application page
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ambil tugas " + display)).click();
            assertThat(page.locator("h1")).containsText(display);
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Tugas sudah Anda ambil");
            assertThat(page.locator("#applicant-nik")).hasText(nikOf(tracking));
            noViolations(page, "application page");

            // a correction without a reason is refused; the ticked box stays ticked
            Locator correction = page.locator("form:has(input[name=decision][value=CORRECTION])");
            correction.getByLabel("Nama anak").check();
            correction.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Kembalikan untuk diperbaiki")).click();
            correction = page.locator("form:has(input[name=decision][value=CORRECTION])");
            assertThat(correction.locator("#error-summary")).containsText("Tuliskan alasannya");
            assertThat(correction.getByLabel("Nama anak")).isChecked();
            noViolations(page, "application page with errors");

            correction.getByLabel("Surat keterangan lahir").check();
            correction.getByLabel("Alasan").fill("Nama anak tidak sesuai surat keterangan lahir; unggah ulang SKL.");
            correction.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Kembalikan untuk diperbaiki")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("dikembalikan kepada pemohon");
            assertThat(page.locator("#correction")).containsText("Nama anak tidak sesuai");
            noViolations(page, "application returned for correction");

            resubmit(tracking, citizen);

            page.navigate(inbox);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ambil tugas " + display)).click();
            assertThat(page.locator("[data-field=namaAnak] dd")).hasText("Putri Lestari Wulandari");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Setujui langkah ini")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Langkah disetujui.");
            assertThat(page.locator("ol.steps li[data-state=DONE]")).hasCount(1);
            noViolations(page, "application after approval");
        }
    }

    @Test
    void theOverdueViewAndTheCounterPassOnAPhone() throws Exception {
        Tenant tenant = fixtures.newTenant();
        UUID agency = fixtures.newAgency(tenant, "DUKCAPIL");
        ServiceVersion service = ApplicationSamples.publish(catalog, tenant, agency);
        JsonNode filed = file(tenant, service, fixtures.citizen());
        TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        update application_task set due_at = now() - interval '2 days'
                        where application_id = (select id from application where tracking_no = ?)""")
                .param(filed.get("trackingNo").asString()).update());
        UUID point = tenancy.createServicePoint(tenant.id(), new TenancyApi.NewServicePoint("MPP01", "MPP Kota",
                ServicePointKind.MPP, "Jl. Merdeka 1", null, 4));

        try (BrowserContext context = browser.auditingPhone(baseUrl())) {
            Page page = context.newPage();
            login(page, fixtures.staffWithRole(tenant, Role.PENGELOLA_MPP));
            page.navigate("/manage/" + tenant.slug());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tugas lewat tenggat")).click();
            assertThat(page.locator("#overdue-counts")).containsText("Dinas DUKCAPIL");
            assertThat(page.locator("main")).containsText(filed.get("trackingDisplay").asString());
            noViolations(page, "overdue");
        }

        try (BrowserContext context = browser.auditingPhone(baseUrl())) {
            Page page = context.newPage();
            login(page, fixtures.staffWithRole(tenant, Role.PETUGAS_LOKET, null, point));
            page.navigate("/manage/" + tenant.slug() + "/counter");
            assertThat(page.locator("#counter-point")).containsText("MPP Kota");
            noViolations(page, "counter");

            Locator form = page.locator("form[method=post]:has(#w-nik)");
            form.getByLabel("NIK").fill("1234");
            form.getByRole(AriaRole.BUTTON).click();
            assertThat(page.locator("#error-summary")).isVisible();
            assertThat(page.locator("#w-nik-error")).hasText("NIK harus terdiri dari 16 angka.");
            noViolations(page, "counter with errors");

            page.locator("#s-nik").fill(Fixtures.validNik());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cari")).click();
            assertThat(page.locator("#found-none")).isVisible();
            noViolations(page, "counter search");
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static void noViolations(Page page, String what) {
        assertThat(Browser.accessibilityViolations(page)).as(what).isEmpty();
        // nothing sticks out of a 360 px screen (wide tables scroll inside their own focusable box)
        Object wide = page.evaluate("""
                () => [...document.querySelectorAll('body *')]
                  .filter(e => !e.closest('.table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1)
                  .map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className)""");
        assertThat((java.util.List<?>) wide).as(what + ": elements wider than the screen").isEmpty();
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as(what + " does not scroll sideways").isTrue();
    }

    private JsonNode file(Tenant tenant, ServiceVersion service, String citizen) throws Exception {
        var r = multipart("/api/tenants/" + tenant.slug() + "/applications")
                .file(new MockMultipartFile("application", "", MediaType.APPLICATION_JSON_VALUE,
                        json.writeValueAsBytes(Map.of("service", service.serviceId().toString(),
                                "data", ApplicationSamples.validData(), "submit", true))))
                .file(new MockMultipartFile("SKL", "surat-lahir.pdf", "application/pdf", ApplicationSamples.pdf()));
        return json.readTree(mvc.perform(r.with(httpBasic(citizen, Fixtures.PASSWORD)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private void resubmit(String tracking, String citizen) throws Exception {
        Map<String, Object> data = ApplicationSamples.validData();
        data.put("namaAnak", "Putri Lestari Wulandari");
        mvc.perform(put("/api/applications/" + tracking + "/data").with(httpBasic(citizen, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("data", data))))
                .andExpect(status().isOk());
        mvc.perform(multipart(HttpMethod.PUT, "/api/applications/" + tracking + "/documents/SKL")
                        .file(new MockMultipartFile("file", "skl-baru.jpg", "image/jpeg", ApplicationSamples.jpeg()))
                        .with(httpBasic(citizen, Fixtures.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/applications/" + tracking + "/submit").with(httpBasic(citizen, Fixtures.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/applications/" + tracking).with(httpBasic(citizen, Fixtures.PASSWORD))).andExpect(status().isOk());
    }

    private String nikOf(String tracking) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("select applicant_nik from application where tracking_no = ?")
                .param(tracking).query(String.class).single());
    }
}
