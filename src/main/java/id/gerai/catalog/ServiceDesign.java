package id.gerai.catalog;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole design of one service version, stored as one JSON document and exchanged as one JSON file
 * ({@code format} = {@value #FORMAT}). The same shape is what the editor saves, what an export writes and
 * what an import reads, so a design copied between tenants or installations loses nothing.
 *
 * <p>Missing lists and maps are read as empty ones and missing numbers as zero (never {@code null}), so a
 * half-finished design can be saved as a draft, and two designs with the same content are {@code equals},
 * whichever way they were made.
 *
 * @param format         always {@value #FORMAT}; an import with another value is refused
 * @param name           the service's name in Bahasa Indonesia (required, also for a draft)
 * @param nameEn         its English name (optional; the Indonesian name is shown when missing)
 * @param kindCode       the service kind shared across tenants (e.g. {@code AKTA_KELAHIRAN}), so regions can
 *                       be compared and designs matched; upper case letters, digits and {@code _}
 * @param category       a category code (see {@link Category})
 * @param lifeEvents     life-event codes (see {@link LifeEvent})
 * @param channels       where it is served: service-point kinds {@code ONLINE}, {@code MPP}, {@code MALL},
 *                       {@code VILLAGE_OFFICE}
 * @param standard       the standard's components by {@link StandardComponent} name (Bahasa Indonesia text)
 * @param fee            in rupiah; zero means free
 * @param timeLimitDays  the service's total time limit in working days
 * @param documents      the documents the citizen uploads
 * @param form           the application form
 * @param procedure      the steps an application goes through
 * @param output         the document the service issues
 */
public record ServiceDesign(
        String format,
        String name,
        String nameEn,
        String summary,
        String summaryEn,
        String kindCode,
        String category,
        List<String> lifeEvents,
        List<String> channels,
        Map<StandardComponent, String> standard,
        BigDecimal fee,
        @JsonSetter(nulls = Nulls.AS_EMPTY) int timeLimitDays,
        List<RequiredDocument> documents,
        Form form,
        Procedure procedure,
        OutputDocument output) {

    public static final String FORMAT = "gerai.service-design/1";

    public ServiceDesign {
        lifeEvents = list(lifeEvents);
        channels = list(channels);
        standard = standard == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(standard));
        documents = list(documents);
        form = form == null ? new Form(null, null, null) : form;
        procedure = procedure == null ? new Procedure(null) : procedure;
    }

    /** The English name where there is one, else the Indonesian one. */
    public String name(boolean english) {
        return english && nameEn != null && !nameEn.isBlank() ? nameEn : name;
    }

    /** A document the citizen uploads. {@code types} are MIME types checked by content, not by file name. */
    public record RequiredDocument(String code, String name, String nameEn, @JsonSetter(nulls = Nulls.AS_EMPTY) boolean mandatory,
                                   List<String> types, @JsonSetter(nulls = Nulls.AS_EMPTY) int maxSizeKb) {

        public RequiredDocument {
            types = list(types);
        }
    }

    /**
     * The application form: a JSON Schema (2020-12) that validates the submitted data, and UI hints that
     * say how to show it. {@link FormFields} builds both for every {@link Widget}, so the editor never
     * writes JSON Schema by hand.
     *
     * @param schema the JSON Schema as a JSON object (kept as parsed maps and lists)
     * @param order  the top-level fields in display order
     * @param ui     field name to its hints
     */
    public record Form(Map<String, Object> schema, List<String> order, Map<String, FieldUi> ui) {

        public Form {
            schema = schema == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(schema));
            order = list(order);
            ui = ui == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ui));
        }
    }

    /**
     * How one field is shown.
     *
     * @param label     language ({@code id}, {@code en}) to the field's label
     * @param help      language to a help text under the field (optional)
     * @param widget    one of {@link Widget}
     * @param items     for a repeating group ({@link Widget#GROUP}) the nested fields' hints
     * @param itemOrder for a repeating group the nested fields in display order
     * @param options   for a choice ({@link Widget#SELECT}, {@link Widget#MULTISELECT}) the values with their labels,
     *                  in display order; the schema's {@code enum} holds the same values
     */
    public record FieldUi(Map<String, String> label, Map<String, String> help, Widget widget, Map<String, FieldUi> items,
                          List<String> itemOrder, List<Option> options) {

        public FieldUi {
            label = label == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(label));
            help = help == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(help));
            items = items == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(items));
            itemOrder = list(itemOrder);
            options = list(options);
        }

        public FieldUi(Map<String, String> label, Map<String, String> help, Widget widget, Map<String, FieldUi> items,
                       List<String> itemOrder) {
            this(label, help, widget, items, itemOrder, List.of());
        }

        /** The label in {@code language} ({@code id} or {@code en}), falling back to Bahasa Indonesia. */
        public String label(String language) {
            return label.getOrDefault(language, label.get("id"));
        }
    }

    /** One value of a choice and its label per language. */
    public record Option(String value, Map<String, String> label) {

        public Option {
            label = label == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(label));
        }
    }

    /** The procedure: steps in order; consecutive steps sharing a {@code parallelGroup} run side by side. */
    public record Procedure(List<Step> steps) {

        public Procedure {
            steps = list(steps);
        }
    }

    /**
     * @param code          unique within the procedure, e.g. {@code VERIFIKASI}
     * @param role          the role that acts (a tenant role name, e.g. {@code PETUGAS_INSTANSI})
     * @param agencyCode    the agency whose staff act; {@code null} for the service's own agency
     * @param days          this step's time limit in working days
     * @param actions       allowed actions: {@code APPROVE}, {@code CORRECTION}, {@code REJECT}
     * @param parallelGroup steps with the same group run in parallel and must all approve; {@code null} for none
     * @param finalApproval whether this step's approval decides the application (exactly one step, the last)
     */
    public record Step(String code, String name, String nameEn, String role, String agencyCode,
                       @JsonSetter(nulls = Nulls.AS_EMPTY) int days, List<String> actions, String parallelGroup,
                       @JsonSetter(nulls = Nulls.AS_EMPTY) boolean finalApproval) {

        public Step {
            actions = list(actions);
        }
    }

    /**
     * The issued document: a title and a body template whose {@code {{field}}} placeholders are form
     * fields (dotted into an address: {@code {{alamat.street}}}) or values the system fills
     * ({@code {{decision.*}}}, {@code {{applicant.*}}}, {@code {{service.*}}}).
     *
     * @param fields form fields printed as a table under the body (optional)
     */
    public record OutputDocument(String title, String template, List<String> fields) {

        public OutputDocument {
            fields = list(fields);
        }
    }

    /** An unmodifiable copy without {@code null} elements; {@code null} becomes an empty list. */
    private static <T> List<T> list(List<T> values) {
        if (values == null) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(values.size());
        values.stream().filter(Objects::nonNull).forEach(copy::add);
        return Collections.unmodifiableList(copy);
    }
}
