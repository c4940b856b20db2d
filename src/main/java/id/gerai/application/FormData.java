package id.gerai.application;

import id.gerai.catalog.FormFields;
import id.gerai.catalog.FormFields.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an HTML form post into the JSON data a service's schema validates, and back, so the citizen's form
 * works as a plain form without JavaScript.
 *
 * <p>Parameter names: {@code f.NAME} for a field; {@code f.NAME.street}, {@code .rt}, {@code .rw},
 * {@code .villageCode} for an address; the same name repeated for a multiple choice; {@code f.NAME[i].ITEM}
 * for row {@code i} of a repeating group. Blank values are left out, so a missing required field is reported
 * as missing; a number that does not parse is kept as text, so the schema reports it as not a number.
 */
public final class FormData {

    public static final String PREFIX = "f.";
    private static final List<String> ADDRESS_PARTS = List.of("street", "rt", "rw", "villageCode");

    private FormData() {
    }

    /** The data of {@code fields} from request parameters. */
    public static Map<String, Object> fromParams(List<Field> fields, Map<String, String[]> params) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (Field f : fields) {
            Object v = value(f, PREFIX + f.name(), params);
            if (v != null) {
                data.put(f.name(), v);
            }
        }
        return data;
    }

    private static Object value(Field f, String name, Map<String, String[]> params) {
        return switch (f.widget()) {
            case MULTISELECT -> {
                String[] values = params.get(name);
                if (values == null) {
                    yield null;
                }
                List<String> chosen = Arrays.stream(values).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
                yield chosen.isEmpty() ? null : new ArrayList<>(chosen);
            }
            case YESNO -> {
                String s = one(params, name);
                yield s == null ? null : "true".equals(s) ? Boolean.TRUE : "false".equals(s) ? Boolean.FALSE : s;
            }
            case NUMBER -> {
                String s = one(params, name);
                if (s == null) {
                    yield null;
                }
                try {
                    yield new BigDecimal(s.replace(',', '.'));
                } catch (NumberFormatException e) {
                    yield s;
                }
            }
            case NIK -> {
                String s = one(params, name);
                yield s == null ? null : s.replaceAll("\\s", "");
            }
            case ADDRESS -> {
                Map<String, Object> address = new LinkedHashMap<>();
                for (String part : ADDRESS_PARTS) {
                    String s = one(params, name + "." + part);
                    if (s != null) {
                        address.put(part, s);
                    }
                }
                yield address.isEmpty() ? null : address;
            }
            case GROUP -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = 0; i < FormFields.GROUP_MAX_ROWS + 1; i++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (Field item : f.items()) {
                        Object v = value(item, name + "[" + i + "]." + item.name(), params);
                        if (v != null) {
                            row.put(item.name(), v);
                        }
                    }
                    if (!row.isEmpty()) {
                        rows.add(row);
                    }
                }
                yield rows.isEmpty() ? null : rows;
            }
            default -> one(params, name);
        };
    }

    private static String one(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        if (values == null || values.length == 0 || values[0] == null) {
            return null;
        }
        String s = values[0].strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * The value at {@code path} in {@code data} as text for an input's {@code value}: {@code nama},
     * {@code alamat.street}, {@code anggota[1].nik}; empty when absent.
     */
    public static String text(Map<String, Object> data, String path) {
        Object v = at(data, path);
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    /** Whether a multiple choice at {@code path} holds {@code value}, or a yes/no field equals it. */
    public static boolean has(Map<String, Object> data, String path, String value) {
        Object v = at(data, path);
        if (v instanceof List<?> list) {
            return list.stream().anyMatch(x -> String.valueOf(x).equals(value));
        }
        return v != null && String.valueOf(v).equals(value);
    }

    /** How many rows a repeating group shows: the rows there are plus one empty row, at most the maximum. */
    public static int rows(Map<String, Object> data, String name) {
        Object v = data == null ? null : data.get(name);
        int n = v instanceof List<?> list ? list.size() : 0;
        return Math.min(n + 1, FormFields.GROUP_MAX_ROWS);
    }

    /** The value at {@code path} ({@code a.b}, {@code a[1].b}) or {@code null}. */
    public static Object at(Map<String, Object> data, String path) {
        Object current = data;
        for (String part : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            String key = part;
            Integer index = null;
            int bracket = part.indexOf('[');
            if (bracket >= 0 && part.endsWith("]")) {
                key = part.substring(0, bracket);
                try {
                    index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            current = current instanceof Map<?, ?> m ? m.get(key) : null;
            if (index != null) {
                current = current instanceof List<?> l && index >= 0 && index < l.size() ? l.get(index) : null;
            }
        }
        return current;
    }
}
