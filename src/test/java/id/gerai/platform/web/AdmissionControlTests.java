package id.gerai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** A full server answers the request it cannot take at once with 503 and Retry-After, and takes the next one later. */
class AdmissionControlTests {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AdmissionControl admission = new AdmissionControl(2, Duration.ofMillis(100), messages(), locales(), meters);

    @Test
    void whenEveryPlaceIsTakenTheNextRequestIsRefusedQuicklyAndNeverReachesTheApplication() throws Exception {
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch leave = new CountDownLatch(1);
        AtomicInteger reached = new AtomicInteger();
        FilterChain slow = (req, res) -> {
            reached.incrementAndGet();
            inside.countDown();
            try {
                leave.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        // two threads of their own (the common pool may have a single one on a small machine)
        var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        List<CompletableFuture<MockHttpServletResponse>> busy = List.of(
                CompletableFuture.supplyAsync(() -> run(request("POST", "/api/tenants/kota-tangerang/applications"), slow), threads),
                CompletableFuture.supplyAsync(() -> run(request("GET", "/services"), slow), threads));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(admission.free()).isZero();

        long start = System.nanoTime();
        MockHttpServletResponse refused = run(request("POST", "/api/tenants/kota-tangerang/applications"), slow);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"code\":\"overloaded\"", "\"status\":503", "Layanan sedang sibuk");

        MockHttpServletRequest english = request("GET", "/complaints");
        english.addHeader("Accept-Language", "en");
        english.addPreferredLocale(Locale.ENGLISH);
        MockHttpServletResponse page = run(english, slow);
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(page.getContentAsString()).contains("lang=\"en\"", "The service is very busy", "nothing was saved");

        // monitoring and static files are never held back
        MockHttpServletResponse health = run(request("GET", "/actuator/health"), (req, res) -> ((HttpServletResponse) res).setStatus(200));
        assertThat(health.getStatus()).isEqualTo(200);
        assertThat(health.getHeader("Retry-After")).isNull();

        assertThat(reached.get()).isEqualTo(2);
        assertThat(meters.get("gerai.requests.refused.overload").counter().count()).isEqualTo(2.0);

        leave.countDown();
        for (CompletableFuture<MockHttpServletResponse> f : busy) {
            assertThat(f.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        }
        threads.close();
        assertThat(admission.free()).isEqualTo(2);
        MockHttpServletResponse later = run(request("GET", "/api/tenants"), (req, res) -> reached.incrementAndGet());
        assertThat(later.getStatus()).isEqualTo(200);
        assertThat(reached.get()).isEqualTo(3);
    }

    @Test
    void aPlaceIsGivenBackWhenTheApplicationFails() {
        FilterChain failing = (req, res) -> {
            throw new IllegalStateException("boom");
        };
        int failures = 0;
        for (int i = 0; i < 5; i++) {
            try {
                admission.doFilter(request("GET", "/api/tenants"), new MockHttpServletResponse(), failing);
            } catch (Exception expected) {
                failures++;
            }
        }
        assertThat(failures).isEqualTo(5);
        assertThat(admission.free()).isEqualTo(2);
    }

    private MockHttpServletResponse run(MockHttpServletRequest request, FilterChain chain) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            admission.doFilter(request, response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest r = new MockHttpServletRequest(method, path);
        r.setRequestURI(path);
        return r;
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    private static AcceptHeaderLocaleResolver locales() {
        AcceptHeaderLocaleResolver r = new AcceptHeaderLocaleResolver();
        r.setSupportedLocales(List.of(Locale.forLanguageTag("id"), Locale.ENGLISH));
        r.setDefaultLocale(Locale.forLanguageTag("id"));
        return r;
    }
}
