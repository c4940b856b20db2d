package id.gerai.identity;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import id.gerai.support.Browser;
import id.gerai.support.BrowserTest;
import id.gerai.support.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A person makes, copies and revokes an API token on the account page (plain forms), and the page stays accessible. */
class ApiTokenBrowserIT extends BrowserTest {

    @Test
    void aCitizenCreatesUsesAndRevokesATokenOnTheAccountPage() {
        String citizen = fixtures.citizen();
        try (BrowserContext context = browser.phone(baseUrl())) {
            Page page = context.newPage();
            page.navigate("/login");
            page.locator("#login").fill(citizen);
            page.locator("#password").fill(Fixtures.PASSWORD);
            page.locator("button[type=submit]").click();
            page.navigate("/account");

            page.locator("#token-account button[type=submit]").click();
            assertThat(page.locator("#token-name-error").textContent()).isEqualTo("Wajib diisi.");

            page.locator("#token-name").fill("skrip laporan");
            page.locator("#token-expiresInDays").selectOption("30");
            page.locator("#token-account button[type=submit]").click();
            String token = page.locator("#new-token").inputValue();
            assertThat(token).matches("gerai_[0-9A-Za-z]{40}");
            assertThat(page.locator("#api-tokens tbody tr").count()).isEqualTo(1);

            APIResponse me = context.request().get(baseUrl() + "/api/me", RequestOptions.create().setHeader("Authorization", "Bearer " + token));
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.text()).contains(citizen);

            page.navigate("/account");
            assertThat(page.locator("#new-token").count()).isZero();
            assertThat(page.content()).doesNotContain(token);
            page.locator("#api-tokens tbody button").first().click();
            assertThat(page.locator("#api-tokens [role=status]").textContent()).contains("dicabut");
            assertThat(page.locator("#api-tokens tbody tr").count()).isZero();
            assertThat(context.request().get(baseUrl() + "/api/me",
                    RequestOptions.create().setHeader("Authorization", "Bearer " + token)).status()).isEqualTo(401);
        }
    }

    @Test
    void theAccountPageWithItsTokensPassesTheAccessibilityRules() {
        String citizen = fixtures.citizen();
        try (BrowserContext context = browser.auditingPhone(baseUrl())) {
            Page page = context.newPage();
            page.navigate("/login");
            page.locator("#login").fill(citizen);
            page.locator("#password").fill(Fixtures.PASSWORD);
            page.locator("button[type=submit]").click();
            for (String lang : new String[] {"id", "en"}) {
                page.navigate("/account?lang=" + lang);
                page.locator("#token-account button[type=submit]").click();
                assertThat(Browser.accessibilityViolations(page)).as("form with errors in " + lang).isEmpty();
                page.locator("#token-name").fill("integrasi " + lang);
                page.locator("#token-account button[type=submit]").click();
                assertThat(Browser.accessibilityViolations(page)).as("new token shown in " + lang).isEmpty();
                page.navigate("/account?lang=" + lang);
                assertThat(Browser.accessibilityViolations(page)).as("list of tokens in " + lang).isEmpty();
            }
        }
    }
}
