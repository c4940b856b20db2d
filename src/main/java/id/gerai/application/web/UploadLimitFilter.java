package id.gerai.application.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A document upload larger than the servlet's file cap ({@code spring.servlet.multipart.max-file-size}) fails while
 * the request is parsed, which happens in the CSRF check, before any page could answer: the person would see an
 * internal error. This filter parses such uploads first and, when the file is over the cap, sends the person back to
 * the documents page with the reason next to that document ({@code ?too-large=CODE}). It changes nothing, so it needs
 * no CSRF token; the page it leads to needs a login like any other.
 *
 * <p>Hazard: Tomcat stops reading at the cap and swallows at most {@code server.tomcat.max-swallow-size} of the rest,
 * so for a file far over the cap the connection is closed and a browser may show its own error instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UploadLimitFilter extends OncePerRequestFilter {

    private static final Pattern UPLOAD = Pattern.compile("^/applications/([0-9A-Za-z-]{1,20})/documents/([A-Z][A-Z0-9_]{0,39})$");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        return !"POST".equals(request.getMethod()) || !type.startsWith("multipart/")
                || !UPLOAD.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IllegalStateException | IOException | ServletException e) {
            if (tooLarge(e)) {
                Matcher m = UPLOAD.matcher(path(request));
                if (m.matches()) {
                    response.sendRedirect(request.getContextPath() + "/applications/" + m.group(1) + "/documents?too-large="
                            + m.group(2) + "#doc-" + m.group(2));
                    return;
                }
            }
            // anything else fails again where it is handled as before
        }
        chain.doFilter(request, response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Whether the parse failed on a size limit (the exception names differ between Tomcat and Commons FileUpload). */
    static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.contains("SizeLimitExceeded") || name.contains("SizeException") || name.contains("MaxUploadSize")) {
                return true;
            }
        }
        return false;
    }
}
