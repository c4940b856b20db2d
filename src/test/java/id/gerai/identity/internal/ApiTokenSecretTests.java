package id.gerai.identity.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token's shape and hash, and the settings that are refused at start-up. */
class ApiTokenSecretTests {

    @Test
    void aTokenIsGeraiAndFortyRandomLettersAndDigits() {
        Set<String> seen = new HashSet<>();
        Set<Character> chars = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String token = ApiTokenSecret.generate();
            assertThat(token).matches("gerai_[0-9A-Za-z]{40}");
            assertThat(ApiTokenSecret.wellFormed(token)).isTrue();
            assertThat(seen.add(token)).isTrue();
            token.substring(6).chars().forEach(c -> chars.add((char) c));
        }
        assertThat(chars).hasSize(62); // the whole alphabet is used, so 40 characters carry 238 bits
    }

    @Test
    void thePrefixIsTheFirstEightRandomCharacters() {
        assertThat(ApiTokenSecret.prefix("gerai_Ab12Cd34" + "x".repeat(32))).isEqualTo("Ab12Cd34");
    }

    @Test
    void theHashIsTheSha256OfTheWholeTokenInLowerCaseHex() {
        // echo -n gerai_0000000000000000000000000000000000000000 | sha256sum
        assertThat(ApiTokenSecret.hash("gerai_" + "0".repeat(40)))
                .isEqualTo("7a59e872e3641b16b43edc9ff48b57368a9318ccecf55f84fa9b6fe13896dbe5");
    }

    @Test
    void malformedValuesAreRefusedWithoutALookup() {
        assertThat(ApiTokenSecret.wellFormed(null)).isFalse();
        assertThat(ApiTokenSecret.wellFormed("")).isFalse();
        assertThat(ApiTokenSecret.wellFormed("gerai_" + "a".repeat(39))).isFalse();
        assertThat(ApiTokenSecret.wellFormed("gerai_" + "a".repeat(41))).isFalse();
        assertThat(ApiTokenSecret.wellFormed("Gerai_" + "a".repeat(40))).isFalse();
        assertThat(ApiTokenSecret.wellFormed("gerai_" + "a".repeat(39) + "-")).isFalse();
        assertThat(ApiTokenSecret.wellFormed("gerai_" + "a".repeat(39) + "é")).isFalse();
    }

    @Test
    void badSettingsStopTheStartWithTheirName() {
        assertThatThrownBy(() -> properties(Duration.ofDays(90), Duration.ofDays(400), Duration.ofSeconds(30)))
                .hasMessageContaining("gerai.identity.api-tokens.max-validity");
        assertThatThrownBy(() -> properties(Duration.ofDays(200), Duration.ofDays(100), Duration.ofSeconds(30)))
                .hasMessageContaining("gerai.identity.api-tokens.default-validity");
        assertThatThrownBy(() -> properties(Duration.ofDays(90), Duration.ofDays(365), Duration.ofMinutes(10)))
                .hasMessageContaining("gerai.identity.api-tokens.cache-ttl");
        assertThatThrownBy(() -> new ApiTokenProperties(Duration.ofDays(90), Duration.ofDays(365), Duration.ofSeconds(30), 0,
                Duration.ofMinutes(1), 100)).hasMessageContaining("gerai.identity.api-tokens.cache-size");
        assertThat(properties(Duration.ofDays(90), Duration.ofDays(365), Duration.ofSeconds(30)).cacheTtl()).hasSeconds(30);
    }

    private static ApiTokenProperties properties(Duration defaultValidity, Duration maxValidity, Duration ttl) {
        return new ApiTokenProperties(defaultValidity, maxValidity, ttl, 10_000, Duration.ofMinutes(1), 100);
    }
}
