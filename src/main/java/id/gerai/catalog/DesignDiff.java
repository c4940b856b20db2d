package id.gerai.catalog;

import id.gerai.catalog.DesignChange.Kind;
import id.gerai.catalog.DesignChange.Part;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * "What changed" between two designs, as a short list for people: which parts, fields, steps, documents
 * and standard components were added, removed or changed. Not a full JSON diff: a field counts as changed
 * when its schema, its hints or whether it is required changed.
 */
public final class DesignDiff {

    private DesignDiff() {
    }

    public static List<DesignChange> between(ServiceDesign before, ServiceDesign after) {
        List<DesignChange> changes = new ArrayList<>();
        scalar(changes, Part.NAME, List.of(nz(before.name()), nz(before.nameEn())), List.of(nz(after.name()), nz(after.nameEn())));
        scalar(changes, Part.SUMMARY, List.of(nz(before.summary()), nz(before.summaryEn())), List.of(nz(after.summary()), nz(after.summaryEn())));
        scalar(changes, Part.KIND, before.kindCode(), after.kindCode());
        scalar(changes, Part.CATEGORY, before.category(), after.category());
        scalar(changes, Part.LIFE_EVENTS, before.lifeEvents(), after.lifeEvents());
        scalar(changes, Part.CHANNELS, before.channels(), after.channels());
        for (StandardComponent c : StandardComponent.values()) {
            String b = blankToNull(before.standard().get(c));
            String a = blankToNull(after.standard().get(c));
            item(changes, Part.STANDARD, c.name(), b, a);
        }
        if (!sameAmount(before.fee(), after.fee())) {
            changes.add(new DesignChange(Part.FEE, null, Kind.CHANGED));
        }
        scalar(changes, Part.TIME_LIMIT, before.timeLimitDays(), after.timeLimitDays());
        keyed(changes, Part.DOCUMENT, before.documents(), after.documents(), ServiceDesign.RequiredDocument::code);
        fields(changes, before.form(), after.form());
        keyed(changes, Part.STEP, before.procedure().steps(), after.procedure().steps(), ServiceDesign.Step::code);
        List<String> stepsBefore = before.procedure().steps().stream().map(ServiceDesign.Step::code).toList();
        List<String> stepsAfter = after.procedure().steps().stream().map(ServiceDesign.Step::code).toList();
        if (!stepsBefore.equals(stepsAfter) && sameElements(stepsBefore, stepsAfter)) {
            changes.add(new DesignChange(Part.PROCEDURE_ORDER, null, Kind.CHANGED));
        }
        scalar(changes, Part.OUTPUT, before.output(), after.output());
        return changes;
    }

    private static void fields(List<DesignChange> changes, ServiceDesign.Form before, ServiceDesign.Form after) {
        Map<String, Object> b = fieldStates(before);
        Map<String, Object> a = fieldStates(after);
        diffMaps(changes, Part.FIELD, b, a);
        List<String> orderBefore = before.order().stream().filter(a::containsKey).toList();
        List<String> orderAfter = after.order().stream().filter(b::containsKey).toList();
        if (!orderBefore.equals(orderAfter)) {
            changes.add(new DesignChange(Part.FORM_ORDER, null, Kind.CHANGED));
        }
    }

    /** Field name to what makes it what it is: its schema, whether it is required, its hints. */
    private static Map<String, Object> fieldStates(ServiceDesign.Form form) {
        Map<String, Object> states = new LinkedHashMap<>();
        Object props = form.schema().get("properties");
        Object req = form.schema().get("required");
        List<?> required = req instanceof List<?> l ? l : List.of();
        if (props instanceof Map<?, ?> m) {
            m.forEach((name, schema) -> states.put(String.valueOf(name),
                    new FieldState(normalized(schema), required.contains(name), form.ui().get(String.valueOf(name)))));
        }
        return states;
    }

    private record FieldState(Object schema, boolean required, ServiceDesign.FieldUi ui) {
    }

    /** Numbers compared by value, so {@code 1} and {@code 1.0} read from JSON are the same. */
    private static Object normalized(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), normalized(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(DesignDiff::normalized).toList();
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        return value;
    }

    private static <T> void keyed(List<DesignChange> changes, Part part, List<T> before, List<T> after, Function<T, String> key) {
        Map<String, Object> b = new LinkedHashMap<>();
        before.forEach(t -> b.putIfAbsent(String.valueOf(key.apply(t)), t));
        Map<String, Object> a = new LinkedHashMap<>();
        after.forEach(t -> a.putIfAbsent(String.valueOf(key.apply(t)), t));
        diffMaps(changes, part, b, a);
    }

    private static void diffMaps(List<DesignChange> changes, Part part, Map<String, Object> before, Map<String, Object> after) {
        before.forEach((k, v) -> item(changes, part, k, v, after.get(k)));
        after.forEach((k, v) -> {
            if (!before.containsKey(k)) {
                changes.add(new DesignChange(part, k, Kind.ADDED));
            }
        });
    }

    private static void item(List<DesignChange> changes, Part part, String item, Object before, Object after) {
        if (before == null && after == null) {
            return;
        }
        if (before == null) {
            changes.add(new DesignChange(part, item, Kind.ADDED));
        } else if (after == null) {
            changes.add(new DesignChange(part, item, Kind.REMOVED));
        } else if (!before.equals(after)) {
            changes.add(new DesignChange(part, item, Kind.CHANGED));
        }
    }

    private static void scalar(List<DesignChange> changes, Part part, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new DesignChange(part, null, Kind.CHANGED));
        }
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static boolean sameElements(List<String> a, List<String> b) {
        return a.size() == b.size() && a.containsAll(b) && b.containsAll(a);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
