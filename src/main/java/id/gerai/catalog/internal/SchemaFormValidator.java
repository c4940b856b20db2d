package id.gerai.catalog.internal;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import id.gerai.catalog.FormFields;
import id.gerai.catalog.FormProblem;
import id.gerai.catalog.FormValidation;
import id.gerai.catalog.FormValidator;
import id.gerai.catalog.ServiceDesign;
import id.gerai.platform.GeraiException;
import id.gerai.identity.NikValidator;
import id.gerai.region.RegionApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link FormValidator} on networknt's json-schema-validator (Draft 2020-12, format assertions on), with
 * Gerai's formats added to the dialect. The library's English messages are not used: each error is mapped
 * to a message key of ours, so both languages say the same thing.
 *
 * <p>Schema loading is closed to the network: only the JSON Schema meta-schemas shipped inside the library
 * resolve, so a design with a {@code $ref} to some URL cannot make the server fetch it.
 */
@Component
class SchemaFormValidator implements FormValidator {

    static final String META_SCHEMA = FormFields.DIALECT;
    private static final int CACHE_LIMIT = 500;
    private static final String REGION_VILLAGE = "catalog.form.error.region-village";
    private static final String REGION_UNKNOWN = "catalog.form.error.format.region-code";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^(\\+62|62|0)[2-9]\\d{6,11}$");
    /** Formats a Gerai form may use; any other is a design error (see {@link #knownFormat}). */
    static final Set<String> FORMATS = Set.of(FormFields.FORMAT_NIK, FormFields.FORMAT_REGION, FormFields.FORMAT_PHONE,
            FormFields.FORMAT_EMAIL, FormFields.FORMAT_DATE);

    private final Function<String, List<String>> nikErrors;
    private final Predicate<String> regionExists;
    private final JsonMapper json;
    private final SchemaRegistry registry;
    /** Compiled schemas by the schema itself (map equality): every filing validates, and compiling is dear. */
    private final Map<Map<String, Object>, Schema> cache = new ConcurrentHashMap<>();

    @Autowired
    SchemaFormValidator(NikValidator niks, RegionApi regions, JsonMapper json) {
        this(raw -> niks.check(raw).errors(), code -> regions.find(code).isPresent(), json);
    }

    /**
     * @param nikErrors    the error keys (suffixes of {@code nik.}) of a NIK, empty when it is valid
     * @param regionExists whether a code names a current region
     */
    SchemaFormValidator(Function<String, List<String>> nikErrors, Predicate<String> regionExists, JsonMapper json) {
        this.nikErrors = nikErrors;
        this.regionExists = regionExists;
        this.json = json;
        Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                .format(new StringFormat(FormFields.FORMAT_NIK, v -> nikErrors.apply(v).isEmpty()))
                .format(new StringFormat(FormFields.FORMAT_REGION, v -> v.length() <= 13 && regionExists.test(v)))
                .format(new StringFormat(FormFields.FORMAT_PHONE, v -> PHONE.matcher(v.replaceAll("[\\s-]", "")).matches()))
                .format(new StringFormat(FormFields.FORMAT_EMAIL, v -> v.length() <= 254 && EMAIL.matcher(v).matches()))
                .build();
        this.registry = SchemaRegistry.withDialect(dialect, b -> b
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .pathType(PathType.JSON_POINTER)
                        .build())
                .schemaLoader(l -> l.fetchRemoteResources(false)
                        .block(iri -> !iri.toString().startsWith("https://json-schema.org/"))));
    }

    @Override
    public FormValidation validate(ServiceDesign.Form form, Object data) {
        return validate(form.schema(), data);
    }

    @Override
    public FormValidation validate(Map<String, Object> schemaMap, Object data) {
        Schema schema;
        try {
            schema = compile(schemaMap);
        } catch (SchemaException | IllegalArgumentException e) {
            // only a draft can hold such a schema: publishing checks it
            throw GeraiException.invalid("catalog-form-schema-invalid");
        }
        JsonNode node = data instanceof JsonNode n ? n : json.valueToTree(data);
        Map<String, FormProblem> byPath = new LinkedHashMap<>();
        for (Error e : schema.validate(node)) {
            FormProblem p = problem(e);
            FormProblem earlier = byPath.get(p.path());
            // a code that is not of a village says more than "unknown region": "choose down to the village"
            if (earlier == null || p.code().equals(REGION_VILLAGE) && earlier.code().equals(REGION_UNKNOWN)) {
                byPath.put(p.path(), p);
            }
        }
        return new FormValidation(new ArrayList<>(byPath.values()));
    }

    /**
     * Problems that make {@code schemaMap} unusable as a form schema: it does not conform to the 2020-12
     * meta-schema, or it cannot be compiled. Each is a short location in the schema, e.g. {@code /properties/nama/type}.
     */
    List<String> schemaProblems(Map<String, Object> schemaMap) {
        JsonNode node = json.valueToTree(schemaMap);
        Set<String> problems = new LinkedHashSet<>();
        Schema meta = registry.getSchema(SchemaLocation.of(META_SCHEMA));
        for (Error e : meta.validate(node)) {
            problems.add(location(e.getInstanceLocation()));
        }
        if (problems.isEmpty()) {
            try {
                compile(schemaMap);
            } catch (SchemaException | IllegalArgumentException e) {
                problems.add("/");
            }
        }
        return List.copyOf(problems);
    }

    static boolean knownFormat(String format) {
        return FORMATS.contains(format);
    }

    private Schema compile(Map<String, Object> schemaMap) {
        if (schemaMap == null) {
            throw new IllegalArgumentException("no schema");
        }
        // looked up by the caller's map (a hash and an equality walk, no serializing); kept under a copy of its own,
        // which no caller can change afterwards
        Schema cached = cache.get(schemaMap);
        if (cached != null) {
            return cached;
        }
        String text = json.writeValueAsString(schemaMap);
        Schema schema = registry.getSchema(json.readTree(text));
        schema.initializeValidators();
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> key = json.readValue(text, Map.class);
        cache.put(key, schema);
        return schema;
    }

    /** Our message key and arguments for one error of the library. */
    private FormProblem problem(Error e) {
        String path = path(e.getInstanceLocation());
        Object[] args = e.getArguments() == null ? new Object[0] : e.getArguments();
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        String k = "catalog.form.error.";
        return switch (keyword) {
            case "required" -> new FormProblem(child(path, e.getProperty() != null ? e.getProperty() : arg(args, 0)), k + "required", List.of());
            case "additionalProperties", "unevaluatedProperties" ->
                    new FormProblem(child(path, e.getProperty() != null ? e.getProperty() : arg(args, 0)), k + "unknown-field", List.of());
            case "type" -> new FormProblem(path, k + "type." + expectedType(arg(args, 1)), List.of());
            case "format" -> new FormProblem(path, formatKey(arg(args, 0), e.getInstanceNode()), List.of());
            case "enum", "const" -> new FormProblem(path, k + "choice", List.of());
            case "minLength" -> "1".equals(arg(args, 0))
                    ? new FormProblem(path, k + "required", List.of())
                    : new FormProblem(path, k + "min-length", List.of(number(arg(args, 0))));
            case "maxLength" -> new FormProblem(path, k + "max-length", List.of(number(arg(args, 0))));
            case "minimum", "exclusiveMinimum" -> new FormProblem(path, k + "minimum", List.of(arg(args, 0)));
            case "maximum", "exclusiveMaximum" -> new FormProblem(path, k + "maximum", List.of(arg(args, 0)));
            case "minItems" -> "1".equals(arg(args, 0))
                    ? new FormProblem(path, k + "required", List.of())
                    : new FormProblem(path, k + "min-items", List.of(number(arg(args, 0))));
            case "maxItems" -> new FormProblem(path, k + "max-items", List.of(number(arg(args, 0))));
            case "uniqueItems" -> new FormProblem(path, k + "unique", List.of());
            case "pattern" -> new FormProblem(path, patternKey(arg(args, 0)), List.of());
            default -> new FormProblem(path, k + "invalid", List.of());
        };
    }

    private String formatKey(String format, JsonNode value) {
        String k = "catalog.form.error.format.";
        if (FormFields.FORMAT_NIK.equals(format) && value != null && value.isString()) {
            List<String> errors = nikErrors.apply(value.asString());
            return errors.isEmpty() ? k + "nik" : "catalog.form.error.nik." + errors.getFirst();
        }
        return FORMATS.contains(format) ? k + format : "catalog.form.error.invalid";
    }

    private static String patternKey(String pattern) {
        if (FormFields.VILLAGE_PATTERN.equals(pattern)) {
            return REGION_VILLAGE;
        }
        if (FormFields.RT_RW_PATTERN.equals(pattern)) {
            return "catalog.form.error.rt-rw";
        }
        return "catalog.form.error.pattern";
    }

    private static String expectedType(String expected) {
        return switch (expected == null ? "" : expected) {
            case "string", "number", "integer", "boolean", "object", "array" -> expected;
            default -> "other";
        };
    }

    private static Object number(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return s;
        }
    }

    private static String arg(Object[] args, int i) {
        return args.length > i && args[i] != null ? String.valueOf(args[i]) : null;
    }

    /** {@code /anggota/1/nik} as {@code anggota[1].nik}. */
    static String path(NodePath location) {
        StringBuilder sb = new StringBuilder();
        if (location == null) {
            return "";
        }
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(element);
            }
        }
        return sb.toString();
    }

    private static String location(NodePath location) {
        String s = location == null ? "" : location.toString();
        return s.isEmpty() ? "/" : s;
    }

    private static String child(String path, String name) {
        if (name == null) {
            return path;
        }
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A format that checks strings and lets other types pass (the {@code type} keyword judges those). */
    private record StringFormat(String name, Predicate<String> valid) implements Format {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean matches(ExecutionContext context, String value) {
            return value != null && valid.test(value);
        }
    }
}
