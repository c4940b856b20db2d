package id.gerai.support;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the browser tests: one Chromium per test class, the application on a random port. */
@GeraiIntegrationTest
public abstract class BrowserTest {

    protected static Browser browser;

    @LocalServerPort
    protected int port;
    @Autowired
    protected Fixtures fixtures;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.launch();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Signs in on the login page (in whichever language it shows) with the fixtures' password. */
    protected static void login(Page page, String email) {
        page.navigate("/login");
        page.locator("#login").fill(email);
        page.locator("#password").fill(Fixtures.PASSWORD);
        page.locator("main button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
    }
}
