package id.gerai.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import jakarta.servlet.http.HttpServletResponse;

/**
 * OpenID Connect sign-in, set up only when at least one provider is configured ({@code gerai.oidc.providers}): with
 * none there is no client registration, no OAuth2 filter and nothing else that could get in the way.
 *
 * <p>Spring Security's OAuth2 login does the protocol: the authorization code flow with state, nonce and PKCE (S256,
 * for confidential clients too), the token request, and the ID token's RS256 signature (the provider's JWKS), issuer,
 * audience, expiry and nonce. What Gerai adds is {@link OidcSignInHandler}: which account the verified identity signs
 * in as.
 *
 * <p>Each provider's metadata is discovered from its issuer on first use and kept for a day, so a provider that is
 * down when Gerai starts does not stop Gerai; its button fails until it is back.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OidcConfiguration.Configured.class)
class OidcConfiguration {

    @Bean
    ClientRegistrationRepository oidcClientRegistrations(OidcProperties properties) {
        return new DiscoveredRegistrations(properties);
    }

    @Bean
    OidcLogin oidcLogin(ClientRegistrationRepository registrations, OidcSignInHandler signIn) {
        return new OidcLogin(registrations, signIn);
    }

    /** Adds OAuth2 login to the pages' filter chain ({@link SecurityConfiguration}). */
    static final class OidcLogin {

        private final ClientRegistrationRepository registrations;
        private final OidcSignInHandler signIn;

        OidcLogin(ClientRegistrationRepository registrations, OidcSignInHandler signIn) {
            this.registrations = registrations;
            this.signIn = signIn;
        }

        /**
         * The pages' authentication manager with the OpenID Connect code provider in front of it: the chain is given its
         * manager explicitly, so the providers {@code oauth2Login()} would register by itself are never asked.
         */
        AuthenticationManager withOidc(AuthenticationManager passwords) {
            var oidc = new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(),
                    new OidcUserService());
            return new ProviderManager(List.of(oidc), passwords);
        }

        void configure(HttpSecurity http) throws Exception {
            var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
            resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(o -> o.loginPage("/login")
                    .clientRegistrationRepository(registrations)
                    .authorizedClientRepository(new NoAuthorizedClients())
                    .authorizationEndpoint(a -> a.authorizationRequestResolver(resolver))
                    .successHandler(signIn)
                    .failureHandler(signIn::failed));
            http.addFilterBefore(new UnreachableProviders(registrations), OAuth2AuthorizationRequestRedirectFilter.class);
        }
    }

    /**
     * A provider whose metadata cannot be discovered (down, or its address wrong) sends the person back to the login
     * page with a message, instead of the error page Spring Security's redirect filter would answer with (a 500).
     * The lookup is the same one the redirect filter makes next, kept by {@link DiscoveredRegistrations}.
     */
    static final class UnreachableProviders extends OncePerRequestFilter {

        private static final Logger log = LoggerFactory.getLogger(UnreachableProviders.class);
        private static final String PREFIX = "/oauth2/authorization/";

        private final ClientRegistrationRepository registrations;

        UnreachableProviders(ClientRegistrationRepository registrations) {
            this.registrations = registrations;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith(PREFIX)) {
                String id = path.substring(PREFIX.length());
                try {
                    registrations.findByRegistrationId(id);
                } catch (RuntimeException e) {
                    log.warn("OpenID Connect provider {} cannot be reached: {}", id, e.toString());
                    response.sendRedirect(request.getContextPath() + "/login?oidcUnavailable");
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }

    /** Discovers each provider from its issuer when it is first needed, and again after a day. */
    static final class DiscoveredRegistrations implements ClientRegistrationRepository {

        private static final Logger log = LoggerFactory.getLogger(DiscoveredRegistrations.class);
        private static final Duration KEEP = Duration.ofDays(1);

        private record Discovered(ClientRegistration registration, Instant at) {
        }

        private final OidcProperties properties;
        private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

        DiscoveredRegistrations(OidcProperties properties) {
            this.properties = properties;
        }

        @Override
        public ClientRegistration findByRegistrationId(String id) {
            OidcProperties.Provider provider = properties.providers().get(id);
            if (provider == null) {
                return null;
            }
            Discovered d = discovered.get(id);
            if (d == null || d.at().plus(KEEP).isBefore(Instant.now())) {
                try {
                    d = new Discovered(discover(id, provider), Instant.now());
                    discovered.put(id, d);
                } catch (RuntimeException e) {
                    if (d == null) {
                        throw e;
                    }
                    log.warn("OpenID Connect provider {}: discovery at {} failed, keeping what was discovered before: {}",
                            id, provider.issuer(), e.toString());
                }
            }
            return d.registration();
        }

        private static ClientRegistration discover(String id, OidcProperties.Provider p) {
            ClientRegistration.Builder b = ClientRegistrations.fromIssuerLocation(p.issuer().strip())
                    .registrationId(id)
                    .clientId(p.clientId().strip())
                    .clientName(p.name().strip())
                    .scope("openid", "profile", "email")
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}");
            if (p.publicClient()) {
                b.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
            } else {
                b.clientSecret(p.clientSecret());
            }
            return b.build();
        }
    }

    /**
     * Keeps no access or refresh token: Gerai reads the ID token once to know who signed in and calls nothing at the
     * provider afterwards, so the (database-stored) session need not hold the provider's tokens.
     */
    static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

        @Override
        @SuppressWarnings("unchecked")
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String id, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal, HttpServletRequest request,
                                         HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String id, Authentication principal, HttpServletRequest request,
                                           HttpServletResponse response) {
        }
    }

    /** True when at least one provider is configured. */
    static final class Configured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind("gerai.oidc.providers", Bindable.mapOf(String.class, OidcProperties.Provider.class))
                    .map(m -> !m.isEmpty()).orElse(false);
        }
    }
}
