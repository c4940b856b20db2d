package id.gerai.catalog.editor;

import id.gerai.catalog.FormFields;
import id.gerai.catalog.FormFields.Field;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceDesign.FieldUi;
import id.gerai.catalog.ServiceDesign.Form;
import id.gerai.catalog.ServiceDesign.Procedure;
import id.gerai.catalog.ServiceDesign.RequiredDocument;
import id.gerai.catalog.ServiceDesign.Step;
import id.gerai.catalog.StandardComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The editor's changes to a design, as pure functions: each returns a new {@link ServiceDesign} and never
 * touches the one given. Form fields go through {@link FormFields}, so nobody writes JSON Schema by hand.
 */
final class DesignEdits {

    private DesignEdits() {
    }

    static ServiceDesign general(ServiceDesign d, String name, String nameEn, String summary, String summaryEn, String kindCode,
                                 String category, List<String> lifeEvents, List<String> channels, BigDecimal fee, int timeLimitDays) {
        return new ServiceDesign(d.format(), name, blank(nameEn), summary, blank(summaryEn), kindCode, category, lifeEvents, channels,
                d.standard(), fee, timeLimitDays, d.documents(), d.form(), d.procedure(), d.output());
    }

    static ServiceDesign standard(ServiceDesign d, Map<StandardComponent, String> standard) {
        Map<StandardComponent, String> kept = new LinkedHashMap<>();
        standard.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                kept.put(k, v.strip());
            }
        });
        return withStandard(d, kept);
    }

    // --- documents ------------------------------------------------------------------------------------------

    static ServiceDesign putDocument(ServiceDesign d, RequiredDocument doc) {
        List<RequiredDocument> docs = new ArrayList<>(d.documents());
        int at = indexOfDocument(docs, doc.code());
        if (at >= 0) {
            docs.set(at, doc);
        } else {
            docs.add(doc);
        }
        return withDocuments(d, docs);
    }

    static ServiceDesign removeDocument(ServiceDesign d, String code) {
        List<RequiredDocument> docs = new ArrayList<>(d.documents());
        docs.removeIf(x -> x.code().equals(code));
        return withDocuments(d, docs);
    }

    static ServiceDesign moveDocument(ServiceDesign d, String code, int by) {
        List<RequiredDocument> docs = new ArrayList<>(d.documents());
        move(docs, indexOfDocument(docs, code), by);
        return withDocuments(d, docs);
    }

    // --- form fields ----------------------------------------------------------------------------------------

    static ServiceDesign putField(ServiceDesign d, Field field) {
        return withForm(d, FormFields.put(d.form(), field));
    }

    static ServiceDesign removeField(ServiceDesign d, String name) {
        return withForm(d, FormFields.remove(d.form(), name));
    }

    static ServiceDesign moveField(ServiceDesign d, String name, int by) {
        List<String> order = new ArrayList<>(d.form().order());
        move(order, order.indexOf(name), by);
        return withForm(d, FormFields.reorder(d.form(), order));
    }

    /** Adds or replaces {@code item} inside the repeating group {@code group}. */
    static ServiceDesign putGroupItem(ServiceDesign d, String group, Field item) {
        return editGroup(d, group, items -> {
            List<Field> next = new ArrayList<>(items);
            int at = indexOfField(next, item.name());
            if (at >= 0) {
                next.set(at, item);
            } else {
                next.add(item);
            }
            return next;
        });
    }

    static ServiceDesign removeGroupItem(ServiceDesign d, String group, String item) {
        return editGroup(d, group, items -> items.stream().filter(f -> !f.name().equals(item)).toList());
    }

    private static ServiceDesign editGroup(ServiceDesign d, String group, UnaryOperator<List<Field>> edit) {
        Field g = field(d.form(), group);
        if (g == null || g.widget() != id.gerai.catalog.Widget.GROUP) {
            throw new IllegalArgumentException("no group " + group);
        }
        List<Field> items = edit.apply(g.items());
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a group needs at least one field");
        }
        return putField(d, new Field(g.name(), g.widget(), g.required(), g.label(), g.help(), g.options(), g.maxLength(),
                g.minimum(), g.maximum(), items));
    }

    /** The editor's description of field {@code name} as the form holds it now; {@code null} when absent. */
    static Field field(Form form, String name) {
        return FormFields.field(form, name);
    }

    /** Every top-level field of the form, in display order. */
    static List<Field> fields(Form form) {
        return FormFields.fields(form);
    }

    // --- procedure ------------------------------------------------------------------------------------------

    static ServiceDesign putStep(ServiceDesign d, Step step) {
        List<Step> steps = new ArrayList<>(d.procedure().steps());
        int at = indexOfStep(steps, step.code());
        if (step.finalApproval()) {
            // exactly one step decides: the new final step takes over from the old one
            steps.replaceAll(s -> s.finalApproval() && !s.code().equals(step.code())
                    ? new Step(s.code(), s.name(), s.nameEn(), s.role(), s.agencyCode(), s.days(), s.actions(), s.parallelGroup(), false)
                    : s);
        }
        if (at >= 0) {
            steps.set(at, step);
        } else {
            steps.add(step);
        }
        return withProcedure(d, new Procedure(steps));
    }

    static ServiceDesign removeStep(ServiceDesign d, String code) {
        List<Step> steps = new ArrayList<>(d.procedure().steps());
        steps.removeIf(s -> s.code().equals(code));
        return withProcedure(d, new Procedure(steps));
    }

    static ServiceDesign moveStep(ServiceDesign d, String code, int by) {
        List<Step> steps = new ArrayList<>(d.procedure().steps());
        move(steps, indexOfStep(steps, code), by);
        return withProcedure(d, new Procedure(steps));
    }

    static ServiceDesign output(ServiceDesign d, String title, String template) {
        List<String> fields = d.output() == null ? List.of() : d.output().fields();
        return new ServiceDesign(d.format(), d.name(), d.nameEn(), d.summary(), d.summaryEn(), d.kindCode(), d.category(),
                d.lifeEvents(), d.channels(), d.standard(), d.fee(), d.timeLimitDays(), d.documents(), d.form(), d.procedure(),
                new ServiceDesign.OutputDocument(title, template, fields));
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static ServiceDesign withStandard(ServiceDesign d, Map<StandardComponent, String> standard) {
        return new ServiceDesign(d.format(), d.name(), d.nameEn(), d.summary(), d.summaryEn(), d.kindCode(), d.category(),
                d.lifeEvents(), d.channels(), standard, d.fee(), d.timeLimitDays(), d.documents(), d.form(), d.procedure(), d.output());
    }

    private static ServiceDesign withDocuments(ServiceDesign d, List<RequiredDocument> docs) {
        return new ServiceDesign(d.format(), d.name(), d.nameEn(), d.summary(), d.summaryEn(), d.kindCode(), d.category(),
                d.lifeEvents(), d.channels(), d.standard(), d.fee(), d.timeLimitDays(), docs, d.form(), d.procedure(), d.output());
    }

    private static ServiceDesign withForm(ServiceDesign d, Form form) {
        return new ServiceDesign(d.format(), d.name(), d.nameEn(), d.summary(), d.summaryEn(), d.kindCode(), d.category(),
                d.lifeEvents(), d.channels(), d.standard(), d.fee(), d.timeLimitDays(), d.documents(), form, d.procedure(), d.output());
    }

    private static ServiceDesign withProcedure(ServiceDesign d, Procedure procedure) {
        return new ServiceDesign(d.format(), d.name(), d.nameEn(), d.summary(), d.summaryEn(), d.kindCode(), d.category(),
                d.lifeEvents(), d.channels(), d.standard(), d.fee(), d.timeLimitDays(), d.documents(), d.form(), procedure, d.output());
    }

    private static <T> void move(List<T> list, int index, int by) {
        int target = index + by;
        if (index < 0 || target < 0 || target >= list.size()) {
            return;
        }
        T item = list.remove(index);
        list.add(target, item);
    }

    private static int indexOfDocument(List<RequiredDocument> docs, String code) {
        for (int i = 0; i < docs.size(); i++) {
            if (docs.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfStep(List<Step> steps, String code) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfField(List<Field> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }


    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
