package id.gerai.application.staff;

import id.gerai.application.FormData;
import id.gerai.catalog.FormFields;
import id.gerai.catalog.FormFields.Field;
import id.gerai.catalog.ServiceDesign;
import id.gerai.catalog.ServiceDesign.Option;
import id.gerai.region.Region;
import id.gerai.region.RegionApi;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The form data of an application as label and value pairs in the form's order, in the page's language: a
 * choice shows its option's label, a yes/no field the words, a date the written date, a desa/kelurahan its name
 * with its code, an address its parts, and a repeating group its rows. The officer verifies what the citizen
 * entered against their papers, so nothing is left out: an empty field says so.
 */
@Component
class FormDataView {

    /**
     * One field and its value. {@code value} is {@code null} for an empty field and for a group, whose rows are in
     * {@code rows}; {@code flagged} marks a field the citizen was asked to correct.
     */
    record Row(String name, String label, String value, List<List<Row>> rows, boolean flagged) {

        public boolean group() {
            return !rows.isEmpty();
        }
    }

    private final RegionApi regions;
    private final MessageSource messages;

    FormDataView(RegionApi regions, MessageSource messages) {
        this.regions = regions;
        this.messages = messages;
    }

    List<Row> rows(ServiceDesign design, Map<String, Object> data, Collection<String> flagged) {
        List<Row> out = new ArrayList<>();
        for (Field f : FormFields.fields(design.form())) {
            out.add(row(f, f.name(), data, flagged.contains(f.name())));
        }
        return out;
    }

    /** The field labels of the form, for the correction checkboxes. */
    static String label(Field f) {
        String lang = StaffSupport.english() ? "en" : "id";
        Map<String, String> label = f.label();
        String l = label.get(lang);
        return l == null || l.isBlank() ? label.getOrDefault("id", f.name()) : l;
    }

    private Row row(Field f, String path, Map<String, Object> data, boolean flagged) {
        if (f.widget() == id.gerai.catalog.Widget.GROUP) {
            List<List<Row>> rows = new ArrayList<>();
            Object v = FormData.at(data, path);
            int n = v instanceof List<?> list ? list.size() : 0;
            for (int i = 0; i < n; i++) {
                List<Row> cells = new ArrayList<>();
                for (Field item : f.items()) {
                    cells.add(row(item, path + "[" + i + "]." + item.name(), data, false));
                }
                rows.add(cells);
            }
            return new Row(f.name(), label(f), null, rows, flagged);
        }
        return new Row(f.name(), label(f), value(f, path, data), List.of(), flagged);
    }

    private String value(Field f, String path, Map<String, Object> data) {
        Object v = FormData.at(data, path);
        if (v == null || v instanceof String s && s.isBlank()) {
            return null;
        }
        Locale locale = LocaleContextHolder.getLocale();
        return switch (f.widget()) {
            case SELECT -> option(f, String.valueOf(v));
            case MULTISELECT -> v instanceof List<?> list
                    ? String.join(", ", list.stream().map(x -> option(f, String.valueOf(x))).toList())
                    : option(f, String.valueOf(v));
            case YESNO -> Boolean.TRUE.equals(v) || "true".equals(String.valueOf(v))
                    ? messages.getMessage("common.yes", null, locale)
                    : Boolean.FALSE.equals(v) || "false".equals(String.valueOf(v))
                    ? messages.getMessage("common.no", null, locale) : String.valueOf(v);
            case DATE -> date(String.valueOf(v), locale);
            case REGION -> region(String.valueOf(v));
            case ADDRESS -> messages.getMessage("application.staff.address", new Object[] {
                    FormData.text(data, path + ".street"), FormData.text(data, path + ".rt"), FormData.text(data, path + ".rw"),
                    region(FormData.text(data, path + ".villageCode"))}, locale);
            default -> FormData.text(data, path);
        };
    }

    private static String option(Field f, String value) {
        String lang = StaffSupport.english() ? "en" : "id";
        for (Option o : f.options()) {
            if (o.value().equals(value)) {
                String l = o.label().get(lang);
                return l == null || l.isBlank() ? o.label().getOrDefault("id", value) : l;
            }
        }
        return value;
    }

    private static String date(String iso, Locale locale) {
        try {
            return LocalDate.parse(iso).format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
        } catch (DateTimeParseException e) {
            return iso; // shown as entered: the officer sees what is wrong
        }
    }

    private String region(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return regions.find(code).map(Region::name).map(name -> name + " (" + code + ")").orElse(code);
    }
}
