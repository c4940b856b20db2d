package id.gerai.application.web;

import id.gerai.application.FormData;
import id.gerai.catalog.FormFields;
import id.gerai.catalog.FormFields.Field;
import id.gerai.catalog.ServiceDesign.Option;
import id.gerai.catalog.Widget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A service's form as the citizen's page shows it: every field with its current value, its error and whether the
 * officer asked for it to be fixed, in the page's language. Parameter names follow {@link FormData} ({@code f.NAME},
 * {@code f.NAME.street}, {@code f.NAME[i].ITEM}), so what the page posts reads back into the same data.
 *
 * <p>Built on the server for every request, so the form needs no JavaScript: a repeating group shows its rows plus
 * one empty row, and more when the citizen asked for more with the "add row" button.
 */
final class FormView {

    /** One value of a choice; {@code id} is the radio's or checkbox's id. */
    record Choice(String value, String label, boolean chosen, String id) {
    }

    /**
     * One field. {@code widget} names a {@link Widget}; {@code parts} are an address's inputs, {@code rows} a group's
     * rows; {@code note} is extra help the server worked out (the name of a region code).
     */
    record FieldView(String name, String path, String param, String id, String widget, String label, String help,
                     boolean required, String value, List<Choice> choices, String error, boolean fix, String note,
                     List<FieldView> parts, List<Row> rows, boolean canAdd) {

        public boolean invalid() {
            return error != null;
        }

        /** The ids that describe the input: its help, the server's note and its error. */
        public String describedBy() {
            List<String> ids = new ArrayList<>();
            if (help != null) {
                ids.add(id + "-hint");
            }
            if (note != null) {
                ids.add(id + "-note");
            }
            if (fix) {
                ids.add(id + "-fix");
            }
            if (error != null) {
                ids.add(id + "-error");
            }
            return ids.isEmpty() ? null : String.join(" ", ids);
        }

        /** Whether this field or anything in it has an error or is to be fixed. */
        public boolean flagged() {
            return error != null || fix || parts.stream().anyMatch(FieldView::flagged)
                    || rows.stream().anyMatch(r -> r.items().stream().anyMatch(FieldView::flagged));
        }
    }

    /** One row of a repeating group, numbered from 1. */
    record Row(int number, String id, List<FieldView> items) {
    }

    /** An error as the summary at the top lists it: a link to the field. */
    record Problem(String anchor, String label, String message) {
    }

    /** A field's value as the review page and the receipt show it. */
    record Line(String label, String value, List<List<Line>> rows) {
    }

    private static final List<String> ADDRESS_PARTS = List.of("street", "rt", "rw", "villageCode");

    private final boolean english;
    private final Map<String, Object> data;
    private final Map<String, String> errors;
    private final List<String> fixes;
    private final Function<String, String> text;
    private final BiFunction<String, Object[], String> textWithArgs;
    private final Function<String, String> regionName;
    private final Function<String, String> dateText;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, String> anchors = new LinkedHashMap<>();
    private final List<FieldView> fields = new ArrayList<>();

    /**
     * @param errors     path to its message, already in the page's language
     * @param fixes      paths the officer asked to fix (a path names the field and everything in it)
     * @param extraRows  group name to the number of rows the citizen asked to see
     * @param text       a message of the page's language by key
     * @param regionName a village code to its name, or {@code null}
     * @param dateText   an ISO date as the page writes dates (what does not parse is returned as it is)
     */
    FormView(List<Field> fields, Map<String, Object> data, Map<String, String> errors, List<String> fixes,
             Map<String, Integer> extraRows, boolean english, Function<String, String> text,
             BiFunction<String, Object[], String> textWithArgs, Function<String, String> regionName,
             Function<String, String> dateText) {
        this.dateText = dateText;
        this.english = english;
        this.data = data == null ? Map.of() : data;
        this.errors = errors == null ? Map.of() : errors;
        this.fixes = fixes == null ? List.of() : fixes;
        this.text = text;
        this.textWithArgs = textWithArgs;
        this.regionName = regionName;
        for (Field f : fields) {
            this.fields.add(view(f, f.name(), f.name(), extraRows == null ? 0 : extraRows.getOrDefault(f.name(), 0)));
        }
    }

    List<FieldView> fields() {
        return fields;
    }

    /** A path's label for lists ("Saksi, baris 1: NIK saksi"); the path itself when the form has no such field. */
    String label(String path) {
        String l = labels.get(path);
        if (l != null) {
            return l;
        }
        String top = path.split("[.\\[]", 2)[0];
        return labels.getOrDefault(top, path);
    }

    /** The errors in form order, each with the id of the element to jump to. */
    List<Problem> problems() {
        Map<String, Integer> order = new java.util.HashMap<>();
        for (String path : labels.keySet()) {
            order.put(path, order.size());
        }
        return errors.entrySet().stream()
                .sorted(java.util.Comparator.comparingInt(e -> order.getOrDefault(e.getKey(),
                        order.getOrDefault(e.getKey().split("[.\\[]", 2)[0], Integer.MAX_VALUE))))
                .map(e -> new Problem(anchor(e.getKey()), label(e.getKey()), e.getValue()))
                .toList();
    }

    /** The id of the input (or the first input of the fieldset) that holds {@code path}. */
    String anchor(String path) {
        String top = path.split("[.\\[]", 2)[0];
        return anchors.getOrDefault(path, anchors.getOrDefault(top, "form-fields"));
    }

    /** Errors whose path names no field of the form (for a note at the top). */
    boolean hasErrors() {
        return !errors.isEmpty();
    }

    // --- building ----------------------------------------------------------------------------------------

    private FieldView view(Field f, String path, String listLabel, int wantedRows) {
        String label = label(f.label());
        String help = f.help() == null ? null : label(f.help());
        String id = id(path);
        String fullLabel = listLabel.equals(f.name()) ? label : listLabel;
        labels.put(path, fullLabel);
        anchors.put(path, id);
        boolean fix = fixes.stream().anyMatch(c -> c.equals(path) || covers(c, path));
        String error = errors.get(path);
        List<Choice> choices = List.of();
        List<FieldView> parts = List.of();
        List<Row> rows = List.of();
        String note = null;
        boolean canAdd = false;
        String value = "";
        switch (f.widget()) {
            case SELECT, MULTISELECT -> {
                List<Choice> cs = new ArrayList<>();
                int i = 0;
                for (Option o : f.options()) {
                    cs.add(new Choice(o.value(), label(o.label()), FormData.has(data, path, o.value()), id + "-" + i++));
                }
                choices = cs;
                if (f.widget() == Widget.MULTISELECT && !cs.isEmpty()) {
                    anchors.put(path, cs.getFirst().id());
                }
            }
            case YESNO -> {
                choices = List.of(new Choice("true", text.apply("common.yes"), FormData.has(data, path, "true"), id + "-yes"),
                        new Choice("false", text.apply("common.no"), FormData.has(data, path, "false"), id + "-no"));
                anchors.put(path, id + "-yes");
            }
            case ADDRESS -> {
                List<FieldView> ps = new ArrayList<>();
                for (String part : ADDRESS_PARTS) {
                    String p = path + "." + part;
                    String partLabel = text.apply("citizen.address." + part);
                    labels.put(p, fullLabel + ": " + partLabel);
                    anchors.put(p, id(p));
                    String v = FormData.text(data, p);
                    ps.add(new FieldView(part, p, FormData.PREFIX + p, id(p), part.equals("villageCode") ? "REGION" : "TEXT",
                            partLabel, part.equals("villageCode") ? text.apply("citizen.region.hint")
                            : part.equals("street") ? null : text.apply("citizen.address.rt-rw.hint"),
                            part.equals("street") || part.equals("villageCode"), v, List.of(), errors.get(p), false,
                            part.equals("villageCode") ? regionNote(v) : null, List.of(), List.of(), false));
                }
                parts = ps;
                anchors.put(path, ps.getFirst().id());
            }
            case GROUP -> {
                int shown = Math.min(FormFields.GROUP_MAX_ROWS, Math.max(FormData.rows(data, f.name()), wantedRows));
                List<Row> rs = new ArrayList<>();
                for (int i = 0; i < shown; i++) {
                    String rowPath = path + "[" + i + "]";
                    String rowLabel = textWithArgs.apply("citizen.form.row", new Object[] {label, i + 1});
                    labels.put(rowPath, rowLabel);
                    List<FieldView> items = new ArrayList<>();
                    for (Field item : f.items()) {
                        String itemPath = rowPath + "." + item.name();
                        items.add(view(item, itemPath, rowLabel + ": " + label(item.label()), 0));
                    }
                    rs.add(new Row(i + 1, id(rowPath), items));
                }
                rows = rs;
                canAdd = shown < FormFields.GROUP_MAX_ROWS;
                if (!rs.isEmpty() && !rs.getFirst().items().isEmpty()) {
                    anchors.put(path, anchors.get(rs.getFirst().items().getFirst().path()));
                }
            }
            case REGION -> {
                value = FormData.text(data, path);
                note = regionNote(value);
            }
            default -> value = FormData.text(data, path);
        }
        return new FieldView(f.name(), path, FormData.PREFIX + path, id, f.widget().name(), label, help, f.required(), value,
                choices, error, fix, note, parts, rows, canAdd);
    }

    private String regionNote(String code) {
        if (code == null || code.isBlank() || regionName == null) {
            return null;
        }
        return regionName.apply(code);
    }

    /** Whether a correction of {@code asked} names {@code path}: the same field, or one that holds it. */
    private static boolean covers(String asked, String path) {
        return path.startsWith(asked + ".") || path.startsWith(asked + "[");
    }

    private String label(Map<String, String> texts) {
        if (texts == null || texts.isEmpty()) {
            return "";
        }
        String en = texts.get("en");
        return english && en != null && !en.isBlank() ? en : texts.getOrDefault("id", texts.values().iterator().next());
    }

    /** An HTML id for a path: {@code saksi[0].nik} is {@code f-saksi-0-nik}. */
    static String id(String path) {
        return "f-" + path.replace("[", "-").replace("]", "").replace('.', '-');
    }

    // --- the summary ---------------------------------------------------------------------------------------

    /** What the citizen entered, field by field, with choices shown by their labels; empty fields are left out. */
    List<Line> lines() {
        return lines(fields);
    }

    private List<Line> lines(List<FieldView> views) {
        List<Line> out = new ArrayList<>();
        for (FieldView v : views) {
            switch (Widget.valueOf(v.widget())) {
                case GROUP -> {
                    List<List<Line>> rows = new ArrayList<>();
                    for (Row r : v.rows()) {
                        List<Line> row = lines(r.items());
                        if (!row.isEmpty()) {
                            rows.add(row);
                        }
                    }
                    if (!rows.isEmpty()) {
                        out.add(new Line(v.label(), null, rows));
                    }
                }
                case ADDRESS -> {
                    String street = v.parts().get(0).value();
                    String rt = v.parts().get(1).value();
                    String rw = v.parts().get(2).value();
                    FieldView village = v.parts().get(3);
                    List<String> pieces = new ArrayList<>();
                    if (!street.isEmpty()) {
                        pieces.add(street);
                    }
                    if (!rt.isEmpty() || !rw.isEmpty()) {
                        pieces.add(textWithArgs.apply("citizen.address.rt-rw", new Object[] {rt.isEmpty() ? "-" : rt, rw.isEmpty() ? "-" : rw}));
                    }
                    if (!village.value().isEmpty()) {
                        pieces.add(village.note() != null ? village.note() + " (" + village.value() + ")" : village.value());
                    }
                    if (!pieces.isEmpty()) {
                        out.add(new Line(v.label(), String.join(", ", pieces), List.of()));
                    }
                }
                case SELECT, MULTISELECT, YESNO -> {
                    List<String> chosen = v.choices().stream().filter(Choice::chosen).map(Choice::label).toList();
                    if (!chosen.isEmpty()) {
                        out.add(new Line(v.label(), String.join(", ", chosen), List.of()));
                    } else if (FormData.at(data, v.path()) != null) {
                        out.add(new Line(v.label(), FormData.text(data, v.path()), List.of()));
                    }
                }
                case REGION -> {
                    if (!v.value().isEmpty()) {
                        out.add(new Line(v.label(), v.note() != null ? v.note() + " (" + v.value() + ")" : v.value(), List.of()));
                    }
                }
                case DATE -> {
                    if (!v.value().isEmpty()) {
                        out.add(new Line(v.label(), dateText == null ? v.value() : dateText.apply(v.value()), List.of()));
                    }
                }
                default -> {
                    if (!v.value().isEmpty()) {
                        out.add(new Line(v.label(), v.value(), List.of()));
                    }
                }
            }
        }
        return out;
    }
}
