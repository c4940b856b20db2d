package id.gerai.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.notification.internal.BodyText.Segment;
import org.junit.jupiter.api.Test;

class NotificationBodyTextTests {

    @Test
    void httpAndHttpsUrlsBecomeLinksWithoutTheSentencePunctuation() {
        assertThat(BodyText.segments("Buka https://gerai.example/a?b=1&c=2. Atau (http://x.example/y), selesai"))
                .containsExactly(
                        new Segment("Buka ", null),
                        new Segment("https://gerai.example/a?b=1&c=2", "https://gerai.example/a?b=1&c=2"),
                        new Segment(". Atau (", null),
                        new Segment("http://x.example/y", "http://x.example/y"),
                        new Segment("), selesai", null));
    }

    @Test
    void otherSchemesAndMarkupStayText() {
        assertThat(BodyText.segments("javascript:alert(1) <a href=\"https://evil.example\">x</a> ftp://f.example"))
                .allSatisfy(s -> assertThat(s.href() == null || s.href().equals("https://evil.example")).isTrue())
                .extracting(Segment::href).containsOnlyOnce("https://evil.example");
        assertThat(BodyText.segments("")).isEmpty();
        assertThat(BodyText.segments("tanpa tautan")).containsExactly(new Segment("tanpa tautan", null));
    }
}
