package id.gerai.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.platform.Masking;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The gateway's settings are checked at start-up; numbers are normalised and masked. No database. */
class NotificationGatewaySettingsTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GatewaySettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void defaultsToAJsonBodyAndStaysOffWithoutAUrl() {
        context.withPropertyValues("gerai.notification.gateway.url=").run(c -> {
            GatewaySettings s = c.getBean(GatewaySettings.class);
            assertThat(s.enabled()).isFalse();
            assertThat(s.bodyTemplate()).isEqualTo("{\"to\":\"{{to}}\",\"text\":\"{{text}}\"}");
            assertThat(s.encoding()).isEqualTo(GatewaySettings.Encoding.JSON);
            assertThat(s.headers()).isEmpty();
        });
        context.withPropertyValues("gerai.notification.gateway.url=https://sms.example.id/v1/send?key=abc",
                "gerai.notification.gateway.headers.Authorization=Bearer xyz").run(c -> {
            GatewaySettings s = c.getBean(GatewaySettings.class);
            assertThat(s.enabled()).isTrue();
            assertThat(s.headers()).containsEntry("Authorization", "Bearer xyz");
            assertThat(s.safeUrl()).isEqualTo("https://sms.example.id");
            assertThat(s.toString()).doesNotContain("key=abc", "Bearer xyz");
        });
    }

    @Test
    void aWrongSettingStopsStartUpNamingIt() {
        Map<String, String> wrong = Map.of(
                "url=ftp://sms.example.id/", "gerai.notification.gateway.url",
                "url=/relative", "gerai.notification.gateway.url",
                "content-type=text/plain", "gerai.notification.gateway.content-type",
                "body-template={\"to\":\"{{to}}\"}", "gerai.notification.gateway.body-template",
                "body-template={\"to\":\"{{to}}\",\"text\":{{text}}}", "gerai.notification.gateway.body-template",
                "body-template={\"to\":\"{{to}}\",\"text\":\"{{txt}}{{text}}\"}", "gerai.notification.gateway.body-template",
                "headers.Content-Type=text/plain", "gerai.notification.gateway.headers",
                "request-timeout=0s", "gerai.notification.gateway.request-timeout");
        wrong.forEach((setting, named) -> context
                .withPropertyValues("gerai.notification.gateway.url=http://127.0.0.1:9/kirim", "gerai.notification.gateway." + setting)
                .run(c -> assertThat(c).as(setting).hasFailed()
                        .getFailure().rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining(named)));
    }

    @Test
    void aTemplateWithUnquotedPlaceholdersIsFineForForms() {
        context.withPropertyValues("gerai.notification.gateway.url=http://127.0.0.1:9/kirim",
                        "gerai.notification.gateway.content-type=application/x-www-form-urlencoded",
                        "gerai.notification.gateway.body-template=to={{to}}&msg={{text}}")
                .run(c -> assertThat(c.getBean(GatewaySettings.class).encoding()).isEqualTo(GatewaySettings.Encoding.FORM));
    }

    @Test
    void jsonValuesAreEscapedSoTheyStayInsideTheirString() {
        assertThat(GatewayBody.json("a\"b\\c\nd\re\tf\u0001g\u2028h ✓")).isEqualTo("a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u2028h ✓");
        GatewayBody body = GatewayBody.of("{\"to\":\"+{{to}}\",\"text\":\"{{text}}\",\"ref\":\"{{ id }}\"}", GatewaySettings.Encoding.JSON);
        assertThat(body.render(Map.of("to", "628123456789", "text", "{{to}}\"}", "id", "x")))
                .isEqualTo("{\"to\":\"+628123456789\",\"text\":\"{{to}}\\\"}\",\"ref\":\"x\"}");
    }

    @Test
    void normalisesIndonesianMobileNumbersAndMasksThem() {
        assertThat(PhoneNumbers.e164("0812-3456-7890")).contains("6281234567890");
        assertThat(PhoneNumbers.e164(" +62 812 3456 789 ")).contains("628123456789");
        assertThat(PhoneNumbers.e164("(0812) 3456.7890")).contains("6281234567890");
        assertThat(PhoneNumbers.e164("6281234567")).contains("6281234567");
        assertThat(PhoneNumbers.e164("08112345")).isEmpty(); // too short: 8, then at least 7 digits
        assertThat(PhoneNumbers.e164("0218765432")).isEmpty();
        assertThat(PhoneNumbers.e164("+6208123456789")).isEmpty();
        assertThat(Masking.phone("628123456789")).isEqualTo("62812****789");
        assertThat(Masking.phone("6281234567890")).isEqualTo("62812*****890");
        assertThat(Masking.phone("0812")).isEqualTo("****");
    }
}
