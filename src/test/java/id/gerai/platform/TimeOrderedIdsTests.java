package id.gerai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTests {

    @Test
    void areVersion7WithTheRfcVariantAndCarryTheirMillisecond() {
        long at = 1_795_000_000_123L;
        UUID id = TimeOrderedIds.at(at);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at);
        // the text form sorts like the key: the millisecond is its first twelve hex digits
        assertThat(id.toString().replace("-", "").substring(0, 12)).isEqualTo(String.format("%012x", at));
    }

    @Test
    void laterMillisecondsSortAfterEarlierOnesAndNoneRepeat() {
        UUID earlier = TimeOrderedIds.at(1_795_000_000_000L);
        UUID later = TimeOrderedIds.at(1_795_000_000_001L);
        assertThat(earlier.toString()).isLessThan(later.toString());
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(TimeOrderedIds.next())).isTrue();
        }
        UUID now = TimeOrderedIds.next();
        assertThat(Math.abs((now.getMostSignificantBits() >>> 16) - System.currentTimeMillis())).isLessThan(60_000L);
    }
}
