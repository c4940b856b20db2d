package id.gerai.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider settings bind from environment variables and a bad one stops start-up naming the setting. */
class OidcPropertiesTests {

    @Test
    void providersBindFromEnvironmentVariables() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("GERAI_OIDC_PROVIDERS_SSOKOTA_ISSUER", "https://sso.tangerangkota.go.id/realms/pegawai");
        env.put("GERAI_OIDC_PROVIDERS_SSOKOTA_CLIENT_ID", "gerai");
        env.put("GERAI_OIDC_PROVIDERS_SSOKOTA_CLIENT_SECRET", "rahasia");
        env.put("GERAI_OIDC_PROVIDERS_SSOKOTA_NAME", "SSO Kota Tangerang");
        env.put("GERAI_OIDC_PROVIDERS_SSOKOTA_AUDIENCE", "staff");
        OidcProperties p = bindEnv(env);
        assertThat(p.providers()).containsOnlyKeys("ssokota");
        OidcProperties.Provider sso = p.providers().get("ssokota");
        assertThat(sso.audience()).isEqualTo(OidcProperties.Audience.STAFF);
        assertThat(sso.trustEmail()).isFalse();
        assertThat(sso.publicClient()).isFalse();
        assertThat(sso.audience().admits(false)).isTrue();
        assertThat(sso.audience().admits(true)).isFalse();
    }

    @Test
    void noProviderIsTheDefault() {
        assertThat(bindEnv(Map.of()).configured()).isFalse();
    }

    @Test
    void aBadSettingIsRefusedNamingIt() {
        assertThat(refusal(Map.of("gerai.oidc.providers.sso.issuer", "http://sso.example.go.id", "gerai.oidc.providers.sso.client-id", "g",
                "gerai.oidc.providers.sso.name", "SSO", "gerai.oidc.providers.sso.audience", "both")))
                .contains("gerai.oidc.providers.sso.issuer").contains("GERAI_OIDC_PROVIDERS_SSO_ISSUER").contains("https");
        assertThat(refusal(Map.of("gerai.oidc.providers.sso.issuer", "https://sso.example.go.id",
                "gerai.oidc.providers.sso.name", "SSO", "gerai.oidc.providers.sso.audience", "both")))
                .contains("gerai.oidc.providers.sso.client-id").contains("required");
        assertThat(refusal(Map.of("gerai.oidc.providers.sso.issuer", "https://sso.example.go.id", "gerai.oidc.providers.sso.client-id", "g",
                "gerai.oidc.providers.sso.name", "SSO")))
                .contains("gerai.oidc.providers.sso.audience");
        assertThat(refusal(Map.of("gerai.oidc.providers.sso.issuer", "https://sso.example.go.id", "gerai.oidc.providers.sso.client-id", "g",
                "gerai.oidc.providers.sso.name", "SSO", "gerai.oidc.providers.sso.audience", "everyone")))
                .contains("gerai.oidc.providers.sso.audience");
        // loopback http is for development and tests
        assertThat(bind(Map.of("gerai.oidc.providers.dev.issuer", "http://127.0.0.1:8081", "gerai.oidc.providers.dev.client-id", "g",
                "gerai.oidc.providers.dev.name", "Dev", "gerai.oidc.providers.dev.audience", "citizens")).configured()).isTrue();
    }

    private static OidcProperties bindEnv(Map<String, Object> env) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        return Binder.get(environment).bindOrCreate("gerai.oidc", Bindable.of(OidcProperties.class));
    }

    private static OidcProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("gerai.oidc", Bindable.of(OidcProperties.class));
    }

    /** The message a person starting Gerai would read: the refusal and its causes. */
    private static String refusal(Map<String, String> properties) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> bind(properties));
        assertThat(t).isInstanceOf(BindException.class);
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }
}
