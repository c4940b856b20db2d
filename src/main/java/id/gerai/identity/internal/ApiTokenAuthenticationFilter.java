package id.gerai.identity.internal;

import id.gerai.identity.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} on the API chain. A request without a bearer header
 * passes untouched (HTTP Basic or anonymous); one with a bearer token that is refused is answered 401 at once,
 * even on a public endpoint, so a caller never mistakes a dead token for a working one (RFC 6750). A read-only
 * token on anything but GET or HEAD is answered 403 {@code api-token-read-only} at once, public endpoints
 * included, for the same reason.
 *
 * <p>Not a bean on purpose: as a bean, Spring Boot would also register it for every request outside the chain.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenAuthenticator tokens;
    private final AuthenticationEntryPoint refused;
    private final AccessDeniedHandler readOnly;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    /**
     * @param refused  answers a token that is not accepted (401)
     * @param readOnly answers a read-only token used to change something (403)
     */
    ApiTokenAuthenticationFilter(ApiTokenAuthenticator tokens, AuthenticationEntryPoint refused, AccessDeniedHandler readOnly) {
        this.tokens = tokens;
        this.refused = refused;
        this.readOnly = readOnly;
    }

    /** The methods that only read, the ones a {@link ApiTokens.Access#READ} token is accepted for. */
    static boolean reads(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokenAuthentication> authentication = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (authentication.isEmpty()) {
            contexts.clearContext();
            refused.commence(request, response, new BadCredentialsException("invalid token"));
            return;
        }
        if (authentication.get().access() == ApiTokens.Access.READ && !reads(request.getMethod())) {
            // refused before anything runs: a read-only token never reaches a handler that changes data
            contexts.clearContext();
            readOnly.handle(request, response, new AccessDeniedException("read-only token"));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication.get());
        contexts.setContext(context);
        repository.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
