package id.gerai.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Playwright driving the Chromium of Debian's {@code chromium} package (never a downloaded browser).
 * In CI ({@code CI=true}) a missing browser fails the test; on a developer machine it is skipped.
 */
public final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Browser launch() {
        Path chromium = Path.of(System.getenv().getOrDefault("GERAI_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("Chromium not found at " + chromium + ": install Debian's chromium package");
            }
            Assumptions.abort("Chromium not installed at " + chromium);
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        var browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new Browser(playwright, browser);
    }

    /** A fresh person: a new context with its own cookies, on a small phone screen. */
    public BrowserContext phone(String baseUrl) {
        return browser.newContext(new NewContextOptions().setBaseURL(baseUrl).setViewportSize(360, 740).setLocale("id-ID"));
    }

    /** A small phone with JavaScript switched off: what a citizen's core path must work on. */
    public BrowserContext phoneWithoutJavaScript(String baseUrl) {
        return browser.newContext(new NewContextOptions().setBaseURL(baseUrl).setViewportSize(360, 740).setLocale("id-ID")
                .setJavaScriptEnabled(false));
    }

    /**
     * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and returns its violations as
     * {@code rule: target} lines; empty when the page passes.
     */
    @SuppressWarnings("unchecked")
    public static List<String> accessibilityViolations(com.microsoft.playwright.Page page) {
        page.addScriptTag(new com.microsoft.playwright.Page.AddScriptTagOptions().setContent(AXE));
        Object result = page.evaluate("""
                async () => {
                  const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
                  return r.violations.flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' ')));
                }""");
        return (List<String>) result;
    }

    private static final String AXE = loadAxe();

    private static String loadAxe() {
        try (var in = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core WebJar missing from the test classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A phone whose pages accept the injected axe-core script despite the site's Content-Security-Policy. */
    public BrowserContext auditingPhone(String baseUrl) {
        return browser.newContext(new NewContextOptions().setBaseURL(baseUrl).setViewportSize(360, 740).setLocale("id-ID")
                .setBypassCSP(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
