package id.gerai.catalog;

import id.gerai.catalog.ServiceDesign.FieldUi;
import id.gerai.catalog.ServiceDesign.Form;
import id.gerai.catalog.ServiceDesign.Option;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the JSON Schema fragment and the UI hint of every {@link Widget}, so the editor adds, replaces
 * and removes fields of a {@link Form} without writing JSON Schema. Validation of submitted data then
 * runs on the schema alone ({@link FormValidator}), never on hand-written per-field rules.
 *
 * <p>Text fields that are required also get {@code minLength: 1}, because an HTML form sends an empty
 * text rather than leaving the field out; the validator reports both as "required".
 */
public final class FormFields {

    /** The JSON Schema dialect of every form. */
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    /** Custom formats {@link FormValidator} understands, besides the standard {@code date}. */
    public static final String FORMAT_NIK = "nik";
    public static final String FORMAT_REGION = "region-code";
    public static final String FORMAT_PHONE = "phone-id";
    public static final String FORMAT_EMAIL = "email";
    public static final String FORMAT_DATE = "date";

    /** A desa/kelurahan code, {@code PP.KK.CC.DDDD}. */
    public static final String VILLAGE_PATTERN = "^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$";
    /** An RT or RW number, one to three digits. */
    public static final String RT_RW_PATTERN = "^\\d{1,3}$";
    /** A field name: a lower-case letter, then letters, digits or {@code _}; usable as a template placeholder. */
    public static final Pattern NAME = Pattern.compile("^[a-z][a-zA-Z0-9_]{0,39}$");

    public static final int TEXT_MAX = 200;
    public static final int TEXTAREA_MAX = 2000;
    public static final int GROUP_MAX_ROWS = 30;

    private FormFields() {
    }

    /**
     * One field as the editor describes it.
     *
     * @param name      the key in the submitted data (see {@link #NAME})
     * @param label     language ({@code id}, {@code en}) to the label
     * @param help      language to a help text (optional)
     * @param options   the values of a choice with their labels
     * @param maxLength for text: at most this many characters (default {@value #TEXT_MAX} or {@value #TEXTAREA_MAX})
     * @param minimum   for a number: the smallest allowed value (optional)
     * @param maximum   for a number: the largest allowed value (optional)
     * @param items     for a repeating group: its fields (no group inside a group)
     */
    public record Field(String name, Widget widget, boolean required, Map<String, String> label, Map<String, String> help,
                        List<Option> options, Integer maxLength, BigDecimal minimum, BigDecimal maximum, List<Field> items) {

        public Field {
            options = options == null ? List.of() : List.copyOf(options);
            items = items == null ? List.of() : List.copyOf(items);
        }

        /** A field without options, bounds or nested fields. */
        public static Field of(String name, Widget widget, boolean required, String labelId, String labelEn) {
            return new Field(name, widget, required, labels(labelId, labelEn), null, null, null, null, null, null);
        }

        /** A choice of one ({@link Widget#SELECT}) or many ({@link Widget#MULTISELECT}). */
        public static Field choice(String name, Widget widget, boolean required, String labelId, String labelEn, List<Option> options) {
            return new Field(name, widget, required, labels(labelId, labelEn), null, options, null, null, null, null);
        }

        /** A repeating group ({@link Widget#GROUP}) of {@code items}. */
        public static Field group(String name, boolean required, String labelId, String labelEn, List<Field> items) {
            return new Field(name, Widget.GROUP, required, labels(labelId, labelEn), null, null, null, null, null, items);
        }

        public Field withHelp(String helpId, String helpEn) {
            return new Field(name, widget, required, label, labels(helpId, helpEn), options, maxLength, minimum, maximum, items);
        }

        public Field withBounds(BigDecimal min, BigDecimal max) {
            return new Field(name, widget, required, label, help, options, maxLength, min, max, items);
        }
    }

    /** A field's schema fragment (the value under {@code properties}) and its UI hint. */
    public record Fragment(Map<String, Object> schema, FieldUi ui) {
    }

    /** A label or help text in both languages ({@code en} left out when blank). */
    public static Map<String, String> labels(String id, String en) {
        Map<String, String> m = new LinkedHashMap<>();
        if (id != null) {
            m.put("id", id);
        }
        if (en != null && !en.isBlank()) {
            m.put("en", en);
        }
        return m;
    }

    /** A choice value with its labels. */
    public static Option option(String value, String labelId, String labelEn) {
        return new Option(value, labels(labelId, labelEn));
    }

    /**
     * The schema fragment and UI hint of one field.
     *
     * @throws IllegalArgumentException when the name is not a valid field name, a choice has no options, or
     *                                  a group is empty or nested in another group
     */
    public static Fragment fragment(Field field) {
        return fragment(field, false);
    }

    private static Fragment fragment(Field f, boolean insideGroup) {
        if (f.name() == null || !NAME.matcher(f.name()).matches()) {
            throw new IllegalArgumentException("field name must match " + NAME.pattern() + ": " + f.name());
        }
        if (f.widget() == null) {
            throw new IllegalArgumentException("field " + f.name() + " has no widget");
        }
        Map<String, Object> s = new LinkedHashMap<>();
        Map<String, FieldUi> items = Map.of();
        List<String> itemOrder = List.of();
        switch (f.widget()) {
            case TEXT, TEXTAREA -> {
                s.put("type", "string");
                if (f.required()) {
                    s.put("minLength", 1);
                }
                s.put("maxLength", f.maxLength() != null ? f.maxLength() : f.widget() == Widget.TEXT ? TEXT_MAX : TEXTAREA_MAX);
            }
            case NUMBER -> {
                s.put("type", "number");
                if (f.minimum() != null) {
                    s.put("minimum", f.minimum());
                }
                if (f.maximum() != null) {
                    s.put("maximum", f.maximum());
                }
            }
            case DATE -> string(s, FORMAT_DATE);
            case SELECT -> {
                s.put("type", "string");
                s.put("enum", values(f));
            }
            case MULTISELECT -> {
                s.put("type", "array");
                s.put("items", new LinkedHashMap<>(Map.of("type", "string", "enum", values(f))));
                s.put("uniqueItems", true);
                if (f.required()) {
                    s.put("minItems", 1);
                }
            }
            case YESNO -> s.put("type", "boolean");
            case NIK -> string(s, FORMAT_NIK);
            case REGION -> village(s);
            case ADDRESS -> {
                s.put("type", "object");
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("street", new LinkedHashMap<>(Map.of("type", "string", "minLength", 1, "maxLength", TEXT_MAX)));
                props.put("rt", new LinkedHashMap<>(Map.of("type", "string", "pattern", RT_RW_PATTERN)));
                props.put("rw", new LinkedHashMap<>(Map.of("type", "string", "pattern", RT_RW_PATTERN)));
                Map<String, Object> villageCode = new LinkedHashMap<>();
                village(villageCode);
                props.put("villageCode", villageCode);
                s.put("properties", props);
                s.put("required", new ArrayList<>(List.of("street", "villageCode")));
                s.put("additionalProperties", false);
            }
            case PHONE -> string(s, FORMAT_PHONE);
            case EMAIL -> {
                string(s, FORMAT_EMAIL);
                s.put("maxLength", 254);
            }
            case GROUP -> {
                if (insideGroup) {
                    throw new IllegalArgumentException("a group cannot hold another group: " + f.name());
                }
                if (f.items().isEmpty()) {
                    throw new IllegalArgumentException("group " + f.name() + " has no fields");
                }
                Form rows = form(f.items(), true);
                Map<String, Object> row = new LinkedHashMap<>(rows.schema());
                row.remove("$schema");
                s.put("type", "array");
                s.put("items", row);
                if (f.required()) {
                    s.put("minItems", 1);
                }
                s.put("maxItems", GROUP_MAX_ROWS);
                items = rows.ui();
                itemOrder = rows.order();
            }
            default -> throw new IllegalArgumentException("unknown widget " + f.widget());
        }
        FieldUi ui = new FieldUi(f.label(), f.help(), f.widget(), items, itemOrder, f.options());
        return new Fragment(s, ui);
    }

    /** The editor's description of field {@code name} as the form holds it now; {@code null} when absent. */
    public static Field field(Form form, String name) {
        FieldUi ui = form.ui().get(name);
        if (ui == null) {
            return null;
        }
        Map<String, Object> properties = map(form.schema().get("properties"));
        List<?> required = form.schema().get("required") instanceof List<?> l ? l : List.of();
        return field(name, ui, map(properties.get(name)), required.contains(name));
    }

    /** Every top-level field of the form, in display order. */
    public static List<Field> fields(Form form) {
        List<Field> out = new ArrayList<>();
        for (String name : form.order()) {
            Field f = field(form, name);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    private static Field field(String name, FieldUi ui, Map<String, Object> schema, boolean required) {
        List<Field> items = List.of();
        if (ui.widget() == Widget.GROUP) {
            Map<String, Object> row = map(schema.get("items"));
            Map<String, Object> rowProps = map(row.get("properties"));
            List<?> rowRequired = row.get("required") instanceof List<?> l ? l : List.of();
            items = new ArrayList<>();
            for (String item : ui.itemOrder()) {
                FieldUi itemUi = ui.items().get(item);
                if (itemUi != null) {
                    items.add(field(item, itemUi, map(rowProps.get(item)), rowRequired.contains(item)));
                }
            }
        }
        Integer maxLength = schema.get("maxLength") instanceof Number n ? n.intValue() : null;
        BigDecimal min = schema.get("minimum") instanceof Number n ? new BigDecimal(n.toString()) : null;
        BigDecimal max = schema.get("maximum") instanceof Number n ? new BigDecimal(n.toString()) : null;
        return new Field(name, ui.widget(), required, ui.label(), ui.help().isEmpty() ? null : ui.help(), ui.options(),
                maxLength, min, max, items);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** An empty form: an object that allows no fields yet. */
    public static Form emptyForm() {
        return form(List.of());
    }

    /** A form of {@code fields} in this order. */
    public static Form form(List<Field> fields) {
        return form(fields, false);
    }

    private static Form form(List<Field> fields, boolean insideGroup) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        Map<String, FieldUi> ui = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (Field f : fields) {
            if (properties.containsKey(f.name())) {
                throw new IllegalArgumentException("duplicate field " + f.name());
            }
            Fragment fragment = fragment(f, insideGroup);
            properties.put(f.name(), fragment.schema());
            ui.put(f.name(), fragment.ui());
            order.add(f.name());
            if (f.required()) {
                required.add(f.name());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", DIALECT);
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return new Form(schema, order, ui);
    }

    /**
     * {@code form} with {@code field} added at the end, or put in place of the field of the same name.
     * The rest of the schema (including anything written by hand) is kept.
     */
    public static Form put(Form form, Field field) {
        Fragment fragment = fragment(field);
        Map<String, Object> schema = schemaOf(form);
        Map<String, Object> properties = properties(schema);
        properties.put(field.name(), fragment.schema());
        List<String> required = required(schema);
        required.remove(field.name());
        if (field.required()) {
            required.add(field.name());
        }
        Map<String, FieldUi> ui = new LinkedHashMap<>(form.ui());
        ui.put(field.name(), fragment.ui());
        List<String> order = new ArrayList<>(form.order());
        if (!order.contains(field.name())) {
            order.add(field.name());
        }
        return new Form(schema, order, ui);
    }

    /** {@code form} without the field {@code name} (unchanged when there is none). */
    public static Form remove(Form form, String name) {
        Map<String, Object> schema = schemaOf(form);
        properties(schema).remove(name);
        required(schema).remove(name);
        Map<String, FieldUi> ui = new LinkedHashMap<>(form.ui());
        ui.remove(name);
        List<String> order = new ArrayList<>(form.order());
        order.remove(name);
        return new Form(schema, order, ui);
    }

    /** {@code form} with its fields shown in {@code order}; names not in the form are ignored, missing ones go last. */
    public static Form reorder(Form form, List<String> order) {
        List<String> next = new ArrayList<>();
        for (String name : order) {
            if (form.order().contains(name) && !next.contains(name)) {
                next.add(name);
            }
        }
        form.order().stream().filter(n -> !next.contains(n)).forEach(next::add);
        return new Form(form.schema(), next, form.ui());
    }

    private static void string(Map<String, Object> s, String format) {
        s.put("type", "string");
        s.put("format", format);
    }

    private static void village(Map<String, Object> s) {
        string(s, FORMAT_REGION);
        s.put("pattern", VILLAGE_PATTERN);
    }

    private static List<String> values(Field f) {
        if (f.options().isEmpty()) {
            throw new IllegalArgumentException("choice " + f.name() + " has no options");
        }
        return new ArrayList<>(f.options().stream().map(Option::value).toList());
    }

    private static Map<String, Object> schemaOf(Form form) {
        Map<String, Object> schema = form.schema().isEmpty() ? new LinkedHashMap<>(emptyForm().schema()) : new LinkedHashMap<>(form.schema());
        Object props = schema.get("properties");
        schema.put("properties", props instanceof Map<?, ?> m ? new LinkedHashMap<>(m) : new LinkedHashMap<>());
        Object req = schema.get("required");
        schema.put("required", req instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>());
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> schema) {
        return (Map<String, Object>) schema.get("properties");
    }

    @SuppressWarnings("unchecked")
    private static List<String> required(Map<String, Object> schema) {
        return (List<String>) schema.get("required");
    }
}
