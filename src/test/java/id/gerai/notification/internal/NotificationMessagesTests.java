package id.gerai.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.notification.OutboxMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Both languages carry the same keys, every key the template uses exists, and it has no bare text. */
class NotificationMessagesTests {

    @Test
    void indonesianAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("i18n/notification_en.properties").stringPropertyNames())
                .isEqualTo(load("i18n/notification.properties").stringPropertyNames());
        assertThat(load("i18n/notification.properties").stringPropertyNames()).isNotEmpty();
    }

    @Test
    void everyKeyTheMailboxUsesExistsAndStatusesAreAllNamed() throws IOException {
        String template = resource("templates/notification/mailbox.html");
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("#\\{(notification\\.[a-z.\\-]+)").matcher(template);
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).isNotEmpty();
        Properties indonesian = load("i18n/notification.properties");
        for (String key : used) {
            if (!key.endsWith(".")) {
                assertThat(indonesian).as(key).containsKey(key);
            }
        }
        for (var status : OutboxMessage.Status.values()) {
            assertThat(indonesian).containsKey("notification.status." + status.name());
        }
    }

    @Test
    void theMailboxHasNoTextOutsideMessageKeys() throws IOException {
        String template = resource("templates/notification/mailbox.html");
        // every element whose text a person reads gets it from th:text; the static text is only a preview
        Matcher m = Pattern.compile("<(h1|h2|p|label|button|a|strong|span|summary|option|title)\\b([^>]*)>\\s*[^<\\s]")
                .matcher(template);
        while (m.find()) {
            assertThat(m.group(2)).as("<%s%s>", m.group(1), m.group(2)).contains("th:text");
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = NotificationMessagesTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = NotificationMessagesTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
