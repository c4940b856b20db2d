package id.gerai.catalog.internal;

import id.gerai.catalog.Category;
import id.gerai.catalog.DesignProblem;
import id.gerai.catalog.FormFields;
import id.gerai.catalog.LifeEvent;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceDesign.RequiredDocument;
import id.gerai.catalog.ServiceDesign.Step;
import id.gerai.catalog.StandardComponent;
import id.gerai.identity.Role;
import id.gerai.tenancy.ServicePointKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The checks a design must pass before it is published. Each problem names where it is and carries a
 * message key under {@code catalog.check.}, so the editor can point at it in either language. The checker
 * holds no state; the tenant's agency codes are passed in.
 */
@Component
class DesignChecker {

    /** Upload types the blob store recognises by content. */
    static final Set<String> MIME_TYPES = Set.of("application/pdf", "image/jpeg", "image/png", "image/webp");
    static final int MAX_DOCUMENT_KB = 20 * 1024;
    static final Set<String> ACTIONS = Set.of("APPROVE", "CORRECTION", "REJECT");
    static final Pattern KIND_CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,59}$");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    /** Placeholders the system fills when it issues the document. */
    static final List<String> SYSTEM_PLACEHOLDERS = List.of("decision.", "applicant.", "service.");
    /** Roles that act on applications: the tenant roles. */
    static final Set<String> ROLES = Arrays.stream(Role.values()).filter(Role::perTenant).map(Role::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final int MAX_SCHEMA_PROBLEMS = 5;

    private final SchemaFormValidator validator;

    DesignChecker(SchemaFormValidator validator) {
        this.validator = validator;
    }

    List<DesignProblem> check(ServiceDesign d, Set<String> agencyCodes) {
        List<DesignProblem> p = new ArrayList<>();
        general(d, p);
        standard(d, p);
        documents(d, p);
        Set<String> fields = form(d.form(), p);
        procedure(d, agencyCodes, p);
        output(d, fields, p);
        return p;
    }

    private static void general(ServiceDesign d, List<DesignProblem> p) {
        if (!ServiceDesign.FORMAT.equals(d.format())) {
            p.add(DesignProblem.of("format", "catalog.check.format", ServiceDesign.FORMAT));
        }
        if (blank(d.name())) {
            p.add(DesignProblem.of("name", "catalog.check.name"));
        }
        if (d.kindCode() == null || !KIND_CODE.matcher(d.kindCode()).matches()) {
            p.add(DesignProblem.of("kindCode", "catalog.check.kind-code"));
        }
        if (blank(d.category())) {
            p.add(DesignProblem.of("category", "catalog.check.no-category"));
        } else if (!isEnum(Category.class, d.category())) {
            p.add(DesignProblem.of("category", "catalog.check.unknown-category", d.category()));
        }
        for (int i = 0; i < d.lifeEvents().size(); i++) {
            if (!isEnum(LifeEvent.class, d.lifeEvents().get(i))) {
                p.add(DesignProblem.of("lifeEvents[" + i + "]", "catalog.check.unknown-life-event", d.lifeEvents().get(i)));
            }
        }
        if (d.channels().isEmpty()) {
            p.add(DesignProblem.of("channels", "catalog.check.no-channel"));
        }
        for (int i = 0; i < d.channels().size(); i++) {
            if (!isEnum(ServicePointKind.class, d.channels().get(i))) {
                p.add(DesignProblem.of("channels[" + i + "]", "catalog.check.unknown-channel", d.channels().get(i)));
            }
        }
        if (d.fee() == null) {
            p.add(DesignProblem.of("fee", "catalog.check.no-fee"));
        } else if (d.fee().signum() < 0) {
            p.add(DesignProblem.of("fee", "catalog.check.negative-fee"));
        }
        if (d.timeLimitDays() <= 0) {
            p.add(DesignProblem.of("timeLimitDays", "catalog.check.time-limit"));
        }
    }

    private static void standard(ServiceDesign d, List<DesignProblem> p) {
        for (StandardComponent c : StandardComponent.values()) {
            if (c.published() && blank(d.standard().get(c))) {
                p.add(DesignProblem.of("standard." + c.name(), "catalog.check.missing-standard", c));
            }
        }
    }

    private static void documents(ServiceDesign d, List<DesignProblem> p) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < d.documents().size(); i++) {
            RequiredDocument doc = d.documents().get(i);
            String path = "documents[" + i + "]";
            String label = blank(doc.code()) ? String.valueOf(i + 1) : doc.code();
            if (blank(doc.code())) {
                p.add(DesignProblem.of(path, "catalog.check.document-code", i + 1));
            } else if (!codes.add(doc.code())) {
                p.add(DesignProblem.of(path, "catalog.check.duplicate-document", doc.code()));
            }
            if (blank(doc.name())) {
                p.add(DesignProblem.of(path, "catalog.check.document-name", label));
            }
            if (doc.types().isEmpty()) {
                p.add(DesignProblem.of(path, "catalog.check.document-no-type", label));
            }
            for (String type : doc.types()) {
                if (!MIME_TYPES.contains(type)) {
                    p.add(DesignProblem.of(path, "catalog.check.document-type", label, type));
                }
            }
            if (doc.maxSizeKb() <= 0 || doc.maxSizeKb() > MAX_DOCUMENT_KB) {
                p.add(DesignProblem.of(path, "catalog.check.document-size", label, MAX_DOCUMENT_KB / 1024));
            }
        }
    }

    /** Checks the form and answers the paths a template may use ({@code nama}, {@code alamat.street}). */
    private Set<String> form(ServiceDesign.Form form, List<DesignProblem> p) {
        Set<String> paths = new LinkedHashSet<>();
        Map<String, Object> schema = form.schema();
        if (schema.isEmpty() || !"object".equals(schema.get("type")) || !(schema.get("properties") instanceof Map<?, ?>)) {
            p.add(DesignProblem.of("form.schema", "catalog.check.form-not-object"));
            return paths;
        }
        List<String> schemaProblems = validator.schemaProblems(schema);
        schemaProblems.stream().limit(MAX_SCHEMA_PROBLEMS)
                .forEach(where -> p.add(DesignProblem.of("form.schema", "catalog.check.invalid-schema", where)));
        walk(schema, p);
        Map<?, ?> properties = (Map<?, ?>) schema.get("properties");
        for (Map.Entry<?, ?> e : properties.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (!FormFields.NAME.matcher(name).matches()) {
                p.add(DesignProblem.of("form.schema", "catalog.check.field-name", name));
            }
            paths.add(name);
            if (e.getValue() instanceof Map<?, ?> field && field.get("properties") instanceof Map<?, ?> nested) {
                nested.keySet().forEach(k -> paths.add(name + "." + k));
            }
            ServiceDesign.FieldUi ui = form.ui().get(name);
            if (ui == null || blank(ui.label().get("id"))) {
                p.add(DesignProblem.of("form.ui." + name, "catalog.check.field-label", name));
            }
            if (!form.order().contains(name)) {
                p.add(DesignProblem.of("form.order", "catalog.check.field-not-shown", name));
            }
        }
        if (schema.get("required") instanceof List<?> required) {
            for (Object r : required) {
                if (!properties.containsKey(r)) {
                    p.add(DesignProblem.of("form.schema", "catalog.check.required-unknown", String.valueOf(r)));
                }
            }
        }
        for (String name : form.order()) {
            if (!properties.containsKey(name)) {
                p.add(DesignProblem.of("form.order", "catalog.check.order-unknown", name));
            }
        }
        return paths;
    }

    /** Every {@code $ref} must stay inside the schema and every {@code format} must be one Gerai checks. */
    private static void walk(Object node, List<DesignProblem> p) {
        if (node instanceof Map<?, ?> m) {
            if (m.get("$ref") instanceof String ref && !ref.startsWith("#")) {
                p.add(DesignProblem.of("form.schema", "catalog.check.schema-ref", ref));
            }
            if (m.get("$dynamicRef") instanceof String ref && !ref.startsWith("#")) {
                p.add(DesignProblem.of("form.schema", "catalog.check.schema-ref", ref));
            }
            if (m.get("format") instanceof String format && !SchemaFormValidator.knownFormat(format)) {
                p.add(DesignProblem.of("form.schema", "catalog.check.unknown-format", format));
            }
            m.values().forEach(v -> walk(v, p));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> walk(v, p));
        }
    }

    private static void procedure(ServiceDesign d, Set<String> agencyCodes, List<DesignProblem> p) {
        List<Step> steps = d.procedure().steps();
        if (steps.isEmpty()) {
            p.add(DesignProblem.of("procedure.steps", "catalog.check.no-steps"));
            return;
        }
        Set<String> codes = new HashSet<>();
        Set<String> closedGroups = new HashSet<>();
        String openGroup = null;
        int finalIndex = -1;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            String path = "procedure.steps[" + i + "]";
            String label = blank(s.code()) ? String.valueOf(i + 1) : s.code();
            if (blank(s.code())) {
                p.add(DesignProblem.of(path, "catalog.check.step-code", i + 1));
            } else if (!codes.add(s.code())) {
                p.add(DesignProblem.of(path, "catalog.check.duplicate-step", s.code()));
            }
            if (blank(s.name())) {
                p.add(DesignProblem.of(path, "catalog.check.step-name", label));
            }
            if (s.role() == null || !ROLES.contains(s.role())) {
                p.add(DesignProblem.of(path, "catalog.check.unknown-role", label, Objects.toString(s.role(), "")));
            }
            if (s.agencyCode() != null && !agencyCodes.contains(s.agencyCode())) {
                p.add(DesignProblem.of(path, "catalog.check.unknown-agency", label, s.agencyCode()));
            }
            if (s.days() <= 0) {
                p.add(DesignProblem.of(path, "catalog.check.step-days", label));
            }
            if (s.actions().isEmpty()) {
                p.add(DesignProblem.of(path, "catalog.check.step-no-action", label));
            }
            for (String action : s.actions()) {
                if (!ACTIONS.contains(action)) {
                    p.add(DesignProblem.of(path, "catalog.check.unknown-action", label, action));
                }
            }
            // parallel groups: a named, unbroken run of steps
            String group = s.parallelGroup();
            if (group != null && group.isBlank()) {
                p.add(DesignProblem.of(path, "catalog.check.empty-parallel-group", label));
                group = null;
            }
            if (!Objects.equals(group, openGroup)) {
                if (openGroup != null) {
                    closedGroups.add(openGroup);
                }
                if (group != null && closedGroups.contains(group)) {
                    p.add(DesignProblem.of(path, "catalog.check.split-parallel-group", group, label));
                }
                openGroup = group;
            }
            if (finalIndex >= 0) {
                p.add(DesignProblem.of(path, "catalog.check.step-after-final", label, steps.get(finalIndex).code()));
            } else if (s.finalApproval()) {
                finalIndex = i;
                if (!s.actions().contains("APPROVE")) {
                    p.add(DesignProblem.of(path, "catalog.check.final-cannot-approve", label));
                }
                if (group != null) {
                    p.add(DesignProblem.of(path, "catalog.check.final-in-parallel-group", label));
                }
            }
        }
        if (finalIndex < 0) {
            p.add(DesignProblem.of("procedure.steps", "catalog.check.no-final-step"));
        }
        int total = totalDays(steps);
        if (d.timeLimitDays() > 0 && total > d.timeLimitDays()) {
            p.add(DesignProblem.of("timeLimitDays", "catalog.check.time-exceeded", total, d.timeLimitDays()));
        }
    }

    /** The days the steps take end to end: a run of parallel steps takes as long as its longest step. */
    static int totalDays(List<Step> steps) {
        int total = 0;
        String group = null;
        int groupMax = 0;
        for (Step s : steps) {
            String g = s.parallelGroup() == null || s.parallelGroup().isBlank() ? null : s.parallelGroup();
            if (g != null && g.equals(group)) {
                groupMax = Math.max(groupMax, Math.max(0, s.days()));
                continue;
            }
            total += groupMax;
            group = g;
            groupMax = Math.max(0, s.days());
        }
        return total + groupMax;
    }

    private static void output(ServiceDesign d, Set<String> fields, List<DesignProblem> p) {
        ServiceDesign.OutputDocument out = d.output();
        if (out == null) {
            p.add(DesignProblem.of("output", "catalog.check.no-output"));
            return;
        }
        if (blank(out.title())) {
            p.add(DesignProblem.of("output.title", "catalog.check.output-title"));
        }
        if (blank(out.template())) {
            p.add(DesignProblem.of("output.template", "catalog.check.output-template"));
        } else {
            Set<String> reported = new HashSet<>();
            Matcher m = PLACEHOLDER.matcher(out.template());
            while (m.find()) {
                String name = m.group(1);
                if (!placeholderKnown(name, fields) && reported.add(name)) {
                    p.add(DesignProblem.of("output.template", "catalog.check.unknown-placeholder", name));
                }
            }
        }
        for (String f : out.fields()) {
            if (!fields.contains(f)) {
                p.add(DesignProblem.of("output.fields", "catalog.check.unknown-output-field", f));
            }
        }
    }

    static boolean placeholderKnown(String name, Set<String> fields) {
        for (String prefix : SYSTEM_PLACEHOLDERS) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                return true;
            }
        }
        return fields.contains(name);
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String value) {
        if (value == null) {
            return false;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
