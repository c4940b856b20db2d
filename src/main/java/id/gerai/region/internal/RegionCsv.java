package id.gerai.region.internal;

import id.gerai.region.RegionKind;
import id.gerai.region.RegionLevel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks the CSV files of a {@link RegionDataset} (RFC 4180: commas, quoted fields, doubled
 * quotes; one header line). Checking here, before anything is written, lets a bad file stop start-up
 * with a message that names the line, and leaves the current list untouched.
 */
final class RegionCsv {

    /** A region as the dataset has it, with what its code says about it. */
    record Row(String code, String parentCode, String name, RegionLevel level, RegionKind kind) {
    }

    private RegionCsv() {
    }

    /**
     * All rows of all levels, parents before children.
     *
     * @throws IllegalStateException naming the file and line of the first problem
     */
    static List<Row> read(RegionDataset dataset) {
        List<Row> rows = new ArrayList<>(100_000);
        Set<String> previousLevel = Set.of();
        for (RegionLevel level : RegionLevel.values()) {
            Set<String> codes = new HashSet<>();
            List<List<String>> lines = parse(new String(dataset.files().get(level), StandardCharsets.UTF_8));
            int expectedColumns = level == RegionLevel.PROVINCE ? 2 : 3;
            for (int i = 1; i < lines.size(); i++) { // line 0 is the header
                List<String> f = lines.get(i);
                String where = dataset.name() + " " + dataset.version() + ", " + level + " line " + (i + 1);
                if (f.size() != expectedColumns) {
                    throw refused(where, "expected " + expectedColumns + " columns, found " + f.size());
                }
                String code = f.getFirst().strip();
                String parent = level == RegionLevel.PROVINCE ? null : f.get(1).strip();
                String name = f.getLast().strip();
                if (!RegionCode.normalize(code).filter(code::equals).isPresent() || RegionCode.level(code) != level) {
                    throw refused(where, "'" + code + "' is not a " + level + " code");
                }
                List<String> above = RegionCode.ancestors(code);
                String derivedParent = above.isEmpty() ? null : above.getLast();
                if (parent != null && !parent.equals(derivedParent)) {
                    throw refused(where, code + " has parent " + parent + ", its code says " + derivedParent);
                }
                if (parent != null && !previousLevel.contains(parent)) {
                    throw refused(where, code + ": parent " + parent + " is not in the dataset");
                }
                if (name.isEmpty()) {
                    throw refused(where, code + " has no name");
                }
                if (!codes.add(code)) {
                    throw refused(where, code + " appears twice");
                }
                rows.add(new Row(code, parent, name, level, RegionCode.kind(code)));
            }
            previousLevel = codes;
        }
        return rows;
    }

    /** The rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null. */
    static String copyText(List<Row> rows) {
        StringBuilder b = new StringBuilder(rows.size() * 48);
        for (Row r : rows) {
            b.append(r.code()).append('\t')
                    .append(r.parentCode() == null ? "\\N" : r.parentCode()).append('\t');
            escape(r.name(), b);
            b.append('\t').append(r.level().name()).append('\t').append(r.kind().name()).append('\n');
        }
        return b.toString();
    }

    private static void escape(String value, StringBuilder b) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
    }

    /** Splits CSV text into records of fields; quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>(3);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0; // byte order mark
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || !field.isEmpty()) {
                    fields.add(field.toString());
                    records.add(fields);
                }
                fields = new ArrayList<>(3);
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new IllegalStateException("Region dataset refused: a quoted field is not closed");
        }
        if (any || !field.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }

    private static IllegalStateException refused(String where, String why) {
        return new IllegalStateException("Region dataset refused (" + where + "): " + why);
    }
}
