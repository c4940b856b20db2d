package id.gerai.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.audit.VerificationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every text of the audit pages comes from the bundles, and both languages have every key. */
class AuditMessagesTests {

    private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9_.-]*)");
    /** An element whose own text is written in the template instead of coming from th:text. */
    private static final Pattern LITERAL_TEXT = Pattern.compile("<(\\w+)([^<>]*)>([^<>]*\\S[^<>]*)</\\1>");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Properties id = load("i18n/audit.properties");
        Properties en = load("i18n/audit_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(id.stringPropertyNames());
        assertThat(id.stringPropertyNames()).allMatch(k -> k.startsWith("audit."));
        for (VerificationResult.Kind kind : VerificationResult.Kind.values()) {
            assertThat(id).containsKey("audit.problem." + kind.name());
        }
        id.forEach((k, v) -> assertThat((String) v).as(k.toString()).isNotBlank().doesNotContain("'"));
        en.forEach((k, v) -> assertThat((String) v).as(k.toString()).isNotBlank().doesNotContain("'"));
    }

    @Test
    void templatesUseOnlyKnownKeysAndNoWrittenText() throws IOException {
        Properties known = load("i18n/audit.properties");
        known.putAll(load("messages.properties"));
        Properties knownEn = load("i18n/audit_en.properties");
        knownEn.putAll(load("messages_en.properties"));
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath:templates/audit/*.html");
        assertThat(templates).isNotEmpty();
        for (Resource template : templates) {
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            Set<String> keys = new TreeSet<>();
            Matcher m = KEY.matcher(html);
            while (m.find()) {
                keys.add(m.group(1));
            }
            assertThat(keys).as(template.getFilename()).isNotEmpty();
            assertThat(known.stringPropertyNames()).as(template.getFilename()).containsAll(keys);
            assertThat(knownEn.stringPropertyNames()).as(template.getFilename()).containsAll(keys);

            List<String> written = new ArrayList<>();
            Matcher t = LITERAL_TEXT.matcher(html);
            while (t.find()) {
                String attributes = t.group(2);
                if (!attributes.contains("th:text") && !attributes.contains("th:utext")) {
                    written.add(t.group());
                }
            }
            assertThat(written).as("text written in " + template.getFilename()).isEmpty();
        }
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AuditMessagesTests.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
