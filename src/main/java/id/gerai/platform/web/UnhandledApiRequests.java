package id.gerai.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An API request that no controller takes (a path that does not exist, a method or content type the path does not
 * accept) is answered with the same RFC 9457 problem as every other API error, in the caller's language.
 *
 * <p>{@link ApiErrors} answers what happens inside an API controller; these requests never reach one, so without this
 * they would get Spring Boot's generic error JSON. Pages are left to the friendly error page.
 */
@Component
class UnhandledApiRequests implements HandlerExceptionResolver, Ordered {

    private final MessageSource messages;

    UnhandledApiRequests(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // after Spring Boot's error attributes, which only note the exception
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (handler instanceof HandlerMethod || !isApi(request) || response.isCommitted()) {
            return null;
        }
        int status;
        switch (ex) {
            case HttpRequestMethodNotSupportedException e -> {
                status = 405;
                if (e.getSupportedHttpMethods() != null) {
                    response.setHeader(HttpHeaders.ALLOW, StringUtils.collectionToCommaDelimitedString(e.getSupportedHttpMethods()));
                }
            }
            case HttpMediaTypeNotSupportedException e -> {
                status = 415;
                if (!e.getSupportedMediaTypes().isEmpty()) {
                    response.setHeader(HttpHeaders.ACCEPT, MediaType.toString(e.getSupportedMediaTypes()));
                }
            }
            case HttpMediaTypeNotAcceptableException e -> {
                status = 406;
            }
            case NoHandlerFoundException e -> {
                status = 404;
            }
            case NoResourceFoundException e -> {
                status = 404;
            }
            default -> {
                return null;
            }
        }
        try {
            ProblemResponses.write(response, status, ApiErrors.codeOf(status), messages, LocaleContextHolder.getLocale());
        } catch (IOException e) {
            return null; // the client went away; let the usual handling log it
        }
        return new ModelAndView();
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }
}
