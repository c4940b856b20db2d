package id.gerai.identity.internal;

import id.gerai.identity.GeraiUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Turns a verified OpenID Connect sign-in into a Gerai one. Spring Security has checked the ID token by now and put an
 * {@code OAuth2AuthenticationToken} into the session; this replaces it with exactly what the password login makes (a
 * {@link UsernamePasswordAuthenticationToken} of a {@link GeraiUser} with its authorities), so roles, tenants, the
 * session index and everything else behave as they do for a password. An identity without an account leaves nobody
 * signed in: it waits in the session ({@link #PENDING}) for {@link OidcPages} to link or register it.
 */
@Component
class OidcSignInHandler implements AuthenticationSuccessHandler {

    static final String PENDING = OidcSignInHandler.class.getName() + ".PENDING";

    private static final Logger log = LoggerFactory.getLogger(OidcSignInHandler.class);

    private final OidcAccounts accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
    // what the form login does on success: a new session id (fixation) and a new CSRF token
    private final SessionAuthenticationStrategy sessionStrategy = new CompositeSessionAuthenticationStrategy(java.util.List.of(
            new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository())));

    OidcSignInHandler(OidcAccounts accounts) {
        this.accounts = accounts;
        redirect.setDefaultTargetUrl("/account");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        if (!(authentication instanceof OAuth2AuthenticationToken token) || !(token.getPrincipal() instanceof OidcUser user)) {
            signOut(request, response);
            response.sendRedirect(request.getContextPath() + "/login?oidcFailed");
            return;
        }
        var identity = new OidcAccounts.Identity(token.getAuthorizedClientRegistrationId(), user.getIssuer().toString(),
                user.getSubject(), user.getFullName(), user.getEmail(), Boolean.TRUE.equals(user.getEmailVerified()));
        switch (accounts.signIn(identity)) {
            case OidcAccounts.Outcome.SignedIn s -> {
                Authentication gerai = authenticated(s.user());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(gerai);
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
                redirect.onAuthenticationSuccess(request, response, gerai);
            }
            case OidcAccounts.Outcome.Refused r -> {
                log.info("OpenID Connect sign-in through {} refused: {}", identity.providerId(), r.reason());
                signOut(request, response);
                response.sendRedirect(request.getContextPath() + "/login?oidcRefused");
            }
            case OidcAccounts.Outcome.Unknown u -> {
                signOut(request, response);
                request.getSession().setAttribute(PENDING, u.pending());
                response.sendRedirect(request.getContextPath() + "/login/oidc");
            }
        }
    }

    /** A sign-in the provider or the token checks refused (a bad signature, a wrong nonce, the person cancelled). */
    void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        log.info("OpenID Connect sign-in failed: {}", e.getMessage());
        response.sendRedirect(request.getContextPath() + "/login?oidcFailed");
    }

    /** Signs in a person whose pending identity was just linked or registered: as {@link #onAuthenticationSuccess} does. */
    void signIn(GeraiUser user, HttpServletRequest request, HttpServletResponse response) {
        Authentication gerai = authenticated(user);
        sessionStrategy.onAuthentication(gerai, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(gerai);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private static Authentication authenticated(GeraiUser user) {
        user.eraseCredentials();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    private void signOut(HttpServletRequest request, HttpServletResponse response) {
        SecurityContext empty = SecurityContextHolder.createEmptyContext();
        SecurityContextHolder.setContext(empty);
        contexts.saveContext(empty, request, response);
    }
}
