package id.gerai.identity;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import id.gerai.support.Browser;
import id.gerai.support.BrowserTest;
import id.gerai.support.Fixtures;
import id.gerai.support.TestOidcProvider;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen signs in with the provider for the first time on a phone without JavaScript: the button on the login page,
 * the provider's own page, back to Gerai to complete the NIK, and signed in on the account page with the link listed.
 * The login page with its buttons and the completion form (with its errors) pass the accessibility rules.
 */
@ContextConfiguration(initializers = TestOidcProvider.Configured.class)
class OidcLoginBrowserIT extends BrowserTest {

    private final TestOidcProvider provider = TestOidcProvider.shared();

    @Test
    void aCitizenSignsInWithTheProviderCompletesTheNikAndLandsOnTheAccountPage() {
        String email = "sso." + UUID.randomUUID().toString().substring(0, 8) + "@test.gerai.local";
        TestOidcProvider.User user = provider.newUser("Dewi Sso", email, true);
        try (BrowserContext context = browser.phoneWithoutJavaScript(baseUrl())) {
            Page page = context.newPage();
            page.navigate("/login");
            page.getByText("Masuk dengan " + TestOidcProvider.NAME).click();
            page.waitForURL(url -> url.startsWith(provider.issuer()));
            page.locator("#username").fill(user.subject());
            page.locator("#provider-sign-in").click();
            page.waitForURL(url -> url.endsWith("/login/oidc"));

            assertThat(page.locator("#fullName").inputValue()).isEqualTo("Dewi Sso");
            assertThat(page.locator("#email").inputValue()).isEqualTo(email);
            page.locator("#nik").fill(Fixtures.validNik());
            page.locator("#consent").check();
            page.locator("#oidc-register button[type=submit]").click();

            page.waitForURL(url -> url.endsWith("/account"));
            assertThat(page.locator("#account-name").textContent()).isEqualTo("Dewi Sso");
            assertThat(page.locator("#oidc-links li").count()).isEqualTo(1);
        }

        TestOidcProvider.User other = provider.newUser("Rina Sso", null, false);
        try (BrowserContext context = browser.auditingPhone(baseUrl())) {
            Page page = context.newPage();
            page.navigate("/login");
            assertThat(Browser.accessibilityViolations(page)).as("login page with provider buttons").isEmpty();
            page.locator("#oidc-testsso").click();
            page.locator("#username").fill(other.subject());
            page.locator("#provider-sign-in").click();
            page.waitForURL(url -> url.endsWith("/login/oidc"));
            assertThat(Browser.accessibilityViolations(page)).as("completion page").isEmpty();
            page.locator("#oidc-register button[type=submit]").click();
            assertThat(page.locator("#nik-error").textContent()).isNotBlank();
            assertThat(page.locator("#email-error").textContent()).isNotBlank();
            assertThat(Browser.accessibilityViolations(page)).as("completion page with errors").isEmpty();
        }
    }
}
