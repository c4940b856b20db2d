package id.gerai.platform.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Admits at most {@code gerai.web.max-in-flight} requests at once and lets the next ones wait at most
 * {@code gerai.web.admission-wait} for a place; a request that finds none is answered 503 with
 * {@code Retry-After} at once (a problem from the API, a short page in the visitor's language elsewhere).
 *
 * <p>Why: the database pool is the narrow part. Without a limit, a burst beyond what the server can do piles
 * requests up in front of the pool until each times out after half a minute, and every request, old and new,
 * gets slower; with it, the requests admitted keep their speed and the rest learn at once to come back. Nothing
 * is half-done: a refused request never reached a controller. Static files and the health and metrics endpoints
 * are never held back, so monitoring still sees a busy server.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AdmissionControl extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "2";

    private final Semaphore places;
    private final long waitNanos;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final Counter refused;

    AdmissionControl(@Value("${gerai.web.max-in-flight:64}") int maxInFlight,
                     @Value("${gerai.web.admission-wait:2s}") Duration wait,
                     MessageSource messages, LocaleResolver locales, MeterRegistry meters) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("gerai.web.max-in-flight must be at least 1, not " + maxInFlight);
        }
        this.places = new Semaphore(maxInFlight);
        this.waitNanos = wait.toNanos();
        this.messages = messages;
        this.locales = locales;
        this.refused = Counter.builder("gerai.requests.refused.overload")
                .description("Requests answered 503 because every place was taken for longer than the admission wait")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                || path.startsWith("/actuator/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = places.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }

    /** Places free now: for tests and the metrics endpoint's readers. */
    int free() {
        return places.availablePermits();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refused.increment();
        Locale locale = locales.resolveLocale(request);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemResponses.write(response, 503, "overloaded", messages, locale);
            return;
        }
        String title = HtmlUtils.htmlEscape(messages.getMessage("problem.overloaded", null, locale));
        String text = HtmlUtils.htmlEscape(messages.getMessage("error.overloaded", null, locale));
        response.setStatus(503);
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/html");
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a\">"
                + "<h1>" + title + "</h1><p>" + text + "</p></body></html>");
    }
}
