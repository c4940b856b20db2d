package id.gerai.notification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a plain-text body into text and links, so a page can show links as anchors without ever
 * printing the body unescaped: the template writes each segment with {@code th:text}, and only
 * {@code http} and {@code https} URLs become {@code href}s.
 */
final class BodyText {

    /** Text, or a link when {@code href} is set (then {@code text} is the same URL). */
    record Segment(String text, String href) {
        boolean link() {
            return href != null;
        }
    }

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);
    /** Punctuation that ends a sentence more often than a URL. */
    private static final String TRAILING = ".,;:!?)]}";

    private BodyText() {
    }

    static List<Segment> segments(String body) {
        List<Segment> segments = new ArrayList<>();
        if (body == null || body.isEmpty()) {
            return segments;
        }
        Matcher m = URL.matcher(body);
        int at = 0;
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING.indexOf(body.charAt(end - 1)) >= 0) {
                end--;
            }
            String url = body.substring(m.start(), end);
            if (!url.matches("(?i)https?://.+")) {
                continue;
            }
            if (m.start() > at) {
                segments.add(new Segment(body.substring(at, m.start()), null));
            }
            segments.add(new Segment(url, url));
            at = end;
        }
        if (at < body.length()) {
            segments.add(new Segment(body.substring(at), null));
        }
        return segments;
    }
}
