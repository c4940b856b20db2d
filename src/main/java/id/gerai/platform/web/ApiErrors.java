package id.gerai.platform.web;

import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.Throttled;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is an RFC 9457 problem with a stable {@code code}; titles and details come from the
 * message bundles in the caller's language ({@code Accept-Language}). Exception text never leaks.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    static final String TYPE_BASE = "https://gerai.id/problems/";

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        ProblemDetail p = problem(e.status(), e.code());
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> fields = new LinkedHashMap<>();
        e.fields().forEach((field, key) -> fields.put(field, messages.getMessage(key, e.arguments(field), key, locale)));
        p.setProperty("errors", fields);
        return p;
    }

    /** Too many attempts: the problem, and when the next one may be accepted. */
    @ExceptionHandler(Throttled.class)
    ResponseEntity<ProblemDetail> throttled(Throttled e) {
        return ResponseEntity.status(e.status()).header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem(e.status(), e.code(), e.args()));
    }

    @ExceptionHandler(GeraiException.class)
    ProblemDetail gerai(GeraiException e) {
        ProblemDetail p = problem(e.status(), e.code(), e.args());
        e.details().forEach(p::setProperty);
        return p;
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ProblemDetail denied() {
        return problem(HttpStatus.FORBIDDEN, "forbidden");
    }

    /** Every database connection stayed busy for the pool's whole wait: a busy server, not a broken one. */
    @ExceptionHandler(org.springframework.jdbc.CannotGetJdbcConnectionException.class)
    ResponseEntity<ProblemDetail> busy(org.springframework.jdbc.CannotGetJdbcConnectionException e) {
        log.warn("No database connection free in time: answered 503 ({})", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, AdmissionControl.RETRY_AFTER_SECONDS)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "overloaded"));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error in API", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "validation");
        Map<String, String> fields = new LinkedHashMap<>();
        Locale locale = LocaleContextHolder.getLocale();
        for (FieldError f : ex.getBindingResult().getFieldErrors()) {
            fields.putIfAbsent(f.getField(), messages.getMessage(f, locale));
        }
        p.setProperty("errors", fields);
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail p && p.getProperties() == null) {
            ProblemDetail translated = problem(HttpStatus.valueOf(statusCode.value()), codeOf(statusCode.value()));
            return new ResponseEntity<>(translated, headers, statusCode);
        }
        return new ResponseEntity<>(body, headers, statusCode);
    }

    /** The problem code of a request Spring MVC itself refused (no controller's own code applies). */
    static String codeOf(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
    }

    private ProblemDetail problem(HttpStatus status, String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail p = ProblemDetail.forStatus(status);
        p.setType(URI.create(TYPE_BASE + code));
        p.setTitle(messages.getMessage("problem." + code, null, status.getReasonPhrase(), locale));
        p.setDetail(messages.getMessage("error." + code, args, messages.getMessage("problem." + code, null, status.getReasonPhrase(), locale), locale));
        p.setProperty("code", code);
        return p;
    }
}
