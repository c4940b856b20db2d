package id.gerai.identity.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The configured OpenID Connect providers as pages need them; empty when none is configured. */
@Component
class OidcProviders {

    /** A sign-in button: {@code /oauth2/authorization/{id}} starts the provider's login. */
    record Button(String id, String name) {
    }

    private final OidcProperties properties;

    OidcProviders(OidcProperties properties) {
        this.properties = properties;
    }

    List<Button> buttons() {
        return properties.providers().entrySet().stream()
                .map(e -> new Button(e.getKey(), e.getValue().name().strip()))
                .sorted(java.util.Comparator.comparing(Button::name)).toList();
    }

    /** The provider of a sign-in that got this far: it was configured, or Spring Security would not have started it. */
    OidcProperties.Provider require(String id) {
        OidcProperties.Provider p = properties.providers().get(id);
        if (p == null) {
            throw new IllegalStateException("no OpenID Connect provider " + id);
        }
        return p;
    }

    /** The button label of the provider with this issuer, for the account page's list of links. */
    Optional<String> nameOfIssuer(String issuer) {
        return properties.providers().values().stream()
                .filter(p -> sameIssuer(p.issuer(), issuer)).map(p -> p.name().strip()).findFirst();
    }

    static boolean sameIssuer(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String issuer) {
        String s = issuer.strip();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
