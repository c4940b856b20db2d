package id.gerai;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every user-visible text comes from the message bundles: each key exists in Bahasa Indonesia and in
 * English, every literal key a template uses exists, and templates carry no hard-coded text.
 */
class MessageBundleTests {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");

    @Test
    void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path id : bundles()) {
            Path en = id.resolveSibling(id.getFileName().toString().replace(".properties", "_en.properties"));
            assertThat(en).as("English bundle for " + id).exists();
            Properties idProps = load(id);
            Properties enProps = load(en);
            for (String k : idProps.stringPropertyNames()) {
                if (!enProps.containsKey(k)) {
                    problems.add(en + " lacks " + k);
                }
                if (idProps.getProperty(k).isBlank()) {
                    problems.add(id + " has an empty " + k);
                }
            }
            for (String k : enProps.stringPropertyNames()) {
                if (!idProps.containsKey(k)) {
                    problems.add(id + " lacks " + k);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyHasOneHome() throws IOException {
        java.util.Map<String, Path> seen = new java.util.HashMap<>();
        List<String> twice = new ArrayList<>();
        for (Path b : bundles()) {
            for (String k : load(b).stringPropertyNames()) {
                Path first = seen.putIfAbsent(k, b);
                if (first != null) {
                    twice.add(k + " in " + first.getFileName() + " and " + b.getFileName());
                }
            }
        }
        assertThat(twice).as("a key defined in two bundles: the first one silently wins").isEmpty();
    }

    @Test
    void everyLiteralKeyUsedInATemplateExists() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Path b : bundles()) {
            keys.addAll(load(b).stringPropertyNames());
        }
        Pattern literal = Pattern.compile("#\\{([a-zA-Z0-9._-]+)[}(]");
        List<String> missing = new ArrayList<>();
        for (Path t : templates()) {
            Matcher m = literal.matcher(Files.readString(t));
            while (m.find()) {
                if (!keys.contains(m.group(1))) {
                    missing.add(TEMPLATES.relativize(t) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path t : templates()) {
            for (String text : hardCodedText(Files.readString(t))) {
                found.add(TEMPLATES.relativize(t) + ": \"" + text + "\"");
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckFindsHardCodedText() {
        assertThat(hardCodedText("<p th:text=\"#{a}\">Isi contoh</p><p>Teks lepas</p><input placeholder=\"Cari\">"
                + "<th:block th:text=\"${x}\">Contoh</th:block><p th:if=\"${n > 0}\" th:text=\"#{b}\">12 loket</p>"
                + "<p th:if=\"${n > 0}\">Lepas juga</p>"))
                .containsExactlyInAnyOrder("Teks lepas", "placeholder=Cari", "Lepas juga");
    }

    /** Text outside elements whose content Thymeleaf replaces, and visible attributes without a th: twin. */
    static List<String> hardCodedText(String html) {
        String original = html.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<head>.*?</head>", "");
        String s = html.replaceAll("(?s)<!--.*?-->", "")
                .replaceAll("(?s)<script.*?</script>", "")
                .replaceAll("(?s)<style.*?</style>", "")
                .replaceAll("(?s)<head>.*?</head>", "");
        // the placeholder inside an element whose text Thymeleaf sets, or that a fragment replaces
        String attrs = "(?:[^>\"]|\"[^\"]*\")*";
        s = s.replaceAll("(?s)(<([a-zA-Z0-9:]+)\\b" + attrs + "\\sth:(?:u?text|replace|insert)=\"[^\"]*\"" + attrs + ">)[^<]*(</\\2>)", "$1$3");
        // attribute values may hold '>' (th:if="${a > 0}"): blank them before looking at text between tags
        s = s.replaceAll("=\"[^\"]*\"", "=\"\"");
        List<String> out = new ArrayList<>();
        Matcher text = Pattern.compile(">([^<]+)<").matcher(s);
        while (text.find()) {
            String t = text.group(1).strip();
            if (t.matches(".*\\p{L}.*")) {
                out.add(t);
            }
        }
        Matcher attr = Pattern.compile("\\s(aria-label|placeholder|alt|title)=\"([^\"]*)\"").matcher(original);
        while (attr.find()) {
            if (attr.group(2).matches(".*\\p{L}.*")) {
                out.add(attr.group(1) + "=" + attr.group(2));
            }
        }
        return out;
    }

    private static List<Path> bundles() throws IOException {
        List<Path> all = new ArrayList<>(List.of(RESOURCES.resolve("messages.properties")));
        try (Stream<Path> s = Files.list(RESOURCES.resolve("i18n"))) {
            s.filter(p -> p.toString().endsWith(".properties") && !p.toString().endsWith("_en.properties")).sorted().forEach(all::add);
        }
        return all;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> s = Files.walk(TEMPLATES)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(p); Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        return props;
    }
}
