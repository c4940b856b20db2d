package id.gerai.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackingNumberTests {

    @Test
    void generatedNumbersAreCanonicalAndCheck() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String n = TrackingNumber.generate();
            assertThat(n).hasSize(9).matches("[0-9A-HJKMNP-TV-Y]{9}");
            assertThat(TrackingNumber.normalize(n)).isEqualTo(n);
            seen.add(n);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void everySingleWrongCharacterAndEveryNeighbourSwapIsCaught() {
        for (int i = 0; i < 500; i++) {
            String n = TrackingNumber.generate();
            for (int pos = 0; pos < n.length(); pos++) {
                for (char c : TrackingNumber.ALPHABET.toCharArray()) {
                    if (c == n.charAt(pos)) {
                        continue;
                    }
                    String typo = n.substring(0, pos) + c + n.substring(pos + 1);
                    assertThat(TrackingNumber.normalize(typo)).as("%s -> %s", n, typo).isNull();
                }
                if (pos + 1 < n.length() && n.charAt(pos) != n.charAt(pos + 1)) {
                    String swapped = n.substring(0, pos) + n.charAt(pos + 1) + n.charAt(pos) + n.substring(pos + 2);
                    assertThat(TrackingNumber.normalize(swapped)).as("%s -> %s", n, swapped).isNull();
                }
            }
        }
    }

    @Test
    void readsWhatPeopleTypeAndPrintsInGroupsOfThree() {
        String n = "K7M3Q9XD" + TrackingNumber.checkCharacter("K7M3Q9XD");
        String shown = TrackingNumber.display(n);
        assertThat(shown).matches("K7M-3Q9-XD.");
        assertThat(TrackingNumber.normalize(shown.toLowerCase())).isEqualTo(n);
        assertThat(TrackingNumber.normalize(" " + shown.replace("-", " ") + " ")).isEqualTo(n);
        String zero = "10000000" + TrackingNumber.checkCharacter("10000000");
        assertThat(TrackingNumber.normalize("IOOOOOOO" + zero.charAt(8))).isEqualTo(zero);
        assertThat(TrackingNumber.normalize("l0000000" + zero.charAt(8))).isEqualTo(zero);
        assertThat(TrackingNumber.normalize("K7M3Q9XD")).isNull();
        assertThat(TrackingNumber.normalize("K7M3Q9XDUU")).isNull();
        assertThat(TrackingNumber.normalize("Z7M3Q9XD" + n.charAt(8))).isNull();
        assertThat(TrackingNumber.normalize(null)).isNull();
    }
}
