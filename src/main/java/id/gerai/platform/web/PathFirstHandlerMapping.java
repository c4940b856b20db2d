package id.gerai.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds a request's handler by its path first.
 *
 * <p>A path with variables in it ({@code /api/tenants/{tenant}/applications}) cannot be looked up directly, so Spring
 * MVC tries every request mapping on it (over two hundred here), and tries a mapping's method, parameter, header,
 * consumes and produces conditions before its path. The method condition asks whether the request is a CORS
 * pre-flight and the others read headers, each through the half-dozen request wrappers of the filter chain: about 8 %
 * of the server's CPU on a filing at full load ({@code bench/run submit-http}), nearly all of it spent on mappings
 * whose path could never match. Here a mapping whose path does not match is passed over before anything else is read.
 * A mapping whose path matches is judged exactly as before, on all of its conditions, so the handler found is the same
 * and so are the 404, 405 and 415 answers (those are worked out separately from every mapping).
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathPatternsRequestCondition paths = info.getPathPatternsCondition();
        if (paths != null && paths.getMatchingCondition(request) == null) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }
}
