package id.gerai.notification.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP gateway that delivers text messages (SMS/WhatsApp): one POST per message. Checked when bound, so
 * a wrong setting stops start-up with a message naming it.
 *
 * @param url            where to POST ({@code GERAI_SMS_GATEWAY_URL}); blank turns text delivery off and
 *                       messages stay {@code PENDING}. It is never logged whole, since gateways often take
 *                       their key in the query string.
 * @param bodyTemplate   the request body with placeholders {@code {{to}}} (E.164 digits, e.g.
 *                       {@code 628123456789}), {@code {{text}}} and {@code {{id}}} (the outbox id, for a
 *                       gateway that drops repeats); values are escaped for the content type
 * @param contentType    {@code application/json} (or another {@code +json} type): values are JSON-escaped and
 *                       the filled-in template must be valid JSON; {@code application/x-www-form-urlencoded}:
 *                       values are form-encoded. Nothing else, since nothing else can be escaped safely.
 * @param headers        extra request headers, e.g. {@code Authorization}; put secrets in them from the
 *                       environment ({@code GERAI_NOTIFICATION_GATEWAY_HEADERS_AUTHORIZATION}). Never logged.
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for the answer; with {@code batch-size} it bounds how long a batch
 *                       takes, which must stay under half of {@code gerai.notification.lease}
 */
@ConfigurationProperties("gerai.notification.gateway")
record GatewaySettings(
        String url,
        @DefaultValue(DEFAULT_TEMPLATE) String bodyTemplate,
        @DefaultValue("application/json") String contentType,
        Map<String, String> headers,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("20s") Duration requestTimeout) {

    static final String DEFAULT_TEMPLATE = "{\"to\":\"{{to}}\",\"text\":\"{{text}}\"}";

    /** How placeholder values are escaped. */
    enum Encoding { JSON, FORM }

    GatewaySettings {
        url = url == null || url.isBlank() ? null : url.strip();
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (url != null) {
            uri(url);
            encoding(contentType);
            GatewayBody.of(bodyTemplate, encoding(contentType));
            for (var h : headers.entrySet()) {
                if (h.getKey().equalsIgnoreCase("content-type")) {
                    throw invalid("headers", "set the content type with gerai.notification.gateway.content-type");
                }
                if (h.getValue() == null || h.getValue().chars().anyMatch(c -> c == '\r' || c == '\n')) {
                    throw invalid("headers." + h.getKey(), "a header value must be one line");
                }
            }
            positive("connect-timeout", connectTimeout);
            positive("request-timeout", requestTimeout);
        }
    }

    /** Whether text messages are delivered at all. */
    boolean enabled() {
        return url != null;
    }

    URI endpoint() {
        return url == null ? null : uri(url);
    }

    Encoding encoding() {
        return encoding(contentType);
    }

    /** Scheme, host and port only: the path or query may hold a key. */
    String safeUrl() {
        URI u = endpoint();
        return u == null ? "(none)" : u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }

    @Override
    public String toString() {
        return "GatewaySettings[url=" + safeUrl() + ", contentType=" + contentType + ", headers="
                + headers.keySet().stream().sorted().collect(Collectors.joining(",", "[", "]")) + " (values hidden)"
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
    }

    private static URI uri(String url) {
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw invalid("url", "not a URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
            throw invalid("url", "must be an absolute http:// or https:// URL");
        }
        return u;
    }

    private static Encoding encoding(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"))) {
            return Encoding.JSON;
        }
        if (type.equals("application/x-www-form-urlencoded")) {
            return Encoding.FORM;
        }
        throw invalid("content-type", "must be application/json (or a +json type) or application/x-www-form-urlencoded, was '"
                + contentType + "'");
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw invalid(name, "must be a positive duration");
        }
    }

    static IllegalArgumentException invalid(String setting, String why) {
        return new IllegalArgumentException("gerai.notification.gateway." + setting + ": " + why);
    }
}
