package id.gerai.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * Writes an RFC 9457 problem straight to a servlet response, for the places that answer before Spring
 * MVC runs (security entry points, request filters). Same shape and texts as {@code ApiErrors}.
 */
public final class ProblemResponses {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, int status, String code, MessageSource messages, Locale locale)
            throws IOException {
        String title = messages.getMessage("problem." + code, null, "HTTP " + status, locale);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ApiErrors.TYPE_BASE + code);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", messages.getMessage("error." + code, null, title, locale));
        body.put("code", code);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
