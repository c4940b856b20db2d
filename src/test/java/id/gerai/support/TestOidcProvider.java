package id.gerai.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * A real, small OpenID Connect provider for tests, on the JDK's HTTP server at a random loopback port: discovery, JWKS,
 * an authorization endpoint with a login page, and a token endpoint that checks the client secret, the redirect URI and
 * the PKCE verifier, and answers an ID token signed RS256 with its own key. {@link #mode} makes it misbehave (an
 * unsigned, a tampered, or a foreign-key token) so tests can prove Gerai refuses those.
 *
 * <p>One provider serves the whole test run ({@link #shared()}); {@link Configured} points the application at it as
 * two providers on the same issuer: {@code testsso} (citizens and staff, e-mail trusted) and {@code nasional} (citizens
 * only, e-mail not trusted). Tests that use it share one application context of their own.
 */
public final class TestOidcProvider {

    public static final String CLIENT_ID = "gerai-uji";
    public static final String CLIENT_SECRET = "rahasia-klien-uji-123";
    public static final String NAME = "SSO Uji";

    /** How the next ID tokens are made. */
    public enum Mode { SIGNED, UNSIGNED, TAMPERED, FOREIGN_KEY }

    /** A person at the provider: signs in on its page with {@code subject} as the user name. */
    public record User(String subject, String name, String email, boolean emailVerified) {
    }

    private record Grant(User user, String clientId, String redirectUri, String nonce, String challenge) {
    }

    private static TestOidcProvider shared;

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey foreignKey;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private volatile Mode mode = Mode.SIGNED;

    private TestOidcProvider() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("uji-1").generate();
        foreignKey = new RSAKeyGenerator(2048).keyID("uji-1").generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", ex -> send(ex, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    public static synchronized TestOidcProvider shared() {
        if (shared == null) {
            try {
                shared = new TestOidcProvider();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new person at the provider, with a random subject. */
    public User newUser(String name, String email, boolean emailVerified) {
        User u = new User("sub-" + UUID.randomUUID(), name, email, emailVerified);
        users.put(u.subject(), u);
        return u;
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /**
     * What the login page does when {@code user} signs in: takes Gerai's authorization request (the URL Gerai redirected
     * the browser to) and answers the URL the provider sends the browser back to, with a code and the state.
     */
    public String signIn(User user, String authorizationRequestUrl) {
        Map<String, String> q = query(URI.create(authorizationRequestUrl).getRawQuery());
        return codeRedirect(user, q);
    }

    private String codeRedirect(User user, Map<String, String> q) {
        if (!CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))
                || !"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null
                || q.get("state") == null || q.get("nonce") == null || !q.getOrDefault("scope", "").contains("openid")) {
            throw new IllegalArgumentException("not a PKCE authorization request with state and nonce: " + q);
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(user, q.get("client_id"), q.get("redirect_uri"), q.get("nonce"), q.get("code_challenge")));
        return q.get("redirect_uri") + "?code=" + enc(code) + "&state=" + enc(q.get("state"));
    }

    private void discovery(HttpExchange ex) throws IOException {
        String i = issuer();
        send(ex, 200, "application/json", """
                {"issuer":"%s","authorization_endpoint":"%s/authorize","token_endpoint":"%s/token","jwks_uri":"%s/jwks",
                 "response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"],
                 "scopes_supported":["openid","profile","email"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic"]}""".formatted(i, i, i, i));
    }

    /** GET: the login page (a user name field); POST: the person signed in, back to Gerai with a code. */
    private void authorize(HttpExchange ex) throws IOException {
        if ("POST".equals(ex.getRequestMethod())) {
            Map<String, String> form = query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            User user = users.get(form.getOrDefault("username", ""));
            if (user == null) {
                send(ex, 403, "text/plain", "unknown user");
                return;
            }
            ex.getResponseHeaders().add("Location", codeRedirect(user, query(form.get("request"))));
            ex.sendResponseHeaders(302, -1);
            ex.close();
            return;
        }
        String request = HtmlUtils.htmlEscape(ex.getRequestURI().getRawQuery());
        send(ex, 200, "text/html; charset=utf-8", """
                <!DOCTYPE html><html lang="en"><head><title>SSO Uji</title></head><body><main>
                <h1>SSO Uji</h1><form method="post" action="/authorize">
                <input type="hidden" name="request" value="%s">
                <label for="username">User name</label><input id="username" name="username">
                <button type="submit" id="provider-sign-in">Sign in</button></form></main></body></html>""".formatted(request));
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> form = query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (enc(CLIENT_ID) + ":" + enc(CLIENT_SECRET)).getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        if (grant == null || !"authorization_code".equals(form.get("grant_type"))
                || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !grant.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
            send(ex, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        try {
            send(ex, 200, "application/json", """
                    {"access_token":"%s","token_type":"Bearer","expires_in":300,"scope":"openid profile email","id_token":"%s"}"""
                    .formatted(UUID.randomUUID(), idToken(grant)));
        } catch (Exception e) {
            send(ex, 500, "text/plain", e.toString());
        }
    }

    private String idToken(Grant grant) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer()).subject(grant.user().subject())
                .audience(List.of(grant.clientId())).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", grant.nonce()).claim("name", grant.user().name());
        if (grant.user().email() != null) {
            claims.claim("email", grant.user().email()).claim("email_verified", grant.user().emailVerified());
        }
        JWTClaimsSet set = claims.build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        return switch (mode) {
            case UNSIGNED -> new PlainJWT(set).serialize();
            case FOREIGN_KEY -> sign(header, set, foreignKey);
            case TAMPERED -> {
                String[] parts = sign(header, set, key).split("\\.");
                // someone else's subject in the payload, the genuine signature of the original kept
                Map<String, Object> changed = new LinkedHashMap<>(set.toJSONObject());
                changed.put("sub", "someone-else");
                String payload = Base64URL.encode(JWTClaimsSet.parse(changed).toString()).toString();
                yield parts[0] + "." + payload + "." + parts[2];
            }
            case SIGNED -> sign(header, set, key);
        };
    }

    private static String sign(JWSHeader header, JWTClaimsSet set, RSAKey with) throws Exception {
        SignedJWT jwt = new SignedJWT(header, set);
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return q;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    /** Points the application at the shared provider; use with {@code @ContextConfiguration(initializers = ...)}. */
    public static final class Configured implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        /** A loopback port nothing listens on (taken and closed at once). */
        private static int closedPort() {
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String issuer = shared().issuer();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("gerai.oidc.providers.testsso.issuer", issuer);
            p.put("gerai.oidc.providers.testsso.client-id", CLIENT_ID);
            p.put("gerai.oidc.providers.testsso.client-secret", CLIENT_SECRET);
            p.put("gerai.oidc.providers.testsso.name", NAME);
            p.put("gerai.oidc.providers.testsso.audience", "both");
            p.put("gerai.oidc.providers.testsso.trust-email", "true");
            p.put("gerai.oidc.providers.nasional.issuer", issuer);
            p.put("gerai.oidc.providers.nasional.client-id", CLIENT_ID);
            p.put("gerai.oidc.providers.nasional.client-secret", CLIENT_SECRET);
            p.put("gerai.oidc.providers.nasional.name", "Identitas Nasional Uji");
            p.put("gerai.oidc.providers.nasional.audience", "citizens");
            // a provider that is down: nothing listens on its port
            p.put("gerai.oidc.providers.mati.issuer", "http://127.0.0.1:" + closedPort() + "/");
            p.put("gerai.oidc.providers.mati.client-id", CLIENT_ID);
            p.put("gerai.oidc.providers.mati.name", "SSO Mati");
            p.put("gerai.oidc.providers.mati.audience", "both");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-oidc-provider", p));
        }
    }
}
