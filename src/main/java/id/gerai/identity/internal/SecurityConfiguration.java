package id.gerai.identity.internal;

import id.gerai.platform.web.ProblemResponses;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.context.i18n.LocaleContextHolder;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Two filter chains. {@code /api/**} is stateless (HTTP Basic or a personal API token, no cookies, so no
 * CSRF to forge) and answers 401/403 as problem details. Pages use form login with a database-backed session
 * and CSRF tokens. Passwords on both go through the same throttled provider; API tokens through
 * {@link ApiTokenAuthenticationFilter}, which needs no throttle (a token cannot be guessed).
 *
 * <p>Authorization here is by URL and global role; tenant-scoped checks (which tenant, which agency)
 * are made where the tenant is known, with {@code CurrentUser.requireTenantRole}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder encoder,
                                                LoginThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager auth, MessageSource messages,
                            ApiTokenAuthenticator apiTokens) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(auth)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> problem(res, HttpStatus.UNAUTHORIZED,
                        e instanceof LockedException ? "locked" : "unauthorized", messages)))
                .addFilterBefore(new ApiTokenAuthenticationFilter(apiTokens, (req, res, e) -> invalidToken(res, messages),
                                (req, res, e) -> problem(res, HttpStatus.FORBIDDEN, "api-token-read-only", messages)),
                        BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(res, HttpStatus.UNAUTHORIZED, "unauthorized", messages))
                        .accessDeniedHandler((req, res, ex) -> problem(res, HttpStatus.FORBIDDEN, "forbidden", messages)))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/openapi/**", "/api/docs/**", "/api/docs").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/regions/**", "/api/tenants", "/api/tenants/*",
                                "/api/tenants/*/agencies", "/api/tenants/*/service-points", "/api/tenants/*/calendar",
                                "/api/tenants/*/calendar/deadline", "/api/tenants/*/services", "/api/tenants/*/services/**",
                                "/api/catalog/designs", "/api/documents/verify/*", "/api/3/**", "/api/open-data/**",
                                "/api/complaints/public", "/api/complaints/public/**", "/api/tenants/*/skm/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/tenants/*/queue/tickets/*", "/api/tenants/*/queue/points/*/slots",
                                "/api/tenants/*/queue/points/*/display").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/tenants/*/queue/points/*/tickets",
                                "/api/tenants/*/queue/points/*/check-in").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/accounts", "/api/password-reset", "/api/password-reset/confirm",
                                "/api/status", "/api/documents/verify", "/api/documents/verify/number", "/api/complaints",
                                "/api/complaints/track", "/api/complaints/track/attachments/*", "/api/3/action/**").permitAll()
                        .requestMatchers("/api/platform/**").hasRole("ADMIN_PLATFORM")
                        .anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager auth,
                              ObjectProvider<OidcConfiguration.OidcLogin> oidc) throws Exception {
        // OpenID Connect sign-in, when a provider is configured; its follow-up pages are open to the person it let in
        OidcConfiguration.OidcLogin oidcLogin = oidc.getIfAvailable();
        if (oidcLogin != null) {
            oidcLogin.configure(http);
            http.authorizeHttpRequests(a -> a.requestMatchers("/login/oidc", "/login/oidc/**").permitAll());
        }
        http.authenticationManager(oidcLogin == null ? auth : oidcLogin.withOidc(auth))
                .formLogin(f -> f.loginPage("/login").usernameParameter("login").passwordParameter("password")
                        .defaultSuccessUrl("/account", false).failureHandler(loginFailure()).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut").deleteCookies("GERAI_SESSION"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/regions", "/regions/**", "/services", "/services/**", "/t/**", "/register", "/login", "/forgot-password",
                                "/reset-password", "/account/closed", "/demo/mailbox", "/status", "/verify", "/verify/**", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico", "/error", "/complaints", "/complaints/**", "/skm", "/skm/**", "/open-data", "/open-data/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .requestMatchers("/platform/**").hasRole("ADMIN_PLATFORM")
                        .requestMatchers("/monitor/**").hasAnyRole("PEMANTAU", "ADMIN_PLATFORM")
                        .requestMatchers("/manage/**").hasAnyRole("STAFF", "ADMIN_PLATFORM")
                        .anyRequest().authenticated());
        return http.build();
    }

    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath()
                + (exception instanceof LockedException ? "/login?locked" : "/login?error"));
    }

    private static void problem(HttpServletResponse res, HttpStatus status, String code, MessageSource messages) throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"gerai\"");
        }
        ProblemResponses.write(res, status.value(), code, messages, LocaleContextHolder.getLocale());
    }

    /** A bearer token that was refused: unknown, revoked, expired, or its account cannot log in (all alike). */
    private static void invalidToken(HttpServletResponse res, MessageSource messages) throws IOException {
        res.setHeader("WWW-Authenticate", "Bearer realm=\"gerai\", error=\"invalid_token\"");
        ProblemResponses.write(res, HttpStatus.UNAUTHORIZED.value(), "unauthorized", messages, LocaleContextHolder.getLocale());
    }
}
