package id.gerai.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Every text on the region pages comes from the bundles, in both languages. */
class RegionMessagesTests {

    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-z0-9.-]+)");
    private static final Pattern DYNAMIC_KEY = Pattern.compile("#\\{\\$\\{'([a-z0-9.-]+)'");
    private static final Pattern TEXT_BETWEEN_TAGS = Pattern.compile(">\\s*([^<>\\s][^<>]*?)\\s*<");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(load("i18n/region_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("i18n/region.properties").stringPropertyNames());
    }

    @Test
    void everyKeyTheTemplatesUseExists() throws IOException {
        Properties indonesian = load("i18n/region.properties");
        Properties english = load("i18n/region_en.properties");
        Properties shared = load("messages.properties");
        Set<String> used = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (String template : templates()) {
            collect(LITERAL_KEY.matcher(template), used);
            collect(DYNAMIC_KEY.matcher(template), prefixes);
        }
        assertThat(used).isNotEmpty();
        for (String key : used) {
            assertThat(indonesian.containsKey(key) || shared.containsKey(key)).as("id: " + key).isTrue();
            assertThat(english.containsKey(key) || shared.containsKey(key)).as("en: " + key).isTrue();
        }
        // Keys built at run time: region.kind.<RegionKind>, region.level.<RegionLevel>, region.children.<level>.
        assertThat(prefixes).containsExactlyInAnyOrder("region.kind.", "region.level.", "region.children.");
        for (var kind : id.gerai.region.RegionKind.values()) {
            assertThat(indonesian).containsKey("region.kind." + kind.name());
        }
        for (var level : id.gerai.region.RegionLevel.values()) {
            assertThat(indonesian).containsKey("region.level." + level.name());
        }
    }

    @Test
    void templatesHaveNoTextThatIsNotReplacedFromTheBundles() throws IOException {
        for (String template : templates()) {
            // Natural-template placeholders are fine inside elements that th:text replaces; anything
            // else between tags would be shown as is, in one language only.
            // The html element is replaced by the layout as a whole; look at what is inside it.
            String body = template.replaceAll("(?s)<html[^>]*>|</html>|<head>.*?</head>|<!--.*?-->", "");
            String stripped = body.replaceAll("(?s)<([a-z0-9:]+)[^>]*\\sth:(text|utext|replace|insert)=\"[^\"]*\"[^>]*>.*?</\\1>", "");
            Matcher m = TEXT_BETWEEN_TAGS.matcher(stripped);
            while (m.find()) {
                assertThat(m.group(1)).as("hard-coded text in a region template").isBlank();
            }
        }
    }

    private static void collect(Matcher m, Set<String> into) {
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static Set<String> templates() throws IOException {
        Set<String> all = new TreeSet<>();
        for (String name : new String[] {"search.html", "detail.html"}) {
            try (InputStream in = new ClassPathResource("templates/region/" + name).getInputStream()) {
                all.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return all;
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
