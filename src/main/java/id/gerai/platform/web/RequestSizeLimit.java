package id.gerai.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refuses bodies larger than {@value #MAX_BYTES} bytes before anything reads them (uploads, which are
 * multipart, have their own limits per document type). The API gets a 413 problem, a page a 413 text.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    static final long MAX_BYTES = 1024 * 1024;

    private final MessageSource messages;
    private final LocaleResolver locales;

    RequestSizeLimit(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (request.getContentLengthLong() > MAX_BYTES && !type.startsWith("multipart/")) {
            Locale locale = locales.resolveLocale(request);
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                ProblemResponses.write(response, 413, "too-large", messages, locale);
            } else {
                response.setStatus(413);
                response.setCharacterEncoding("UTF-8");
                response.setContentType("text/plain");
                response.getWriter().write(messages.getMessage("error.too-large", null, locale));
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
