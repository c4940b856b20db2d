package id.gerai.catalog.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.gerai.catalog.ServiceDesign;
import id.gerai.platform.GeraiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Designs to and from JSON: compact for the database, pretty for an exported file, and read back strictly
 * enough that a broken file is refused with where it broke. Empty values are left out ({@code null}s), so
 * a design file holds only what was designed.
 */
@Component
class DesignJson {

    private final JsonMapper compact;
    private final JsonMapper pretty;

    DesignJson(JsonMapper json) {
        this.compact = json.rebuild()
                .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
        this.pretty = compact.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    String write(ServiceDesign design) {
        return compact.writeValueAsString(design);
    }

    String writePretty(ServiceDesign design) {
        return pretty.writeValueAsString(design) + "\n";
    }

    /** A design stored by this application (trusted). */
    ServiceDesign read(String json) {
        return compact.readValue(json, ServiceDesign.class);
    }

    /**
     * A design from outside: a file that is not JSON, not a JSON object, or not of {@value ServiceDesign#FORMAT}
     * is refused with {@code catalog-bad-json} (naming line and column) or {@code catalog-import-format}.
     */
    ServiceDesign parse(String json) {
        JsonNode node;
        try {
            node = compact.readTree(json == null ? "" : json);
        } catch (JacksonException e) {
            throw badJson(e);
        }
        if (node == null || !node.isObject()) {
            throw GeraiException.invalid("catalog-bad-json", 1, 1);
        }
        JsonNode format = node.get("format");
        if (format == null || !format.isString() || !ServiceDesign.FORMAT.equals(format.asString())) {
            throw GeraiException.invalid("catalog-import-format", ServiceDesign.FORMAT);
        }
        try {
            return compact.treeToValue(node, ServiceDesign.class);
        } catch (JacksonException e) {
            throw GeraiException.invalid("catalog-bad-design", path(e));
        }
    }

    /** The SHA-256 of the stored form, recorded in the audit log so it proves which design was published. */
    String digest(ServiceDesign design) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(write(design).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GeraiException badJson(JacksonException e) {
        TokenStreamLocation where = e.getLocation();
        int line = where == null ? 1 : Math.max(1, where.getLineNr());
        int column = where == null ? 1 : Math.max(1, where.getColumnNr());
        return GeraiException.invalid("catalog-bad-json", line, column);
    }

    /** The JSON path of a mapping error, e.g. {@code form.ui.nama.widget}, without the Java class names. */
    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
