package id.gerai.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import id.gerai.catalog.CatalogApi;
import id.gerai.document.DocumentFixtures;
import id.gerai.document.IssuedDocuments;
import id.gerai.identity.Role;
import id.gerai.support.Browser;
import id.gerai.support.BrowserTest;
import id.gerai.support.Fixtures;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The survey in Chromium on a 360 px phone: the applicant of a completed application answers the questionnaire
 * with JavaScript off, and the public IKM page (no login) then counts the response and shows its averages; a counter
 * officer's kiosk takes a walk-in response and is ready for the next one. Every page passes axe-core.
 */
class SurveyBrowserIT extends BrowserTest {

    @Autowired MockMvc mvc;
    @Autowired CatalogApi catalog;
    @Autowired JsonMapper json;
    @Autowired IssuedDocuments documents;
    @Autowired JdbcClient jdbc;
    @Autowired TenancyApi tenancy;


    /** Chooses answer {@code value} of every element and a profile, as a person taps them. */
    private static void fill(Page page, int value) {
        for (int u = 1; u <= 9; u++) {
            page.locator("input[name=u" + u + "][value='" + value + "']").check();
        }
        page.getByLabel("Perempuan").check();
        page.getByLabel("30–39 tahun").check();
        page.getByLabel("S1", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Wirausaha").check();
    }

    @Test
    void aCitizenRatesTheServiceAndThePublicPageCountsIt() throws Exception {
        DocumentFixtures docs = new DocumentFixtures(mvc, fixtures, catalog, json, documents, jdbc);
        DocumentFixtures.Office office = docs.office();
        UUID point = tenancy.createServicePoint(office.tenant().id(), new TenancyApi.NewServicePoint("MPPX", "Gerai Kios Uji",
                ServicePointKind.MPP, "Jl. Uji 1", null, 1));
        DocumentFixtures.Approved a = docs.approved(office, fixtures.citizen(), id.gerai.application.ApplicationSamples.validData());
        String slug = a.tenant().slug();

        // before: the public page has no respondents
        try (BrowserContext stranger = browser.auditingPhone(baseUrl())) {
            Page page = stranger.newPage();
            page.navigate("/skm/" + slug);
            assertThat(page.locator("#skm-summary").getAttribute("data-respondents")).isEqualTo("0");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
        }

        // the questionnaire passes axe
        try (BrowserContext citizen = browser.auditingPhone(baseUrl())) {
            Page page = citizen.newPage();
            login(page, a.citizen());
            page.navigate("/survey/" + a.tracking());
            assertThat(page.getByText("Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan").isVisible()).isTrue();
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
            // an incomplete form names what is missing and passes axe too
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim penilaian")).click();
            page.locator("#error-summary").waitFor();
            assertThat(page.locator("#error-summary").textContent()).contains("Pilih salah satu");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
        }

        // the applicant answers with JavaScript off
        try (BrowserContext citizen = browser.phoneWithoutJavaScript(baseUrl())) {
            Page page = citizen.newPage();
            login(page, a.citizen());
            page.navigate("/survey/" + a.tracking());
            fill(page, 4);
            page.locator("input[name=u8][value='2']").check();
            page.getByLabel("Saran dan masukan (tidak wajib)").fill("Loket pengaduan belum jelas.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim penilaian")).click();
            assertThat(page.locator("#survey-thanks").textContent()).contains("Terima kasih");
            // the form is gone: answers are final
            page.navigate("/survey/" + a.tracking());
            assertThat(page.locator("#survey-state").getAttribute("data-state")).isEqualTo("answered");
            assertThat(page.locator("form.survey-form").count()).isZero();
        }

        // the public page now counts one respondent with these averages
        try (BrowserContext stranger = browser.auditingPhone(baseUrl())) {
            Page page = stranger.newPage();
            page.navigate("/skm/" + slug);
            assertThat(page.locator("#skm-summary").getAttribute("data-respondents")).isEqualTo("1");
            assertThat(page.locator("tr[data-element=U1]").getAttribute("data-average")).isEqualTo("4.000");
            assertThat(page.locator("tr[data-element=U8]").getAttribute("data-average")).isEqualTo("2.000");
            assertThat(page.locator("tr[data-element=U8]").getAttribute("class")).contains("lowest");
            // (8 x 4 + 2) / 9 x 25 = 94.44
            assertThat(page.locator("#skm-ikm").getAttribute("data-score")).isEqualTo("94.44");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
        }

        // a counter officer's kiosk takes a walk-in response and is ready for the next
        String officer = fixtures.staffWithRole(a.tenant(), Role.PETUGAS_LOKET);
        try (BrowserContext tablet = browser.auditingPhone(baseUrl())) {
            Page page = tablet.newPage();
            login(page, officer);
            page.navigate("/manage/" + slug + "/kiosk");
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
            page.getByLabel("Tempat pelayanan").selectOption(point.toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mulai kios")).click();
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
            fill(page, 3);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim penilaian")).click();
            assertThat(page.locator("#kiosk-thanks").textContent()).contains("Terima kasih");
            assertThat(page.locator("input[type=radio]:checked").count()).isZero();
            assertThat(page.content()).doesNotContain("Warga Uji").doesNotContain(a.tracking());
            assertThat(Browser.accessibilityViolations(page)).isEmpty();
        }
        try (BrowserContext stranger = browser.phone(baseUrl())) {
            Page page = stranger.newPage();
            page.navigate("/skm/" + slug);
            assertThat(page.locator("#skm-summary").getAttribute("data-respondents")).isEqualTo("2");
            assertThat(page.locator("#skm-by-point").textContent()).contains("Gerai Kios Uji");
        }
    }
}
