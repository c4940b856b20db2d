package id.gerai.platform.web;

import id.gerai.platform.GeraiException;
import id.gerai.platform.Throttled;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Pages answer failures with a friendly page in the person's language, never with exception text. */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(GeraiException.class)
    String gerai(GeraiException e, Model model, HttpServletResponse response) {
        if (e instanceof Throttled t) {
            ThrottledResponses.refuse(response, t);
        } else {
            response.setStatus(e.status().value());
        }
        model.addAttribute("status", e.status().value());
        model.addAttribute("messageKey", "error." + e.code());
        model.addAttribute("messageArgs", e.args());
        return "error";
    }

    /**
     * A request the page cannot read: a parameter of the wrong type (an agency that is not a UUID, a number that is
     * not one), one that is required and missing, or a form field that cannot become its record's type (a hand-edited
     * checkbox sending {@code abc} for a yes/no). The person's mistake or a hand-edited request, not ours: 400.
     */
    @ExceptionHandler({org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
            org.springframework.web.bind.MissingServletRequestParameterException.class,
            org.springframework.validation.BindException.class})
    String badRequest(Exception e, Model model, HttpServletResponse response) {
        log.debug("Page request refused as malformed: {}", e.getMessage());
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("messageKey", "error.bad-request");
        return "error";
    }

    @ExceptionHandler(NoResourceFoundException.class)
    String notFound(Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "error.not-found");
        return "error";
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    void denied(org.springframework.security.access.AccessDeniedException e) {
        throw e; // the security filter chain turns it into a login redirect or 403 page
    }

    /** Every database connection stayed busy for the pool's whole wait: come back in a moment. */
    @ExceptionHandler(org.springframework.jdbc.CannotGetJdbcConnectionException.class)
    String busy(org.springframework.jdbc.CannotGetJdbcConnectionException e, Model model, HttpServletResponse response) {
        log.warn("No database connection free in time: page answered 503 ({})", e.getMessage());
        response.setStatus(503);
        response.setHeader("Retry-After", AdmissionControl.RETRY_AFTER_SECONDS);
        model.addAttribute("status", 503);
        model.addAttribute("messageKey", "error.overloaded");
        return "error";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) {
        log.error("Unexpected error on page", e);
        response.setStatus(500);
        model.addAttribute("status", 500);
        model.addAttribute("messageKey", "error.internal");
        return "error";
    }
}
