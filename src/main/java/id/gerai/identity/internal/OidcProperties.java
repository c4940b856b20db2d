package id.gerai.identity.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenID Connect providers people may sign in with, by a short id of the operator's choosing. With none (the
 * default) no OpenID Connect part is set up at all. Each provider is one block of settings, from the environment as
 * {@code GERAI_OIDC_PROVIDERS_<ID>_ISSUER} and so on (Spring's relaxed binding), or from a properties file as
 * {@code gerai.oidc.providers.<id>.issuer}.
 *
 * <p>A setting that is missing or malformed stops start-up with a message naming it: a sign-in button that only fails
 * when a citizen presses it is worse than a server that does not start.
 */
@ConfigurationProperties("gerai.oidc")
record OidcProperties(@DefaultValue Map<String, Provider> providers) {

    static final String PREFIX = "gerai.oidc.providers.";

    /** Who may sign in through a provider: a national identity for citizens, the regional SSO for staff, or both. */
    enum Audience {
        CITIZENS, STAFF, BOTH;

        boolean admits(boolean citizen) {
            return this == BOTH || (citizen ? this == CITIZENS : this == STAFF);
        }
    }

    /**
     * One provider.
     *
     * @param issuer       the issuer URL; its {@code /.well-known/openid-configuration} is read on first use. HTTPS,
     *                     except on a loopback address (development and tests)
     * @param clientId     the client id Gerai is registered under at the provider
     * @param clientSecret the client secret; empty for a public client (PKCE is used either way)
     * @param name         the label of the sign-in button ("Masuk dengan {name}")
     * @param audience     {@code citizens}, {@code staff} or {@code both}
     * @param trustEmail   whether the provider's {@code email_verified} claim is trusted enough to offer linking to the
     *                     citizen account with that address (after the Gerai password is confirmed once)
     */
    record Provider(String issuer, String clientId, String clientSecret, String name, Audience audience,
                    @DefaultValue("false") boolean trustEmail) {

        boolean publicClient() {
            return clientSecret == null || clientSecret.isBlank();
        }
    }

    OidcProperties {
        Map<String, Provider> checked = new LinkedHashMap<>();
        (providers == null ? Map.<String, Provider>of() : providers).forEach((id, p) -> {
            // no dashes or underscores: an environment variable could not say where the id ends
            if (!id.matches("[a-z0-9]{1,30}")) {
                throw new IllegalArgumentException(PREFIX + id + ": a provider id must be 1 to 30 lower-case letters or digits"
                        + " (GERAI_OIDC_PROVIDERS_<ID>_...), was '" + id + "'");
            }
            checkIssuer(id, p.issuer());
            required(id, "client-id", p.clientId());
            required(id, "name", p.name());
            if (p.name().strip().length() > 60) {
                throw new IllegalArgumentException(setting(id, "name") + " must be at most 60 characters");
            }
            if (p.audience() == null) {
                throw new IllegalArgumentException(setting(id, "audience") + " is required: citizens, staff or both");
            }
            checked.put(id, p);
        });
        providers = Map.copyOf(checked);
    }

    boolean configured() {
        return !providers.isEmpty();
    }

    private static void checkIssuer(String id, String issuer) {
        required(id, "issuer", issuer);
        URI uri;
        try {
            uri = new URI(issuer.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(setting(id, "issuer") + " is not a URL: " + issuer);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null
                || !(scheme.equals("https") || scheme.equals("http") && loopback(uri.getHost()))) {
            throw new IllegalArgumentException(setting(id, "issuer") + " must be an https URL without query or fragment"
                    + " (http only on a loopback address), was " + issuer);
        }
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    private static void required(String id, String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting(id, name) + " is required");
        }
    }

    private static String setting(String id, String name) {
        return PREFIX + id + "." + name + " (GERAI_OIDC_PROVIDERS_" + id.toUpperCase(Locale.ROOT) + "_"
                + name.toUpperCase(Locale.ROOT).replace('-', '_') + ")";
    }
}
