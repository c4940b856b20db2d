package id.gerai.notification.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the gateway's body template. Placeholders are replaced in one pass, so a text that itself contains
 * {@code {{to}}} stays text, and every value is escaped for the content type: a quote or a line break in a
 * message can neither break the JSON nor add a form field.
 */
final class GatewayBody {

    static final Set<String> PLACEHOLDERS = Set.of("to", "text", "id");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

    private final String template;
    private final GatewaySettings.Encoding encoding;

    private GatewayBody(String template, GatewaySettings.Encoding encoding) {
        this.template = template;
        this.encoding = encoding;
    }

    /**
     * A checked template: it names {@code {{to}}} and {@code {{text}}}, no unknown placeholder, and for JSON
     * it is valid JSON once filled in (so a placeholder outside quotes is caught at start-up, not per message).
     */
    static GatewayBody of(String template, GatewaySettings.Encoding encoding) {
        if (template == null || template.isBlank()) {
            throw GatewaySettings.invalid("body-template", "is blank");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        boolean to = false;
        boolean text = false;
        while (m.find()) {
            String name = m.group(1);
            if (!PLACEHOLDERS.contains(name)) {
                throw GatewaySettings.invalid("body-template", "unknown placeholder {{" + name + "}}; known are {{to}}, {{text}}, {{id}}");
            }
            to |= name.equals("to");
            text |= name.equals("text");
        }
        if (!to || !text) {
            throw GatewaySettings.invalid("body-template", "must contain {{to}} and {{text}}");
        }
        GatewayBody body = new GatewayBody(template, encoding);
        if (encoding == GatewaySettings.Encoding.JSON) {
            String sample = body.render(Map.of("to", "628123456789", "text", "Halo \"Budi\",\nkode: 1234 \\ {{to}}",
                    "id", "00000000-0000-0000-0000-000000000000"));
            try {
                JsonMapper.shared().readTree(sample);
            } catch (JacksonException e) {
                throw GatewaySettings.invalid("body-template", "is not valid JSON once filled in; put each placeholder inside quotes");
            }
        }
        return body;
    }

    String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(escape(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String escape(String value) {
        return switch (encoding) {
            case JSON -> json(value);
            case FORM -> URLEncoder.encode(value, StandardCharsets.UTF_8);
        };
    }

    /** The inside of a JSON string (RFC 8259): quote, backslash and control characters escaped. */
    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    // U+2028/2029 are valid JSON but end a line in JavaScript, where some gateways evaluate it
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
